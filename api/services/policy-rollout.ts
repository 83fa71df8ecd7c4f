// Roll-outs move open cases onto a new version of their SLA policy, calendar or service
// contract. Cases pin the version they opened under, so this happens only when an admin
// asks. The request starts the roll-out workflow (workflows/rollout/) and answers at once; the
// workflow pages through the cases, and its progress is read here by ID.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars, slaPolicies } from '../../db/schema';
import { CASE_TASK_QUEUE } from '../../workflows/case/contract';
import {
  ROLLOUT_WORKFLOW_TYPE,
  parseRolloutId,
  PROGRESS_MEMO_KEY,
  rolloutId,
  rolloutWorkflowId,
  type RolloutInput,
  type RolloutProgress,
  type RolloutTarget,
  type RolloutTargetKind,
} from '../../workflows/rollout/contract';
import { notFound } from '../problem';
import { contractVersionInForce } from './contract-lookup';
import type { RolloutStatus } from '../schemas/rollouts';

/**
 * The version of each target kind a roll-out moves cases onto: a policy's or calendar's
 * newest, an organisation's contract version in force now (a version saved for a later
 * date is rolled out once it has taken effect).
 */
const TARGET_VERSION: Record<RolloutTargetKind, (db: Db, id: string) => Promise<number | null | undefined>> = {
  policy: async (db, id) => (await db.select({ v: max(slaPolicies.version) }).from(slaPolicies).where(eq(slaPolicies.id, id)))[0]?.v,
  calendar: async (db, id) => (await db.select({ v: max(calendars.version) }).from(calendars).where(eq(calendars.id, id)))[0]?.v,
  organisation: async (db, id) => (await contractVersionInForce(db, id, new Date()))?.version,
};

export interface RolloutAccepted {
  id: string;
  target: RolloutTarget;
  version: number;
  href: string;
}

/**
 * Starts the roll-out of the target's version (TARGET_VERSION), or finds it: the workflow ID is
 * the target and version. While that roll-out runs (or waits for its start), asking again is
 * the same roll-out. Once it has ended, asking again starts a new run under the same ID: a
 * sweep that moves the cases still on an older version, such as one opened under the old
 * version while a page was read (its read-model row landed after the scan).
 */
export async function startRollout(db: Db, client: Client, target: RolloutTarget, taskQueue = CASE_TASK_QUEUE): Promise<RolloutAccepted> {
  const version = await TARGET_VERSION[target.kind](db, target.id);
  if (version == null) throw notFound(`no ${target.kind} ${target.id}${target.kind === 'organisation' ? ' with a service contract in force' : ''}`);
  const id = rolloutId(target, version);
  const input: RolloutInput = { target, version };
  try {
    await client.workflow.start(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  } catch (err) {
    // Two admins asking at once: the other request started it, so it runs.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { id, target, version, href: `/v1/rollouts/${id}` };
}

function scheduled(id: string, startsAt: Date): RolloutStatus {
  const named = parseRolloutId(id)!; // the workflow exists under this ID, so the ID is well formed
  return { id, ...named, state: 'SCHEDULED', pagesDone: 0, moved: 0, failedCount: 0, failed: [], startsAt: startsAt.toISOString() };
}

/** Nothing moved yet: a run that has not finished its first page has set no progress. */
function notYetMoved(id: string, startedAt: Date): RolloutProgress {
  const named = parseRolloutId(id)!;
  return { id, ...named, state: 'RUNNING', pagesDone: 0, moved: 0, failedCount: 0, failed: [], after: null, startedAt: startedAt.toISOString() };
}

/**
 * Where a roll-out stands, from describe() alone: the progress each run keeps in its memo.
 * No query: a run just continued as new answers none until its first workflow task
 * completes, and a terminated one never does; describe() is also not a billed action.
 */
export async function rolloutStatus(client: Client, id: string): Promise<RolloutStatus> {
  const handle = client.workflow.getHandle(rolloutWorkflowId(id));
  let described: WorkflowExecutionDescription;
  try {
    described = await handle.describe();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw notFound(`no roll-out ${id}`);
    throw err;
  }
  const status = described.status.name;
  const startsAt = described.executionTime;
  // A start Temporal delays has run no code yet.
  if (status === 'RUNNING' && startsAt && startsAt.getTime() > Date.now()) return scheduled(id, startsAt);
  const progress = (described.memo?.[PROGRESS_MEMO_KEY] as RolloutProgress | undefined) ?? notYetMoved(id, startsAt ?? described.startTime);
  if (status === 'RUNNING') return progress;
  if (status === 'COMPLETED') return progress.state === 'COMPLETED' ? progress : await handle.result();
  return { ...progress, state: 'FAILED' };
}
