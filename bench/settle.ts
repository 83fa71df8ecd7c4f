// Waits until workers have nothing in flight for a while, so one measurement does not
// pay for the previous one's leftover activities and workflow tasks.
import type { Worker } from '@temporalio/worker';
import { sleep } from './stats';

export interface WorkerLoad {
  activations: number;
  activities: number;
  cached: number;
}

export const loadOf = (w: Worker): WorkerLoad => {
  const s = w.getStatus();
  return { activations: s.numInFlightWorkflowActivations, activities: s.numInFlightActivities, cached: s.numCachedWorkflows };
};

/**
 * Resolves once every load reads idle `quietMs` in a row (or after `maxMs`, never
 * failing), with the moment (performance.now()) the quiet began: timings end there,
 * not after the wait that proved it.
 */
export async function settle(loads: (() => WorkerLoad | Promise<WorkerLoad>)[], quietMs = 300, maxMs = 60_000): Promise<number> {
  const until = Date.now() + maxMs;
  let quietSince: number | undefined;
  while (Date.now() < until) {
    const all = await Promise.all(loads.map((l) => l()));
    const idle = all.every((l) => l.activations === 0 && l.activities === 0);
    if (!idle) quietSince = undefined;
    else if (quietSince === undefined) quietSince = performance.now();
    else if (performance.now() - quietSince >= quietMs) return quietSince;
    await sleep(10);
  }
  return performance.now();
}
