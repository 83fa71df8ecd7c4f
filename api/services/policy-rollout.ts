// Roll-outs move open cases onto a new version of their SLA policy or calendar. Cases
// pin the version they opened under, so this happens only when an admin asks. The
// request starts the roll-out workflow (workflows/rollout/) and answers at once; the
// workflow pages through the cases, and its progress is read here by ID.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars, slaPolicies } from '../../db/schema';
import { CASE_TASK_QUEUE } from '../../workflows/case/contract';
import {
  ROLLOUT_WORKFLOW_TYPE,
  rolloutId,
  rolloutProgressQuery,
  rolloutWorkflowId,
  type RolloutInput,
  type RolloutTarget,
  type RolloutTargetKind,
} from '../../workflows/rollout/contract';
import { notFound } from '../problem';
import type { RolloutStatus } from '../schemas/rollouts';

/** The version of each target kind a roll-out moves cases onto: the newest. */
const NEWEST_VERSION: Record<RolloutTargetKind, (db: Db, id: string) => Promise<number | null | undefined>> = {
  policy: async (db, id) => (await db.select({ v: max(slaPolicies.version) }).from(slaPolicies).where(eq(slaPolicies.id, id)))[0]?.v,
  calendar: async (db, id) => (await db.select({ v: max(calendars.version) }).from(calendars).where(eq(calendars.id, id)))[0]?.v,
};

export interface RolloutAccepted {
  id: string;
  target: RolloutTarget;
  version: number;
  href: string;
}

/**
 * Starts the roll-out of the target's newest version, or finds it: the workflow ID is
 * the target and version, so asking again (while it runs, or after it completed) is the
 * same roll-out. Only one that failed or was terminated can be started again.
 */
export async function startRollout(db: Db, client: Client, target: RolloutTarget, taskQueue = CASE_TASK_QUEUE): Promise<RolloutAccepted> {
  const version = await NEWEST_VERSION[target.kind](db, target.id);
  if (version == null) throw notFound(`no ${target.kind} ${target.id}`);
  const id = rolloutId(target, version);
  const input: RolloutInput = { target, version };
  try {
    await client.workflow.start(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err; // completed before: the same roll-out
  }
  return { id, target, version, href: `/v1/rollouts/${id}` };
}

/** Where a roll-out stands: its result once completed, otherwise what its query says. */
export async function rolloutStatus(client: Client, id: string): Promise<RolloutStatus> {
  const handle = client.workflow.getHandle(rolloutWorkflowId(id));
  let status: string;
  try {
    status = (await handle.describe()).status.name;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw notFound(`no roll-out ${id}`);
    throw err;
  }
  if (status === 'COMPLETED') return await handle.result();
  const progress = await handle.query(rolloutProgressQuery);
  return status === 'RUNNING' ? progress : { ...progress, state: 'FAILED' };
}
