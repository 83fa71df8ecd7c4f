// The notice relay: retries webhook notices that the case workflows could not deliver,
// for as long as it takes, also for cases whose workflow has ended. One per namespace.
// It wakes when the earliest failed notice is due again (capped back-off, recorded in
// the outbox by the delivery code), when an admin redrives (signal), or after `idleMs`
// at the latest, because a case's own delivery can fail a notice while the relay sleeps.
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { NoticeRelayActivities } from '../../activities/types';
import { redriveSignal, type NoticeRelayInput } from './contract';

const { relayDueNotices } = proxyActivities<NoticeRelayActivities>({
  // A pass stops starting new cases after 2 minutes; each attempt is at most 10 s.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

const DEFAULT_IDLE_MS = 5 * 60_000;
/** Never spin: even a due time already past waits this long (clocks can disagree). */
const MIN_WAIT_MS = 1_000;
/** Passes per run before continuing as new, so the history stays small. */
const PASSES_PER_RUN = 100;

export async function noticeRelayWorkflow(input: NoticeRelayInput = {}): Promise<void> {
  const idleMs = input.idleMs ?? DEFAULT_IDLE_MS;
  let redriven = false;
  setHandler(redriveSignal, () => {
    redriven = true;
  });

  for (let pass = 0; pass < PASSES_PER_RUN && !workflowInfo().continueAsNewSuggested; pass++) {
    redriven = false; // a redrive during the pass is seen by the wait below
    const result = await relayDueNotices();
    if (result.more) continue;
    const untilDue = result.nextDueAt === null ? idleMs : Date.parse(result.nextDueAt) - Date.now();
    await condition(() => redriven, Math.min(idleMs, Math.max(MIN_WAIT_MS, untilDue)));
  }
  // The next run starts with a pass, so a redrive that arrived just now is not lost.
  await continueAsNew<typeof noticeRelayWorkflow>(input);
}
