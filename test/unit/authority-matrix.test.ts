// C2.2(d) as pure rules: which limits the provider's matrix gives an actor, which limit
// applies to a grant's currency, and what the case does with them.
import { compensationLimitIn, DEFAULT_COMPENSATION_LIMITS } from '../../domain/authority';
import { DEFAULT_AUTHORITY_MATRIX, resolveCompensationLimits, type AuthorityMatrix } from '../../domain/authority-matrix';
import { createBusinessCalendar } from '../../domain/business-calendar';
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { ActionRejected } from '../../domain/case-errors';
import { applyCommand, type Ctx } from '../../domain/case-machine';
import { openCase } from '../../domain/case-open';
import type { CaseState } from '../../domain/case-state';
import type { Actor } from '../../domain/case-types';
import { DEFAULT_SLA_POLICY, resolveSlaRule } from '../../domain/sla-policy';

const matrix: AuthorityMatrix = {
  roles: { agent: { CNY: 1_000, USD: 100 }, supervisor: { CNY: 5_000 } },
  agents: { 'agent-bob': { CNY: 3_000, EUR: 50 } },
};

describe('resolving an actor\'s limits from the matrix', () => {
  it('when the actor has no override, then their role\'s limits apply', () => {
    expect(resolveCompensationLimits(matrix, { id: 'agent-ann', role: 'agent' })).toEqual({ CNY: 1_000, USD: 100 });
  });

  it('when the actor has an override, then it wins in the currencies it names and the role fills the rest', () => {
    expect(resolveCompensationLimits(matrix, { id: 'agent-bob', role: 'agent' })).toEqual({ CNY: 3_000, USD: 100, EUR: 50 });
  });

  it('when the role is not in the matrix, then only an override gives the actor any limit', () => {
    expect(resolveCompensationLimits(matrix, { id: 'mgr-max', role: 'manager' })).toEqual({});
    expect(resolveCompensationLimits(matrix, { id: 'agent-bob', role: 'manager' })).toEqual({ CNY: 3_000, EUR: 50 });
  });

  it('when an actor ID names a property every object inherits, then it gives no limits', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(resolveCompensationLimits({ roles: {}, agents: {} }, { id, role: 'agent' })).toEqual({});
    }
  });

  it('when nobody has saved a matrix, then the built-in one holds the old role defaults in CNY and nothing else', () => {
    for (const role of ['agent', 'supervisor', 'manager'] as const) {
      expect(resolveCompensationLimits(DEFAULT_AUTHORITY_MATRIX, { id: 'x', role })).toEqual({ CNY: DEFAULT_COMPENSATION_LIMITS[role] });
    }
    for (const role of ['admin', 'customer', 'system'] as const) {
      expect(resolveCompensationLimits(DEFAULT_AUTHORITY_MATRIX, { id: 'x', role })).toEqual({});
    }
  });
});

describe('the limit for a grant\'s currency', () => {
  const agent: Actor = { id: 'a1', role: 'agent' };

  it('when the actor carries per-currency limits, then the grant\'s currency decides and a currency left out is 0', () => {
    const withLimits: Actor = { ...agent, compensationLimits: { CNY: 1_000 } };
    expect(compensationLimitIn(withLimits, 'CNY')).toBe(1_000);
    expect(compensationLimitIn(withLimits, 'USD')).toBe(0);
    expect(compensationLimitIn({ ...agent, compensationLimits: {} }, 'CNY')).toBe(0);
  });

  it('when the actor carries both, then the per-currency limits decide and the single limit is not read', () => {
    expect(compensationLimitIn({ ...agent, compensationLimit: 1_000_000, compensationLimits: { CNY: 10 } }, 'CNY')).toBe(10);
  });

  it('when the actor carries no per-currency limits (histories before the matrix), then the single limit or the role default applies in any currency', () => {
    expect(compensationLimitIn({ ...agent, compensationLimit: 5_000 }, 'JPY')).toBe(5_000);
    expect(compensationLimitIn(agent, 'USD')).toBe(DEFAULT_COMPENSATION_LIMITS.agent);
  });

  it('when a currency code names a property every object inherits, then it is 0', () => {
    expect(compensationLimitIn({ ...agent, compensationLimits: { CNY: 1_000 } }, 'constructor')).toBe(0);
  });
});

describe('a case following per-currency limits', () => {
  const rule = resolveSlaRule(DEFAULT_SLA_POLICY, 'NORMAL');
  const at = (minutes: number): Ctx => ({ rule, calendar: createBusinessCalendar(twentyFourSevenCalendarSpec('UTC')), now: new Date(Date.UTC(2026, 2, 2, 0, minutes)) });
  const customer: Actor = { id: 'c1', role: 'customer', customerId: 'acme' };
  const agent: Actor = { id: 'a1', role: 'agent', compensationLimits: { CNY: 20_000 } };

  function inProgress(): CaseState {
    const { state } = openCase(
      { caseId: 'k1', customerId: 'acme', subject: 's', description: 'd', category: 'INQUIRY', priority: 'NORMAL', channel: 'HOTLINE', openedBy: customer, policy: { id: 'default', version: 1 }, calendarId: '24x7' },
      at(0),
    );
    applyCommand(state, { type: 'acknowledge' }, agent, at(1));
    return state;
  }

  it('when an agent grants in a currency their limits leave out, then it waits for approval; an approver without that currency is refused, one with it approves', () => {
    const s = inProgress();
    applyCommand(s, { type: 'grantCompensation', amount: 100, currency: 'USD', reason: 'outage' }, agent, at(2));
    expect(s.compensation[0]!.status).toBe('PENDING_APPROVAL');
    expect(s.deadlines.some((d) => d.kind === 'COMPENSATION_APPROVAL' && d.status === 'PENDING')).toBe(true);

    const cnyOnly: Actor = { id: 'm1', role: 'manager', compensationLimits: { CNY: 1_000_000 } };
    expect(() => applyCommand(structuredClone(s), { type: 'decideCompensation', grantId: 'G1', approve: true }, cnyOnly, at(3))).toThrow(ActionRejected);
    applyCommand(s, { type: 'decideCompensation', grantId: 'G1', approve: true }, { id: 'm2', role: 'manager', compensationLimits: { USD: 100 } }, at(3));
    expect(s.compensation[0]!.status).toBe('APPROVED');
  });

  it('when an agent grants within their limit in that currency, then it is granted at once', () => {
    const s = inProgress();
    applyCommand(s, { type: 'grantCompensation', amount: 20_000, currency: 'CNY', reason: 'outage' }, agent, at(2));
    expect(s.compensation[0]!.status).toBe('GRANTED');
  });
});
