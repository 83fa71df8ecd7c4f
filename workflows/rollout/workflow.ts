// A roll-out: moves the open cases of one target (SLA policy, calendar, or organisation's
// service contract) onto one version of it, a page at a time, in case-ID order. Each page
// is one activity that reads the page from the read model and signals every case its new
// pin; the workflow then continues as new with its progress, so its history stays a few
// events long however many cases there are, and a worker that dies mid-page resumes from
// the page's last heartbeat. The progress is also kept in the run's memo (set when a run
// starts and when it ends), so the API reads it with describe(): no query, which a run
// that has not finished its first workflow task could not answer.
import { makeContinueAsNewFunc, proxyActivities, setHandler, upsertMemo } from '@temporalio/workflow';
import {
  MAX_LISTED_FAILURES,
  progressMemo,
  rolloutId,
  rolloutProgressQuery,
  type RolloutActivities,
  type RolloutInput,
  type RolloutPageResult,
  type RolloutProgress,
} from './contract';

const { rolloutPage } = proxyActivities<RolloutActivities>({
  // A page of 500 signals takes seconds; the heartbeat notices a dead worker sooner.
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const DEFAULT_PAGE_SIZE = 500;

export async function rolloutWorkflow(input: RolloutInput): Promise<RolloutProgress> {
  const progress: RolloutProgress = input.progress ?? {
    id: rolloutId(input.target, input.version),
    target: input.target,
    version: input.version,
    state: 'RUNNING',
    pagesDone: 0,
    moved: 0,
    failedCount: 0,
    failed: [],
    after: null,
    startedAt: new Date().toISOString(),
  };
  setHandler(rolloutProgressQuery, () => progress);

  const page = await rolloutPage({ target: input.target, version: input.version, after: progress.after, limit: input.pageSize ?? DEFAULT_PAGE_SIZE });
  record(progress, page);
  if (!page.done) {
    const next = makeContinueAsNewFunc<typeof rolloutWorkflow>({ memo: progressMemo(progress) });
    return next({ ...input, progress });
  }
  progress.state = 'COMPLETED';
  progress.finishedAt = new Date().toISOString();
  upsertMemo(progressMemo(progress));
  return progress;
}

function record(progress: RolloutProgress, page: RolloutPageResult): void {
  progress.pagesDone += 1;
  progress.moved += page.moved;
  progress.failedCount += page.failed.length;
  progress.failed.push(...page.failed.slice(0, Math.max(0, MAX_LISTED_FAILURES - progress.failed.length)));
  if (page.last !== null) progress.after = page.last;
  if (page.supersededBy !== undefined) progress.supersededBy = page.supersededBy;
}
