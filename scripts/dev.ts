// The local system in one command: starts the Temporal dev server (state kept in
// .data/temporal.db, UI on 8233, search attributes registered), then the worker and
// the API in this process over one database handle (PGlite in .data/pglite unless
// DATABASE_URL is set). Before starting anything it claims the data folder and checks
// its ports (scripts/dev-preflight.ts); SIGINT or SIGTERM, at any point, stops
// everything it started, newest first.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { NativeConnection, type WorkflowBundleOption } from '@temporalio/worker';
import { createApp } from '../api/app';
import { listenApi } from '../api/edge/http-server';
import { codecOptions } from '../config/codec';
import { loadConfig, type Config } from '../config/env';
import { processLogger } from '../config/logger';
import { connectClient } from '../config/temporal';
import { requireSearchAttributes } from '../config/search-attributes';
import { explainStartupError, type StartupSettings } from '../config/startup-errors';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createCaseWorker } from '../worker/create-worker';
import { ensureNoticeRelay } from '../worker/notice-relay';
import { noticesWithoutReceiver } from '../worker/notices-line';
import { installWorkerRuntime } from '../worker/runtime';
import { preparedWorkflowBundle, workflowBundleDir } from '../worker/workflow-bundle';
import { claimDataDir, requireFreePorts } from './dev-preflight';
import { startTemporal, waitForPort } from './dev-temporal';
import { localDataDir, localSecretOrMake } from './local-data';

const TEMPORAL_PORT = Number(process.env.TEMPORAL_DEV_PORT ?? 7233);
const UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

/** Undo steps for what has been started so far; a stop runs them newest first. */
const started: Array<() => unknown> = [];
let stopping: Promise<void> | undefined;
function stopAll(code: number): Promise<void> {
  return (stopping ??= (async () => {
    for (const undo of started.reverse()) await Promise.resolve().then(undo).catch(() => undefined);
    process.exit(code);
  })());
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log('\nstopping…');
    void stopAll(0);
  });
}

// A parent that dies without passing a signal on (npm killed hard) must not leave us running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stopAll(0);
}, 500).unref();

const settings: StartupSettings = { ports: { [TEMPORAL_PORT]: 'TEMPORAL_DEV_PORT', [UI_PORT]: 'TEMPORAL_UI_PORT' } };

async function main(): Promise<void> {
  const dataDir = localDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  started.push(claimDataDir(dataDir));
  process.env.AUTH_JWT_SECRET = localSecretOrMake('AUTH_JWT_SECRET', () => randomBytes(32).toString('hex'));
  process.env.CASEKEEPER_ENCRYPTION_KEYS = localSecretOrMake('CASEKEEPER_ENCRYPTION_KEYS', () => `local1:${randomBytes(32).toString('base64')}`);
  const externalTemporal = Boolean(process.env.TEMPORAL_ADDRESS || process.env.TEMPORAL_PROFILE);
  if (!externalTemporal) process.env.TEMPORAL_ADDRESS = `127.0.0.1:${TEMPORAL_PORT}`;
  // The local UI has no login to pass a token from; the API is bound to loopback.
  process.env.CODEC_AUTH ??= 'local';
  process.env.LOG_FORMAT ??= 'pretty';
  const config = loadConfig(process.env, { localTemporal: !externalTemporal });
  const metricsPort = Number(config.WORKER_METRICS_ADDRESS.split(':').at(-1));
  Object.assign(settings, { TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS, DATABASE_URL: config.DATABASE_URL });
  Object.assign(settings.ports!, { [config.PORT]: 'PORT', [metricsPort]: 'WORKER_METRICS_ADDRESS' });
  await requireFreePorts([
    { port: config.PORT, host: config.HOST, variable: 'PORT' },
    { port: metricsPort, host: config.WORKER_METRICS_ADDRESS.split(':')[0]!, variable: 'WORKER_METRICS_ADDRESS' },
    ...(externalTemporal ? [] : [{ port: TEMPORAL_PORT, host: '127.0.0.1', variable: 'TEMPORAL_DEV_PORT' }, { port: UI_PORT, host: '127.0.0.1', variable: 'TEMPORAL_UI_PORT' }]),
  ]);

  const logger = processLogger(config);
  const bundle = preparedWorkflowBundle(workflowBundleDir(dataDir), logger.child({ process: 'worker' }));
  bundle.catch(() => undefined); // reported where it is awaited
  if (!externalTemporal) {
    const temporal = startTemporal({ dataDir, port: TEMPORAL_PORT, uiPort: UI_PORT, codecEndpoint: `http://${config.HOST}:${config.PORT}/codec`, onUnexpectedExit: (code) => {
      console.error(`the Temporal dev server exited (${code}); stopping`);
      void stopAll(1);
    } });
    started.push(temporal.stop);
    process.on('exit', () => temporal.child.kill('SIGTERM')); // even when a stop step hangs
    await waitForPort(TEMPORAL_PORT, 60_000);
  }
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  started.push(() => database.close());
  await migrateDatabase(database);
  await serve(config, database, logger, (await bundle).bundle, externalTemporal);
}

async function serve(config: Config, database: Awaited<ReturnType<typeof openDatabase>>, logger: ReturnType<typeof processLogger>, workflowBundle: WorkflowBundleOption, externalTemporal: boolean): Promise<void> {
  const workerMetrics = installWorkerRuntime(config.WORKER_METRICS_ADDRESS, logger.child({ process: 'worker' }));
  const connection = await NativeConnection.connect(config.temporalConnection);
  started.push(() => connection.close());
  await requireSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE);
  const worker = await createCaseWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, db: database.db, keyRing: config.keyRing, webhook: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET }, workflowBundle, tuning: config });
  const running = worker.run();
  // The SDK also drains the worker itself on SIGINT/SIGTERM.
  started.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  const client = await connectClient(config);
  started.push(() => client.connection.close());
  await ensureNoticeRelay(client); // retries failed webhook notices, also after their case ended
  const app = createApp({ client, db: database.db, authSecret: config.AUTH_JWT_SECRET, authPolicy: config, idempotencyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS, rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE, codec: codecOptions(config), workerMetrics, logger: logger.child({ process: 'api' }) });
  // The same HTTP server as api/main.ts: parser refusals as problem documents, a bounded drain on stop.
  const server = await listenApi(app, config.PORT, config.HOST);
  started.push(() => server.stop(config.API_STOP_GRACE * 1000));

  const api = `http://${config.HOST}:${config.PORT}`;
  console.log(`
Casekeeper is running.
  API          ${api}/v1   (docs: ${api}/docs, health: ${api}/healthz)
  Temporal UI  ${externalTemporal ? '(external server: its own UI)' : `http://127.0.0.1:${UI_PORT}`}
  Temporal     ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE}); CLI: npm run -s temporal -- workflow list
  Database     ${database.kind === 'pglite' ? `embedded PGlite in ${config.pgliteDir}` : 'DATABASE_URL'}
  Tokens       npm run -s token -- --role agent --sub ann
  Logs         ${config.LOG_FORMAT === 'pretty' ? 'readable lines (LOG_FORMAT=json for JSON)' : 'JSON'}, level ${config.LOG_LEVEL}${config.WEBHOOK_URL ? '' : `\n  Notices      ${noticesWithoutReceiver(api)}`}
Press Ctrl-C to stop.`);
}

main().catch((err: unknown) => {
  console.error(explainStartupError(err, settings));
  void stopAll(1);
});
