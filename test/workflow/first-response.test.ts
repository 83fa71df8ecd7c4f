// C3.2: the first response clock, on the time-skipping server with real PostgreSQL.
import { asc, eq } from 'drizzle-orm';
import { interactions, outbox } from '../../db/schema';
import { act, eventually, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, pinnedSla } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

describe('C3.2 first response', () => {
  it('when nobody answers within the first-response time, then the breach is recorded, the case is flagged and the supervisor is told', async () => {
    const open = await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 60 }) });
    const before = await view(h, open.caseId);
    expect(before.status).toBe('OPEN');
    expect(before.slaBreached).toBe(false);

    await h.env.sleep('61 minutes');

    const after = await view(h, open.caseId);
    expect(after.status).toBe('OPEN');
    expect(after.slaBreached).toBe(true);
    expect(after.breaches).toEqual([expect.objectContaining({ clock: 'FIRST_RESPONSE', due: before.nextDeadline!.due })]);

    const notices = await eventually(
      () => h.db.db.select().from(outbox).where(eq(outbox.caseId, open.caseId)),
      (rows) => rows.some((r) => r.type === 'deadline.breached'),
    );
    const breach = notices.find((r) => r.type === 'deadline.breached')!;
    expect((breach.payload as { audience: string[] }).audience).toContain('supervisor');
    const warned = notices.find((r) => r.type === 'deadline.warning');
    expect(warned).toBeDefined(); // warned at 75 % (45 minutes) before the breach

    const log = await h.db.db.select().from(interactions).where(eq(interactions.caseId, open.caseId)).orderBy(asc(interactions.seq));
    expect(log.map((r) => r.kind)).toEqual(['OPENED', 'SLA_BREACHED']);
  });

  it('when an agent acknowledges in time, then the clock is met and no breach follows', async () => {
    const open = await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 60 }) });
    await h.env.sleep('30 minutes');
    const result = await act(h, open.caseId, agent, { type: 'acknowledge', message: 'We are on it.' });
    expect(result.status).toBe('IN_PROGRESS');

    await h.env.sleep('2 hours');
    const after = await view(h, open.caseId);
    expect(after.breaches.filter((b) => b.clock === 'FIRST_RESPONSE')).toEqual([]);
    expect(after.deadlines.find((d) => d.kind === 'FIRST_RESPONSE')!.status).toBe('MET');
    expect(after.assignee).toBe(agent.id);
    const log = await eventually(
      () => h.db.db.select().from(interactions).where(eq(interactions.caseId, open.caseId)).orderBy(asc(interactions.seq)),
      (rows) => rows.length >= 2,
    );
    expect(log.map((r) => [r.kind, r.actorId, r.channel])).toEqual([
      ['OPENED', open.openedBy.id, 'ONLINE'],
      ['ACKNOWLEDGED', agent.id, 'ONLINE'],
    ]);
  });
});
