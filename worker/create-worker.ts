// Builds the case worker: the workflow bundle plus the activities around one database.
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { createCaseActivities, type WebhookSettings } from '../activities/case-activities';
import { createRolloutActivities } from '../activities/rollout-page';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import type { KeyRing } from '../codec/keys';
import type { Db } from '../db/client';
import { CASE_TASK_QUEUE } from '../workflows/case/contract';

/** Worker tuning from configuration (WORKER_MAX_*); what is left out keeps the SDK's default. */
export interface WorkerTuning {
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS?: number | undefined;
  WORKER_MAX_CONCURRENT_ACTIVITIES?: number | undefined;
  WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES?: number | undefined;
  WORKER_MAX_CACHED_WORKFLOWS?: number | undefined;
}

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  db: Db;
  taskQueue?: string;
  webhook?: WebhookSettings;
  /** Payload encryption keys (codec/keys.ts). */
  keyRing: KeyRing;
  /** Prebuilt bundle, as code (tests) or a file (worker/workflow-bundle.ts); otherwise the workflows folder is bundled. */
  workflowBundle?: WorkflowBundleOption;
  tuning?: WorkerTuning;
}

/** The SDK options the tuning variables set. */
export function tuningOptions(t: WorkerTuning = {}) {
  return {
    ...(t.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS ? { maxConcurrentWorkflowTaskExecutions: t.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS } : {}),
    ...(t.WORKER_MAX_CONCURRENT_ACTIVITIES ? { maxConcurrentActivityTaskExecutions: t.WORKER_MAX_CONCURRENT_ACTIVITIES } : {}),
    ...(t.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES ? { maxConcurrentLocalActivityExecutions: t.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES } : {}),
    ...(t.WORKER_MAX_CACHED_WORKFLOWS !== undefined ? { maxCachedWorkflows: t.WORKER_MAX_CACHED_WORKFLOWS } : {}),
  };
}

export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  const dataConverter = encryptingDataConverter(opts.keyRing);
  // Roll-outs signal cases: a client over the worker's own connection, with the same codec.
  const client = new Client({ connection: opts.connection, namespace: opts.namespace, dataConverter });
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? CASE_TASK_QUEUE,
    activities: { ...createCaseActivities(opts.db, opts.webhook), ...createRolloutActivities(opts.db, client) },
    dataConverter,
    ...tuningOptions(opts.tuning),
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
}
