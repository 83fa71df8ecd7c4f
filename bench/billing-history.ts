// Every run of one workflow's history, once the workflow has nothing left in flight:
// what the billing phase counts. Reads only what any Temporal client can (describe and
// history calls, which are not billed), nothing of the case's internals.
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { waitUntil } from './stats';

type History = temporal.api.history.v1.IHistory;

/** Waits until no workflow task or activity is pending, so the history is complete for now. */
export async function waitForQuiet(client: Client, workflowId: string, timeoutMs = 60_000): Promise<void> {
  const handle = client.workflow.getHandle(workflowId);
  await waitUntil(`${workflowId} to have no pending task or activity`, async () => {
    const { raw } = await handle.describe();
    return !raw.pendingWorkflowTask && (raw.pendingActivities ?? []).length === 0;
  }, timeoutMs, 100);
}

/** The runs from the first execution to the latest, following continue-as-new. */
export async function fetchAllRuns(client: Client, workflowId: string): Promise<History[]> {
  const latest = await client.workflow.getHandle(workflowId).fetchHistory();
  const firstRunId = latest.events?.[0]?.workflowExecutionStartedEventAttributes?.firstExecutionRunId;
  if (!firstRunId) return [latest];
  const runs: History[] = [];
  for (let runId: string | null | undefined = firstRunId; runId; ) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return runs;
}
