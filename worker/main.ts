// The worker process: runs case workflows and their activities. Configured by
// environment only (TEMPORAL_* or a Temporal profile, DATABASE_URL, WORKER_MAX_*, ...).
// It loads the workflow bundle built ahead (worker/workflow-bundle.ts), so a restarted
// worker polls within a couple of seconds.
import { NativeConnection } from '@temporalio/worker';
import { loadConfig, type Config } from '../config/env';
import { processLogger } from '../config/logger';
import { requireSearchAttributes } from '../config/search-attributes';
import { explainStartupError } from '../config/startup-errors';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createCaseWorker } from './create-worker';
import { ensureNoticeRelayOver } from './notice-relay';
import { installWorkerRuntime } from './runtime';
import { preparedWorkflowBundle, workflowBundleDir } from './workflow-bundle';
import { noticesWithoutReceiver } from './notices-line';

let config: Config | undefined;

async function main(): Promise<void> {
  config = loadConfig();
  const logger = processLogger(config).child({ process: 'worker' });
  installWorkerRuntime(config.WORKER_METRICS_ADDRESS, logger);
  const bundle = preparedWorkflowBundle(workflowBundleDir(config.CASEKEEPER_DATA_DIR), logger); // meanwhile, connect
  bundle.catch(() => undefined); // its failure is reported where it is awaited, below
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  // Migrating overlaps connecting and loading the workflows; activities need it done only once the worker polls.
  const migrated = migrateDatabase(database);
  migrated.catch(() => undefined); // reported where it is awaited
  const connection = await NativeConnection.connect(config.temporalConnection);
  // A case upserting an unknown attribute would stall: refuse to start instead, saying which.
  await requireSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE);
  const worker = await createCaseWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    db: database.db,
    keyRing: config.keyRing,
    ...(config.TEMPORAL_TASK_QUEUE ? { taskQueue: config.TEMPORAL_TASK_QUEUE } : {}),
    webhook: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET },
    workflowBundle: (await bundle).bundle,
    tuning: config,
  });
  await migrated;
  // Failed webhook notices are retried by the relay workflow, also after their case has ended.
  await ensureNoticeRelayOver({ connection, namespace: config.TEMPORAL_NAMESPACE, keyRing: config.keyRing, taskQueue: config.TEMPORAL_TASK_QUEUE });
  logger.info(`worker: polling ${config.TEMPORAL_ADDRESS} (${config.TEMPORAL_NAMESPACE}); SDK metrics at http://${config.WORKER_METRICS_ADDRESS}/metrics`);
  if (!config.WEBHOOK_URL) logger.warn(noticesWithoutReceiver());
  await worker.run(); // returns after SIGINT/SIGTERM, once in-flight tasks have drained
  await connection.close();
  await database.close();
}

main().catch((err) => {
  const metricsPort = Number(config?.WORKER_METRICS_ADDRESS.split(':').at(-1));
  console.error(`worker: ${explainStartupError(err, { ...config, ports: { [metricsPort]: 'WORKER_METRICS_ADDRESS' } })}`);
  process.exit(1);
});
