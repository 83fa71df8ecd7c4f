// Representative case histories, recorded by `npm run histories:record` and replayed
// in CI (test/workflow/replay.test.ts): a change that would break running cases fails.
import type { Harness } from '../helpers/case-harness';
import { act, startCase } from '../helpers/case-harness';
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
};
