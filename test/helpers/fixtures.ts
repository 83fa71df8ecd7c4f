// Inputs for cases in tests. Workflow tests use an around-the-clock UTC calendar so
// durations read plainly; business-calendar semantics have their own unit tests.
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import type { Actor } from '../../domain/case-types';
import { DEFAULT_SLA_POLICY, resolveSlaRule, type SlaRule } from '../../domain/sla-policy';
import type { OpenCaseInput, PinnedSla } from '../../workflows/case/contract';

export const customer: Actor = { id: 'cust-user-1', role: 'customer', customerId: 'acme' };
export const agent: Actor = { id: 'agent-ann', role: 'agent' };
export const agent2: Actor = { id: 'agent-bob', role: 'agent' };
export const supervisor: Actor = { id: 'sup-sue', role: 'supervisor' };
export const manager: Actor = { id: 'mgr-max', role: 'manager' };
export const backOffice: Actor = { id: 'crm', role: 'system' };

export function pinnedSla(overrides: Partial<SlaRule> = {}): PinnedSla {
  return {
    policyId: DEFAULT_SLA_POLICY.id,
    policyVersion: DEFAULT_SLA_POLICY.version,
    rule: { ...resolveSlaRule(DEFAULT_SLA_POLICY, 'NORMAL'), ...overrides },
    calendarId: '24x7-utc',
    calendar: twentyFourSevenCalendarSpec('UTC'),
  };
}

let n = 0;
export function openInput(overrides: Partial<OpenCaseInput> = {}): OpenCaseInput {
  n += 1;
  return {
    caseId: `t${Date.now().toString(36)}${n}`,
    customerId: 'acme',
    subject: 'Cannot log in',
    description: 'Since this morning the portal rejects my password.',
    category: 'ACCOUNT',
    priority: 'NORMAL',
    channel: 'ONLINE',
    openedBy: customer,
    sla: pinnedSla(),
    ...overrides,
  };
}
