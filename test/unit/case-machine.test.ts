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

const ladderTop = (s: CaseState): number => Math.max(...rule.escalationLadder.map((x) => x.toLevel)) - s.level;

describe('escalation edge cases', () => {
  it('when an agent escalates a C1.4 category before any finding, then it still goes to the category\'s unit, not the generic ladder unit', () => {
    const s = fresh('SECURITY_VULNERABILITY');
    applyCommand(s, { type: 'acknowledge' }, agent, at(MIN));
    applyCommand(s, { type: 'escalate', reason: 'needs security' }, agent, at(2 * MIN));
    expect(s).toMatchObject({ level: 1, unit: 'security' });
  });

  it('when the case is at the top level, then an agent cannot escalate further, and a dispute is re-assessed at the top', () => {
    const s = fresh();
    applyCommand(s, { type: 'acknowledge' }, agent, at(MIN));
    for (let i = ladderTop(s); i > 0; i--) applyCommand(s, { type: 'escalate', reason: 'up' }, agent, at(2 * MIN));
    expect(s).toMatchObject({ level: 3, unit: 'management' });
    rejects(s, { type: 'escalate', reason: 'more' }, agent, 'STATE');
    applyCommand(s, { type: 'resolve', result: 'decided' }, supervisor, at(3 * MIN));
    applyCommand(s, { type: 'dispute', reason: 'no' }, customer, at(4 * MIN));
    expect(s).toMatchObject({ level: 3, unit: 'management', status: 'ESCALATED' });
    expect(s.previousResolutions?.map((r) => r.result)).toEqual(['decided']);
    expect(s.resolution).toBeUndefined();
  });

  it('when a waiting case is escalated, then the progress clock runs again at the new level', () => {
    const s = fresh();
    applyCommand(s, { type: 'requestInfo', message: 'details?' }, agent, at(MIN));
    expect(s.deadlines.filter((d) => d.kind === 'PROGRESS_UPDATE' && d.status === 'PENDING')).toHaveLength(0);
    applyCommand(s, { type: 'escalate', reason: 'beyond me' }, agent, at(2 * MIN));
    expect(s.status).toBe('ESCALATED');
    expect(s.deadlines.filter((d) => d.kind === 'PROGRESS_UPDATE' && d.status === 'PENDING')).toHaveLength(1);
  });
});

describe('clocks that must keep running', () => {
  it('when a progress update is missed, then the breach is recorded and the next interval starts from it', () => {
    const s = fresh();
    applyCommand(s, { type: 'acknowledge' }, agent, at(0));
    tick(s, at(481 * MIN));
    const progress = s.deadlines.filter((d) => d.kind === 'PROGRESS_UPDATE');
    expect(progress.map((d) => d.status)).toEqual(['BREACHED', 'PENDING']);
    expect(progress[1]!.startedAt).toBe(progress[0]!.due);
  });

  it('when a waiting customer is about to time out, then they are reminded first', () => {
    const s = fresh();
    applyCommand(s, { type: 'requestInfo', message: 'invoice number?' }, agent, at(0));
    const out = tick(s, at(4 * 24 * 60 * MIN)); // 80 % of five days
    expect(out.notices).toEqual([expect.objectContaining({ type: 'case.reply_reminder', audience: ['customer'] })]);
  });
});

describe('four eyes and compensation after close', () => {
  it('when a supervisor was assigned the case, then they may not decide its appeal even if they never wrote to it', () => {
    const s = fresh();
    applyCommand(s, { type: 'assign', assignee: 's1' }, supervisor, at(0));
    applyCommand(s, { type: 'resolve', result: 'done' }, agent, at(MIN));
    applyCommand(s, { type: 'appeal', grounds: 'no' }, customer, at(2 * MIN));
    rejects(s, { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'fine' }, supervisor, 'FORBIDDEN');
  });

  it('when a case closes with a grant still pending, then the grant can still be decided', () => {
    const s = fresh();
    applyCommand(s, { type: 'acknowledge' }, agent, at(0));
    applyCommand(s, { type: 'grantCompensation', amount: 500_000, currency: 'CNY', reason: 'outage' }, agent, at(MIN));
    applyCommand(s, { type: 'withdraw' }, customer, at(2 * MIN));
    applyCommand(s, { type: 'decideCompensation', grantId: 'G1', approve: true }, { id: 'm1', role: 'manager' }, at(3 * MIN));
    expect(s.compensation[0]!.status).toBe('APPROVED');
  });
});

describe('long cases stay small', () => {
  it('when an agent replies a thousand times, then settled clocks are pruned, running ones kept, and clock IDs stay unique', () => {
    const s = fresh();
    applyCommand(s, { type: 'acknowledge' }, agent, at(0));
    const ids = new Set<string>();
    for (let i = 1; i <= 1000; i++) {
      applyCommand(s, { type: 'reply', message: `update ${i}` }, agent, at(i * MIN));
      for (const d of s.deadlines) ids.add(d.id);
    }
    expect(s.deadlines.length).toBeLessThanOrEqual(25);
    expect(s.deadlines.filter((d) => d.status === 'PENDING').map((d) => d.kind).sort()).toEqual(['ESCALATION', 'PROGRESS_UPDATE']);
    expect(ids.size).toBeGreaterThan(1000); // every clock got its own ID
    expect(JSON.stringify(s).length).toBeLessThan(40_000);
  });
});
