// The baselines: the least a workflow can do for each thing Casekeeper measures, run
// on the same Temporal server so a ratio cancels out the machine. Bundled on its own.
import { condition, defineSignal, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

export interface BaselineActivities {
  /** Records that a sleeper woke (the bench process notes when). */
  woke(id: string): Promise<void>;
}

const { woke } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '1 minute' });

export const noopUpdate = defineUpdate<number, [number]>('noop');
export const finishSignal = defineSignal('finish');

/** Starts and ends: the floor for `client.workflow.start` throughput. */
export async function trivialWorkflow(): Promise<void> {
  return;
}

/** Answers a no-op Update until told to finish: the floor for an Update round trip. */
export async function updatableWorkflow(): Promise<void> {
  let finished = false;
  setHandler(noopUpdate, (n: number) => n);
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
}

/**
 * Sleeps `ms` from its first task, then runs one activity: the floor for a deadline
 * that must be recorded somewhere, and (sleeping long) for a cached open workflow.
 */
export async function sleepingWorkflow(id: string, ms: number): Promise<void> {
  await sleep(ms);
  await woke(id);
}
