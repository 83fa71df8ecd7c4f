// Representative case histories, recorded by `npm run histories:record` and replayed
// in CI (test/workflow/replay.test.ts): a change that would break running cases fails.
import { eq, sql } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { caseWorkflowId, redriveWritesSignal } from '../../workflows/case/contract';
import type { Harness } from '../helpers/case-harness';
import { act, eventually, startCase } from '../helpers/case-harness';
import { agent, customer, pinnedSla, supervisor } from '../helpers/fixtures';

export const SCENARIOS: Record<string, (h: Harness) => Promise<string>> = {
  // Open → first-response breach → acknowledge → resolve → accepted.
  async 'breach-then-accept'(h) {
    const open = await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 30 }) });
    await h.env.sleep('40 minutes');
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await act(h, open.caseId, agent, { type: 'resolve', result: 'Fixed.', procedure: 'SETTINGS_GUIDANCE' });
    await act(h, open.caseId, customer, { type: 'accept' });
    return open.caseId;
  },
  // Waiting on customer, escalation by the ladder, compensation approval, appeal decided.
  async 'escalate-compensate-appeal'(h) {
    const open = await startCase(h, { category: 'SERVICE_LEVEL', sla: pinnedSla({ escalationLadder: [{ toLevel: 1, afterBusinessDays: 1, unit: 'specialist' }] }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await act(h, open.caseId, agent, { type: 'requestInfo', message: 'Which region?' });
    await act(h, open.caseId, customer, { type: 'customerReply', message: 'East.' });
    await h.env.sleep('25 hours');
    await act(h, open.caseId, agent, { type: 'grantCompensation', amount: 500_000, currency: 'CNY', reason: 'Downtime' });
    await act(h, open.caseId, { id: 'mgr', role: 'manager' }, { type: 'decideCompensation', grantId: 'G1', approve: true });
    await act(h, open.caseId, agent, { type: 'resolve', result: 'Capacity added.' });
    await act(h, open.caseId, customer, { type: 'appeal', grounds: 'Too slow.' });
    await act(h, open.caseId, supervisor, { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'Within contract.' });
    return open.caseId;
  },
  // The database refuses the case's writes: the breach fires anyway, an operator redrives after the fix.
  async 'refused-write-redriven'(h) {
    await h.db.db.execute(sql.raw(`
      CREATE FUNCTION refuse_replay_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse_replay_write BEFORE INSERT OR UPDATE ON cases FOR EACH ROW EXECUTE FUNCTION refuse_replay_write();`));
    const open = await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 30 }) });
    await h.env.sleep('31 minutes');
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await h.db.db.execute(sql.raw('DROP TRIGGER refuse_replay_write ON cases; DROP FUNCTION refuse_replay_write();'));
    await h.env.client.workflow.getHandle(caseWorkflowId(open.caseId)).signal(redriveWritesSignal);
    await eventually(() => h.db.db.select().from(cases).where(eq(cases.caseId, open.caseId)), (rows) => rows.length === 1);
    await act(h, open.caseId, agent, { type: 'resolve', result: 'Fixed.' });
    await act(h, open.caseId, customer, { type: 'accept' });
    return open.caseId;
  },
};
