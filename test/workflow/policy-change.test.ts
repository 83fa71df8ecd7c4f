// Policy changes reach open cases (time-skipping server).
import { caseWorkflowId, policyChangedSignal } from '../../workflows/case/contract';
import { eventually, startCase, view, useHarness } from '../helpers/case-harness';
import { pinnedSla } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

describe('policy changes', () => {
  it('when a changed policy is signalled to an open case, then its pending deadlines are recomputed from their start', async () => {
    const open = await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 60 }) });
    const before = (await view(h, open.caseId)).openDeadlines.find((d) => d.kind === 'FIRST_RESPONSE')!;
    await h.env.client.workflow.getHandle(caseWorkflowId(open.caseId)).signal(policyChangedSignal, { ...pinnedSla({ firstResponseMinutes: 120 }), policyVersion: 2 });
    const after = await eventually(() => view(h, open.caseId), (v) => v.policy.version === 2);
    const clock = after.openDeadlines.find((d) => d.kind === 'FIRST_RESPONSE')!;
    expect(Date.parse(clock.due) - Date.parse(before.due)).toBe(60 * 60_000);
    await h.env.sleep('90 minutes');
    expect((await view(h, open.caseId)).breaches).toEqual([]);
  });
});
