// Opening cases for the bench: through the API as a back office would, or straight
// through the Temporal client with a chosen SLA rule (to isolate the clock path).
import { randomUUID } from 'node:crypto';
import { TWENTY_FOUR_SEVEN_CALENDAR_ID, twentyFourSevenCalendarSpec } from '../domain/calendar-presets';
import { DEFAULT_SLA_POLICY, resolveSlaRule, type SlaRule } from '../domain/sla-policy';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type OpenCaseInput } from '../workflows/case/contract';
import type { caseWorkflow } from '../workflows/case/workflow';
import { backOffice, type Stack } from './stack';

export const intake = {
  customerId: 'acme',
  subject: 'Cannot export reports',
  description: 'The export button spins forever since this morning.',
  category: 'DEFECT',
  priority: 'NORMAL',
  channel: 'ONLINE',
};

/** POST /v1/cases; the answer is the case's live view, so the workflow has run its first task. */
export async function openViaApi(stack: Stack): Promise<string> {
  const body = (await stack.api.expect(201, 'POST', '/v1/cases', stack.tokens.system, intake, { 'idempotency-key': randomUUID() })) as { caseId: string };
  return body.caseId;
}

export async function act(stack: Stack, caseId: string, action: string, body: Record<string, unknown>, token = stack.tokens.agent): Promise<void> {
  await stack.api.expect(200, 'POST', `/v1/cases/${caseId}/${action}`, token, body, { 'idempotency-key': randomUUID() });
}

/** Starts a case workflow directly, as the API would but with `rule` overriding the default NORMAL rule. */
export async function startCaseDirect(stack: Stack, caseId: string, rule: Partial<SlaRule>, taskQueue = stack.caseQueue): Promise<void> {
  const open: OpenCaseInput = {
    ...(intake as Omit<OpenCaseInput, 'caseId' | 'openedBy' | 'sla'>),
    caseId,
    openedBy: backOffice,
    sla: {
      policyId: DEFAULT_SLA_POLICY.id,
      policyVersion: DEFAULT_SLA_POLICY.version,
      rule: { ...resolveSlaRule(DEFAULT_SLA_POLICY, 'NORMAL'), ...rule },
      calendarId: TWENTY_FOUR_SEVEN_CALENDAR_ID,
      calendar: twentyFourSevenCalendarSpec('UTC'),
    },
  };
  await stack.caseClient.workflow.start<typeof caseWorkflow>(CASE_WORKFLOW_TYPE, {
    workflowId: caseWorkflowId(caseId),
    taskQueue,
    args: [{ open }],
  });
}
