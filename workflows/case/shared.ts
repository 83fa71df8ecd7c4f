// What both versions of the case loop use: the activities as the workflow calls them,
// webhook delivery beside the case, and when a run's history is long enough to move on.
import { proxyActivities, proxyLocalActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities/types';
import type { CaseWorkflowInput } from './contract';

export type { caseWorkflow } from './workflow';

// Transient failures (the database down) are retried without end; a write the database
// refuses fails at once when the caller asks for it (reportRefusal), see case-writer.ts.
export const { persistCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
// The same write as a local activity, for the newer loop: it runs in the workflow task of
// the change that made it, so an Update can answer once its effects are written.
// Bounded in all (scheduleToClose): during an outage the write fails into the writer's
// stall path (retried with back-off, carried over at continue-as-new) rather than keeping
// a local activity in flight indefinitely.
export const { persistCase: writeLocally } = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
// Webhook receivers can be down for a while: back off up to 10 minutes between tries.
const { deliverNotices } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2, maximumAttempts: 25 },
});

/** A closed case lingers this long to take feedback (C4.4), then the workflow ends. */
export const FEEDBACK_AFTER_CLOSE_MS = 7 * 24 * 60 * 60 * 1000;

export function historyIsLong(input: CaseWorkflowInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (input.maxHistoryEvents !== undefined && info.historyLength >= input.maxHistoryEvents);
}

export interface Delivery {
  /** Delivers what the outbox holds for the case, now or right after the delivery running. */
  request(): void;
  /** Starts no new delivery (before continue-as-new; the next run delivers what is left). */
  hold(): void;
  settled(): boolean;
}

/**
 * Webhook delivery beside the case: a slow receiver must not hold the clocks. One
 * delivery at a time per case; a request while one runs asks for another pass after it.
 */
export function startDelivery(caseId: () => string): Delivery {
  let delivering: Promise<unknown> | undefined;
  let again = false;
  let held = false;
  const request = (): void => {
    if (held) return;
    if (delivering) {
      again = true;
      return;
    }
    delivering = deliverNotices({ caseId: caseId() })
      .catch(() => undefined) // undelivered events stay in the outbox, marked failed
      .finally(() => {
        delivering = undefined;
        if (again) {
          again = false;
          request();
        }
      });
  };
  return {
    request,
    hold: () => {
      held = true;
    },
    settled: () => delivering === undefined,
  };
}
