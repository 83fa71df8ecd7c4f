// What engineers filter on in the Temporal UI: NextDeadline is never later than the case's
// real next deadline, and it is not rewritten (a billable upsert) when a reply only pushes
// the deadline out; the alarm that wakes the case then brings it up to date.
import { caseWorkflowId } from '../../workflows/case/contract';
import { CaseStatusKey, NextDeadlineKey } from '../../workflows/case/search-attributes';
import { act, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, pinnedSla } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

const upserts = async (caseId: string): Promise<number> =>
  ((await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory()).events ?? []).filter((e) => e.upsertWorkflowSearchAttributesEventAttributes).length;

describe('search attributes', () => {
  it('when a reply only moves the next deadline later, then NextDeadline keeps the earlier time until the case wakes, then shows the real one', async () => {
    const open = await startCase(h, { sla: pinnedSla({ progressUpdateMinutes: 240 }) });
    const handle = h.env.client.workflow.getHandle(caseWorkflowId(open.caseId));
    const indexed = async (): Promise<Date | undefined> => (await handle.describe()).typedSearchAttributes.get(NextDeadlineKey);

    await act(h, open.caseId, agent, { type: 'acknowledge' });
    expect((await handle.describe()).typedSearchAttributes.get(CaseStatusKey)).toBe('IN_PROGRESS');
    const afterAck = (await indexed())!;
    expect(afterAck.toISOString()).toBe(new Date((await view(h, open.caseId)).nextDeadline!.due).toISOString());

    await h.env.sleep('1 hour');
    const before = await upserts(open.caseId);
    await act(h, open.caseId, agent, { type: 'reply', message: 'Still on it.' });
    const real = new Date((await view(h, open.caseId)).nextDeadline!.due);
    expect(real.getTime()).toBeGreaterThan(afterAck.getTime());
    expect((await indexed())!.getTime()).toBe(afterAck.getTime()); // earlier than the real one, never later
    expect(await upserts(open.caseId)).toBe(before);

    await h.env.sleep('181 minutes'); // past the old deadline: the alarm rings, nothing is due, the index catches up
    expect((await indexed())!.getTime()).toBe(real.getTime());
    expect((await view(h, open.caseId)).breaches).toEqual([]);
  });
});
