// The worker process: runs case workflows and their activities. Configured by
// environment only (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATABASE_URL, ...).
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config/env';
import { requireSearchAttributes } from '../config/search-attributes';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createCaseWorker } from './create-worker';
import { ensureNoticeRelayOver } from './notice-relay';
import { installWorkerRuntime } from './runtime';
import { createLogger } from '../config/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL).child({ process: 'worker' });
  installWorkerRuntime(config.WORKER_METRICS_ADDRESS, logger);
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  await migrateDatabase(database);
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  // A case upserting an unknown attribute would stall: refuse to start instead, saying which.
  await requireSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE);
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    db: database.db,
    keyRing: config.keyRing,
    ...(config.TEMPORAL_TASK_QUEUE ? { taskQueue: config.TEMPORAL_TASK_QUEUE } : {}),
    webhook: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET },
  });
  // Failed webhook notices are retried by the relay workflow, also after their case has ended.
  await ensureNoticeRelayOver({ connection, namespace: config.TEMPORAL_NAMESPACE, keyRing: config.keyRing, taskQueue: config.TEMPORAL_TASK_QUEUE });
  logger.info(`worker: polling ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE}); SDK metrics at http://${config.WORKER_METRICS_ADDRESS}/metrics`);
  await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks have drained
  await connection.close();
  await database.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
