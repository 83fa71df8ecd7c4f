// The first released way a case runs, kept unchanged for cases that started under it:
// each change is written (persistCase) before the workflow sleeps again. Its weakness,
// why it is no longer used for new cases: a write the database keeps refusing holds
// every clock of the case. Never edit what this emits; see loop-beside-clocks.ts.
import { allHandlersFinished, condition, continueAsNew, upsertSearchAttributes, setCurrentDetails } from '@temporalio/workflow';
import { nextWakeAt } from '../../domain/clocks';
import type { CaseRun } from './case-run';
import type { CaseView, CaseWorkflowInput } from './contract';
import { FEEDBACK_AFTER_CLOSE_MS, historyIsLong, persistCase, startDelivery, type caseWorkflow } from './shared';
import { caseDetailsOf } from './case-file';
import { searchAttributesOf, toView } from './view';

export async function runV1(run: CaseRun, input: CaseWorkflowInput): Promise<CaseView> {
  const state = (): CaseRun['state'] => run.state;
  let closedAt = input.carried?.closedAt ? Date.parse(input.carried.closedAt) : undefined;
  const deliver = startDelivery(() => state().caseId).request;

  /**
   * Writes queued outcomes in order with the current snapshot, then refreshes what the
   * UI shows. Stops early when the history is long, so a busy case still continues as new.
   */
  const sync = async (untilDrained = false): Promise<void> => {
    while ((run.queue.length > 0 || run.dirty) && (untilDrained || !historyIsLong(input))) {
      const batch = run.takeBatch();
      await persistCase(batch);
      const view = batch.snapshot;
      upsertSearchAttributes(searchAttributesOf(view));
      setCurrentDetails(caseDetailsOf(view, { zone: run.sla.calendar.timezone })); // not a command: free to change
      if (batch.notices.length > 0) deliver();
    }
  };

  if (input.carried) deliver(); // what the previous run left in the outbox

  for (;;) {
    await sync();
    if (state().status === 'CLOSED') {
      closedAt ??= Date.now();
      if (Date.now() - closedAt >= FEEDBACK_AFTER_CLOSE_MS) break;
    }
    if (historyIsLong(input)) {
      // Undelivered notices wait in the outbox; the next run delivers them.
      await condition(allHandlersFinished);
      await sync(true);
      await continueAsNew<typeof caseWorkflow>({
        open: input.open,
        ...(input.maxHistoryEvents !== undefined ? { maxHistoryEvents: input.maxHistoryEvents } : {}),
        // `keys` (Idempotency-Keys with their request hashes) rides in the input only: no command changes.
        carried: { state: state(), sla: run.sla, applied: [...run.applied], keys: [...run.keys], ...(closedAt ? { closedAt: new Date(closedAt).toISOString() } : {}) },
      });
    }
    const wake = state().status === 'CLOSED' ? closedAt! + FEEDBACK_AFTER_CLOSE_MS : nextWakeAt(state())?.getTime();
    const work = (): boolean => run.queue.length > 0 || run.dirty;
    const woken = wake === undefined ? (await condition(work), true) : await condition(work, Math.max(1, wake - Date.now()));
    if (!woken && state().status !== 'CLOSED') run.catchUp();
  }
  await condition(allHandlersFinished);
  await sync(true);
  return toView(state(), run.clocks);
}
