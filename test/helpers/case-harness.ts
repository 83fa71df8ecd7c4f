// A worker on a real Temporal server plus a real PostgreSQL database, and shortcuts
// to start a case and act on it: what every workflow and integration test needs.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/case-types';
import type { CaseCommand } from '../../domain/case-commands';
import {
  actionUpdates,
  caseWorkflowId,
  getCaseQuery,
  type ActionResult,
  type CaseView,
  type OpenCaseInput,
} from '../../workflows/case/contract';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { createCaseWorker } from '../../worker/create-worker';
import { createTestDatabase, type TestDatabase } from './database';
import { openInput } from './fixtures';
import { workflowBundle } from './temporal';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  worker: Worker;
  taskQueue: string;
  running: Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(env: TestWorkflowEnvironment, opts: { webhook?: { url: string; secret: string } } = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const taskQueue = `cases-${randomUUID()}`;
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    db: db.db,
    taskQueue,
    workflowBundle: workflowBundle(),
    ...(opts.webhook ? { webhook: opts.webhook } : {}),
  });
  const running = worker.run();
  return {
    env,
    db,
    worker,
    taskQueue,
    running,
    async stop() {
      worker.shutdown();
      await running;
      await db.drop();
    },
  };
}

export async function startCase(h: Harness, overrides: Partial<OpenCaseInput> = {}, opts: { maxHistoryEvents?: number } = {}): Promise<OpenCaseInput> {
  const open = openInput(overrides);
  await h.env.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(open.caseId),
    taskQueue: h.taskQueue,
    args: [{ open, ...opts }],
  });
  return open;
}

/**
 * Sends an action as its Update. A rejection surfaces as the workflow's typed failure
 * (type `ActionRejected`, details [reason]) so tests can read why.
 */
export async function act(h: Harness, caseId: string, actor: Actor, command: CaseCommand, updateId?: string): Promise<ActionResult> {
  try {
    return await h.env.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .executeUpdate(actionUpdates[command.type], { args: [{ actor, command }], ...(updateId ? { updateId } : {}) });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'ActionRejected') {
      throw err.cause;
    }
    throw err;
  }
}

export function view(h: Harness, caseId: string): Promise<CaseView> {
  return h.env.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
}

/** Polls `read` until `done` holds (for effects written by activities), up to `ms`. */
export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
