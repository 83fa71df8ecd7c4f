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
import { TEST_KEY_RING, workflowBundle } from './temporal';

export interface Harness {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  worker: Worker;
  taskQueue: string;
  running: Promise<void>;
  /** Cases started by the current test: closed after it so later tests skip time alone. */
  started: string[];
  stop(): Promise<void>;
}

/**
 * A harness for one test file: servers and worker before all tests, the current
 * test's cases withdrawn after each (their clocks would otherwise keep firing while
 * later tests skip time), everything torn down after all.
 */
export function useHarness(makeEnv: () => Promise<TestWorkflowEnvironment>, opts: () => HarnessOptions = () => ({})): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(await makeEnv(), opts()));
  });
  afterEach(async () => {
    const ids = h.started?.splice(0) ?? [];
    // Withdrawn, not terminated: terminating a workflow with an activity in flight
    // leaves the time-skipping test server unable to skip time for later tests.
    const cleanup: Actor = { id: 'test-cleanup', role: 'system' };
    await Promise.all(ids.map((id) => act(h, id, cleanup, { type: 'withdraw', reason: 'test finished' }).catch(() => undefined)));
  });
  afterAll(async () => {
    await h.stop?.();
    await h.env?.teardown();
  });
  return h;
}

export interface HarnessOptions {
  webhook?: { url: string; secret: string };
}

export async function startHarness(env: TestWorkflowEnvironment, opts: HarnessOptions = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const taskQueue = `cases-${randomUUID()}`;
  const worker = await createCaseWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    db: db.db,
    taskQueue,
    workflowBundle: workflowBundle(),
    keyRing: TEST_KEY_RING,
    ...(opts.webhook ? { webhook: opts.webhook } : {}),
  });
  const running = worker.run();
  return {
    env,
    db,
    worker,
    taskQueue,
    running,
    started: [],
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
  h.started.push(open.caseId);
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
