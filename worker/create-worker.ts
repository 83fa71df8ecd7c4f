// Builds the case worker: the workflow bundle plus the activities around one database.
import { NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createCaseActivities, type WebhookSettings } from '../activities/case-activities';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import type { KeyRing } from '../codec/keys';
import type { Db } from '../db/client';
import { CASE_TASK_QUEUE } from '../workflows/case/contract';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  db: Db;
  taskQueue?: string;
  webhook?: WebhookSettings;
  /** Payload encryption keys (codec/keys.ts). */
  keyRing: KeyRing;
  /** Prebuilt bundle (tests build it once); otherwise the workflows folder is bundled. */
  workflowBundle?: WorkflowBundle;
}

export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? CASE_TASK_QUEUE,
    activities: createCaseActivities(opts.db, opts.webhook),
    dataConverter: encryptingDataConverter(opts.keyRing),
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
  });
}
