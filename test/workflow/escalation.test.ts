// C3.4 and C1.4: the escalation ladder, agent escalation and specialist routing,
// on the time-skipping server.
import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { act, eventually, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, pinnedSla } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

const ladder = [
  { toLevel: 1, afterBusinessDays: 3, unit: 'specialist' },
  { toLevel: 2, afterBusinessDays: 2, unit: 'customer-care-manager' },
  { toLevel: 3, afterBusinessDays: 2, unit: 'management' },
];

describe('C3.4 escalation ladder', () => {
  it('when a case stays unresolved 3 business days at front line, then it escalates to level 1 and the customer is told the path', async () => {
    const open = await startCase(h, { sla: pinnedSla({ escalationLadder: ladder, progressUpdateMinutes: 100_000 }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await h.env.sleep('2 days');
    expect((await view(h, open.caseId)).level).toBe(0);

    await h.env.sleep('1441 minutes');
    const v = await view(h, open.caseId);
    expect(v).toMatchObject({ status: 'ESCALATED', level: 1, unit: 'specialist' });
    expect(v.escalations).toEqual([expect.objectContaining({ fromLevel: 0, toLevel: 1, trigger: 'CLOCK' })]);
    const told = v.recentInteractions.find((i) => i.kind === 'ESCALATED')!;
    expect(told.visibleToCustomer).toBe(true);
    expect(told.result).toContain('customer-care-manager → management');

    const notices = await eventually(
      () => h.db.db.select().from(outbox).where(eq(outbox.caseId, open.caseId)),
      (rows) => rows.some((r) => r.type === 'case.escalated'),
    );
    const escalated = notices.find((r) => r.type === 'case.escalated')!;
    expect((escalated.payload as { audience: string[] }).audience).toContain('customer');
  });

  it('when each level keeps the case unresolved for its own N days, then it climbs level by level to management and stops there', async () => {
    const open = await startCase(h, { sla: pinnedSla({ escalationLadder: ladder, progressUpdateMinutes: 100_000 }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await h.env.sleep('4321 minutes');
    expect((await view(h, open.caseId)).level).toBe(1);
    await h.env.sleep('2 days');
    expect((await view(h, open.caseId)).level).toBe(2);
    await h.env.sleep('2 days');
    const top = await view(h, open.caseId);
    expect(top).toMatchObject({ level: 3, unit: 'management' });
    expect(top.openDeadlines.filter((d) => d.kind === 'ESCALATION')).toEqual([]);
    await h.env.sleep('10 days');
    expect((await view(h, open.caseId)).level).toBe(3);
  });

  it('when the case is resolved before the ladder clock runs out, then it never escalates', async () => {
    const open = await startCase(h, { sla: pinnedSla({ escalationLadder: ladder }) });
    await act(h, open.caseId, agent, { type: 'resolve', result: 'Password reset.', procedure: 'PASSWORD_RESET' });
    await h.env.sleep('4 days');
    const v = await view(h, open.caseId);
    expect(v.level).toBe(0);
    expect(v.escalations).toEqual([]);
  });
});

describe('C2.2(e) agent escalation', () => {
  it('when an agent escalates beyond their authority, then the case goes up one level with the reason and a fresh ladder clock', async () => {
    const open = await startCase(h, { sla: pinnedSla({ escalationLadder: ladder }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const r = await act(h, open.caseId, agent, { type: 'escalate', reason: 'Refund beyond my authority' });
    expect(r.status).toBe('ESCALATED');
    const v = await view(h, open.caseId);
    expect(v.level).toBe(1);
    expect(v.escalations[0]).toMatchObject({ trigger: 'AGENT', by: agent.id, reason: 'Refund beyond my authority' });
    const clock = v.openDeadlines.find((d) => d.kind === 'ESCALATION')!;
    expect(clock.ref).toBe('1');
    expect(Date.parse(clock.due) - Date.parse(clock.startedAt)).toBe(2 * 24 * 3600 * 1000);
  });
});

describe('C1.4 specialist routing', () => {
  it('when a security vulnerability is acknowledged and a preliminary finding recorded, then it goes to the security unit', async () => {
    const open = await startCase(h, { category: 'SECURITY_VULNERABILITY', sla: pinnedSla({ escalationLadder: ladder }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    expect((await view(h, open.caseId)).level).toBe(0);
    await act(h, open.caseId, agent, { type: 'recordFinding', finding: 'Reproduced: session token in URL.' });
    const v = await view(h, open.caseId);
    expect(v).toMatchObject({ status: 'ESCALATED', level: 1, unit: 'security' });
    expect(v.escalations[0]).toMatchObject({ trigger: 'CATEGORY' });
  });

  it('when front line tries to resolve a billing error itself, then the action is rejected and nothing changes', async () => {
    const open = await startCase(h, { category: 'BILLING_ERROR' });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const before = await view(h, open.caseId);
    await expect(act(h, open.caseId, agent, { type: 'resolve', result: 'Refunded.' })).rejects.toThrow(/billing unit/);
    const after = await view(h, open.caseId);
    expect(after.seq).toBe(before.seq);
    expect(after.status).toBe('IN_PROGRESS');
  });
});
