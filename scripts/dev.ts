// The local system in one command: starts the Temporal dev server (state kept in
// .data/temporal.db, UI on 8233, search attributes registered), then the worker and
// the API in this process over one database handle (PGlite in .data/pglite unless
// DATABASE_URL is set). Ctrl-C stops everything it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app';
import { listenApi } from '../api/edge/http-server';
import { codecOptions } from '../config/codec';
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { connectClient } from '../config/temporal';
import { requireSearchAttributes } from '../config/search-attributes';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createCaseWorker } from '../worker/create-worker';
import { ensureNoticeRelay } from '../worker/notice-relay';
import { installWorkerRuntime } from '../worker/runtime';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';

const ROOT = path.resolve(__dirname, '..');
const TEMPORAL_PORT = Number(process.env.TEMPORAL_DEV_PORT ?? 7233);
const UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

/** A secret made once for this machine's local system and kept in .data (mode 600). */
function localSecret(dataDir: string, name: string, make: () => string): string {
  const file = path.join(dataDir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, make(), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.end(); resolve(); });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`nothing listens on port ${port} after ${ms} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

function startTemporal(dataDir: string, codecEndpoint: string): ChildProcess {
  const args = [
    'server', 'start-dev',
    '--db-filename', path.join(dataDir, 'temporal.db'),
    '--port', String(TEMPORAL_PORT),
    '--ui-port', String(UI_PORT),
    '--ip', '127.0.0.1',
    '--log-level', 'error',
    '--ui-codec-endpoint', codecEndpoint, // the UI shows decrypted case state
    ...CASE_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${k.type}`]),
  ];
  const child = spawn(path.join(ROOT, '.tools/bin/temporal'), args, { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`temporal dev server exited (${code}); stopping`);
      process.exit(1);
    }
  });
  return child;
}

let stopping = false;

async function main(): Promise<void> {
  const dataDir = path.join(ROOT, '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  process.env.AUTH_JWT_SECRET ??= localSecret(dataDir, 'dev-auth-secret', () => randomBytes(32).toString('hex'));
  process.env.CASEKEEPER_ENCRYPTION_KEYS ??= localSecret(dataDir, 'dev-encryption-keys', () => `local1:${randomBytes(32).toString('base64')}`);
  const externalTemporal = Boolean(process.env.TEMPORAL_ADDRESS);
  process.env.TEMPORAL_ADDRESS ??= `127.0.0.1:${TEMPORAL_PORT}`;
  // The local UI has no login to pass a token from; the API is bound to loopback.
  process.env.CODEC_AUTH ??= 'local';
  const config = loadConfig();

  const temporal = externalTemporal ? undefined : startTemporal(dataDir, `http://${config.HOST}:${config.PORT}/codec`);
  // Whatever ends this process, the dev server it started must not outlive it.
  process.on('exit', () => temporal?.kill('SIGTERM'));
  if (temporal) await waitForPort(TEMPORAL_PORT, 60_000);

  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  await migrateDatabase(database);

  const logger = createLogger(config.LOG_LEVEL);
  const workerMetrics = installWorkerRuntime(config.WORKER_METRICS_ADDRESS, logger.child({ process: 'worker' }));
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  await requireSearchAttributes(connection.operatorService, config.TEMPORAL_NAMESPACE);
  const worker = await createCaseWorker({ connection, namespace: config.TEMPORAL_NAMESPACE, db: database.db, keyRing: config.keyRing, webhook: { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET } });
  const running = worker.run();
  const client = await connectClient(config);
  await ensureNoticeRelay(client); // retries failed webhook notices, also after their case ended
  const app = createApp({ client, db: database.db, authSecret: config.AUTH_JWT_SECRET, authPolicy: config, idempotencyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS, codec: codecOptions(config), workerMetrics, logger: logger.child({ process: 'api' }) });
  // The same HTTP server as api/main.ts: parser refusals as problem documents, a bounded drain on stop.
  const server = await listenApi(app, config.PORT, config.HOST);

  const api = `http://${config.HOST}:${config.PORT}`;
  console.log(`
Casekeeper is running.
  API          ${api}/v1   (health: ${api}/healthz)
  API docs     ${api}/docs
  Temporal UI  ${temporal ? `http://127.0.0.1:${UI_PORT}` : '(external server: its own UI)'}
  Temporal     ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})
  Database     ${database.kind === 'pglite' ? `embedded PGlite in ${config.pgliteDir}` : 'DATABASE_URL'}
  Tokens       npm run token -- --role agent --sub ann
Press Ctrl-C to stop.`);

  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    await server.stop(config.API_STOP_GRACE * 1000);
    // The SDK also reacts to SIGINT/SIGTERM by draining the worker itself.
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await client.connection.close();
    await connection.close();
    await database.close();
    if (temporal) {
      temporal.kill('SIGTERM');
      await new Promise((resolve) => temporal.once('exit', resolve));
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
