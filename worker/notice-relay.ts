// Makes sure the notice relay workflow runs in this namespace: started once, and a
// start while it runs keeps the running one (so every worker may call this at start).
import { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import type { KeyRing } from '../codec/keys';
import { CASE_TASK_QUEUE } from '../workflows/case/contract';
import { NOTICE_RELAY_WORKFLOW_ID, NOTICE_RELAY_WORKFLOW_TYPE, type NoticeRelayInput } from '../workflows/notices/contract';

export async function ensureNoticeRelay(client: Client, taskQueue = CASE_TASK_QUEUE, input: NoticeRelayInput = {}): Promise<void> {
  await client.workflow.start(NOTICE_RELAY_WORKFLOW_TYPE, {
    workflowId: NOTICE_RELAY_WORKFLOW_ID,
    taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** The same, over the worker's own connection (with the payload codec every client uses). */
export function ensureNoticeRelayOver(opts: { connection: NativeConnection; namespace: string; keyRing: KeyRing; taskQueue?: string | undefined }): Promise<void> {
  const client = new Client({ connection: opts.connection, namespace: opts.namespace, dataConverter: encryptingDataConverter(opts.keyRing) });
  return ensureNoticeRelay(client, opts.taskQueue);
}
