// The lifecycle's rules as pure functions: who may do what in which status, and
// what each action changes. Fast, no servers.
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { createBusinessCalendar } from '../../domain/business-calendar';
import type { CaseCommand } from '../../domain/case-commands';
import { tick } from '../../domain/case-clock-events';
import { ActionRejected } from '../../domain/case-errors';
import { applyCommand, type Ctx } from '../../domain/case-machine';
import { openCase } from '../../domain/case-open';
import type { CaseState } from '../../domain/case-state';
import type { Actor } from '../../domain/case-types';
import { DEFAULT_SLA_POLICY, resolveSlaRule } from '../../domain/sla-policy';

const T0 = new Date('2026-03-02T00:00:00Z');
const MIN = 60_000;
const rule = resolveSlaRule(DEFAULT_SLA_POLICY, 'NORMAL');
const calendar = createBusinessCalendar(twentyFourSevenCalendarSpec('UTC'));
const at = (ms: number): Ctx => ({ rule, calendar, now: new Date(T0.getTime() + ms) });

const customer: Actor = { id: 'c1', role: 'customer', customerId: 'acme' };
const agent: Actor = { id: 'a1', role: 'agent' };
const supervisor: Actor = { id: 's1', role: 'supervisor' };

function fresh(category: CaseState['category'] = 'INQUIRY'): CaseState {
  return openCase(
    { caseId: 'k1', customerId: 'acme', subject: 's', description: 'd', category, priority: 'NORMAL', channel: 'HOTLINE', openedBy: customer, policy: { id: 'default', version: 1 }, calendarId: '24x7' },
    at(0),
  ).state;
}

function rejects(state: CaseState, cmd: CaseCommand, actor: Actor, reason: ActionRejected['reason']): void {
  const before = JSON.stringify(state);
  let caught: unknown;
  try {
    applyCommand(JSON.parse(before) as CaseState, cmd, actor, at(MIN));
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ActionRejected);
  expect((caught as ActionRejected).reason).toBe(reason);
  expect(JSON.stringify(state)).toBe(before);
}

describe('opening a case', () => {
  it('when a case opens, then it is OPEN at front line with the first-response and ladder clocks running and the request recorded', () => {
    const s = fresh();
    expect(s).toMatchObject({ status: 'OPEN', level: 0, unit: 'front-line', seq: 1 });
    expect(s.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['FIRST_RESPONSE', new Date(T0.getTime() + 60 * MIN).toISOString()],
      ['ESCALATION', new Date(T0.getTime() + 3 * 24 * 60 * MIN).toISOString()],
    ]);
    expect(s.recentInteractions[0]).toMatchObject({ kind: 'OPENED', channel: 'HOTLINE', actorId: 'c1' });
  });
});

describe('who may act', () => {
  const cases: [string, CaseCommand, Actor, ActionRejected['reason']][] = [
    ['a customer acknowledging', { type: 'acknowledge' }, customer, 'FORBIDDEN'],
    ['an agent accepting for the customer', { type: 'accept' }, agent, 'FORBIDDEN'],
    ['a customer of another organisation replying', { type: 'customerReply', message: 'hi' }, { id: 'x', role: 'customer', customerId: 'globex' }, 'FORBIDDEN'],
    ['an agent assigning someone else', { type: 'assign', assignee: 'a2' }, agent, 'FORBIDDEN'],
    ['accepting before any result', { type: 'accept' }, customer, 'STATE'],
    ['appealing before any result', { type: 'appeal', grounds: 'g' }, customer, 'STATE'],
    ['an agent deciding an appeal', { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'r' }, agent, 'FORBIDDEN'],
    ['deciding an unknown compensation grant', { type: 'decideCompensation', grantId: 'G9', approve: true }, supervisor, 'INVALID'],
  ];
  it.each(cases)('when %s, then it is rejected and the state is untouched', (_name, cmd, actor, reason) => {
    rejects(fresh(), cmd, actor, reason);
  });

  it('when an agent assigns the case to themself, then they become the assignee', () => {
    const s = fresh();
    applyCommand(s, { type: 'assign', assignee: 'a1' }, agent, at(MIN));
    expect(s.assignee).toBe('a1');
  });
});

describe('first response (C3.2)', () => {
  it.each<[string, CaseCommand]>([
    ['an acknowledgement', { type: 'acknowledge' }],
    ['a reply', { type: 'reply', message: 'hello' }],
    ['a request for information', { type: 'requestInfo', message: 'which account?' }],
  ])('when the first staff answer is %s, then the first-response clock is met', (_n, cmd) => {
    const s = fresh();
    applyCommand(s, cmd, agent, at(10 * MIN));
    expect(s.firstRespondedAt).toBe(at(10 * MIN).now.toISOString());
    expect(s.deadlines.find((d) => d.kind === 'FIRST_RESPONSE')!.status).toBe('MET');
  });

  it('when the deadline passes unanswered, then tick records the breach once, warns before it, and keeps the case OPEN', () => {
    const s = fresh();
    const warn = tick(s, at(46 * MIN));
    expect(warn.notices.map((n) => n.type)).toEqual(['deadline.warning']);
    const breach = tick(s, at(61 * MIN));
    expect(breach.notices.map((n) => n.type)).toEqual(['deadline.breached']);
    expect(s.breaches).toHaveLength(1);
    expect(tick(s, at(62 * MIN)).notices).toEqual([]);
    expect(s.status).toBe('OPEN');
  });
});

describe('C1.4 routing', () => {
  it('when a finding is recorded before the acknowledgement, then routing waits for the acknowledgement', () => {
    const s = fresh('CORE_TECHNICAL_FAILURE');
    applyCommand(s, { type: 'recordFinding', finding: 'DB cluster down' }, agent, at(MIN));
    expect(s.level).toBe(0);
    applyCommand(s, { type: 'acknowledge' }, agent, at(2 * MIN));
    expect(s).toMatchObject({ level: 1, unit: 'technical-support', status: 'ESCALATED' });
  });

  it('when an ordinary category is acknowledged with a finding, then it stays at front line', () => {
    const s = fresh('INQUIRY');
    applyCommand(s, { type: 'acknowledge' }, agent, at(MIN));
    applyCommand(s, { type: 'recordFinding', finding: 'FAQ answers it' }, agent, at(2 * MIN));
    expect(s.level).toBe(0);
  });
});

describe('the interaction log (C2.1(f))', () => {
  it('when actions follow each other, then every one is logged once with gap-free sequence numbers', () => {
    const s = fresh();
    applyCommand(s, { type: 'acknowledge' }, agent, at(MIN));
    applyCommand(s, { type: 'reply', message: 'm', measures: 'restarted service' }, agent, at(2 * MIN));
    applyCommand(s, { type: 'resolve', result: 'works', procedure: 'SERVICE_STATUS_CHECK' }, agent, at(3 * MIN));
    expect(s.recentInteractions.map((i) => [i.seq, i.kind])).toEqual([
      [1, 'OPENED'],
      [2, 'ACKNOWLEDGED'],
      [3, 'AGENT_REPLY'],
      [4, 'RESOLVED'],
    ]);
    expect(s.recentInteractions[2]!.measures).toBe('restarted service');
    expect(s.recentInteractions[3]!.measures).toContain('SERVICE_STATUS_CHECK');
  });
});
