// A contract version reaches open cases when it takes effect (issue 12). Saving a version
// starts its roll-out (workflows/rollout/, target `organisation`): at once when its
// effectiveFrom has passed, otherwise as a workflow whose start Temporal delays until
// effectiveFrom, so the move survives restarts of the API and the worker. The roll-out's
// ID is the same one an admin's POST /v1/admin/organisations/{id}/rollout gives for that
// version, so asking again while it runs (or waits) finds this roll-out rather than a second
// one. Unlike the admin's POST, saving never re-runs a completed roll-out: a retried save
// of the same version (reuse policy ALLOW_DUPLICATE_FAILED_ONLY) is the one already asked
// for, so "already started" here means running, waiting, or done.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { CASE_TASK_QUEUE } from '../../workflows/case/contract';
import { ROLLOUT_WORKFLOW_TYPE, rolloutId, rolloutWorkflowId, type RolloutInput, type RolloutTarget } from '../../workflows/rollout/contract';

export interface ScheduledRollout {
  id: string;
  href: string;
  /** When the roll-out starts moving cases: the version's effectiveFrom, or now if that has passed. */
  startsAt: string;
}

export async function scheduleContractRollout(
  client: Client,
  v: { organisationId: string; version: number; effectiveFrom: Date },
  now: Date,
  taskQueue: string = CASE_TASK_QUEUE,
): Promise<ScheduledRollout> {
  const target: RolloutTarget = { kind: 'organisation', id: v.organisationId };
  const id = rolloutId(target, v.version);
  const delayMs = v.effectiveFrom.getTime() - now.getTime();
  const input: RolloutInput = { target, version: v.version };
  try {
    await client.workflow.start(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      ...(delayMs > 0 ? { startDelay: delayMs } : {}),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err; // already asked for: the same roll-out
  }
  return { id, href: `/v1/rollouts/${id}`, startsAt: new Date(Math.max(v.effectiveFrom.getTime(), now.getTime())).toISOString() };
}
