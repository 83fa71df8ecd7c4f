// The API process: Express over one Temporal client and one database handle.
// Configured by environment only. On SIGTERM/SIGINT it stops accepting, finishes the
// requests in flight, answers keep-alive clients with `Connection: close`, and exits
// within API_STOP_GRACE (10 s by default) even if a request never finishes (api/edge/graceful-stop.ts).
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../config/env';
import { connectClient } from '../config/temporal';
import { requireSearchAttributes } from '../config/search-attributes';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createApp } from './app';
import { codecOptions } from '../config/codec';
import { processLogger } from '../config/logger';
import { explainStartupError } from '../config/startup-errors';
import { listenApi } from './edge/http-server';

let config: Config | undefined;

export async function startApi(): Promise<{ server: Server; stop: () => Promise<void> }> {
  config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  await migrateDatabase(database);
  const client = await connectClient(config);
  await requireSearchAttributes(client.connection.operatorService, config.TEMPORAL_NAMESPACE);
  const app = createApp({
    client,
    db: database.db,
    authSecret: config.AUTH_JWT_SECRET,
    authPolicy: config,
    idempotencyTtlHours: config.IDEMPOTENCY_KEY_TTL_HOURS,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    codec: codecOptions(config),
    logger: processLogger(config).child({ process: 'api' }),
    ...(config.TEMPORAL_TASK_QUEUE ? { taskQueue: config.TEMPORAL_TASK_QUEUE } : {}),
  });
  const api = await listenApi(app, config.PORT, config.HOST);
  const grace = config.API_STOP_GRACE;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await api.stop(grace * 1000);
      await client.connection.close();
      await database.close();
    })());
  return { server: api.server, stop };
}

if (require.main === module) {
  startApi()
    .then(({ server, stop }) => {
      const addr = server.address();
      console.log(`api: listening on ${typeof addr === 'object' && addr ? `http://${addr.address}:${addr.port}` : addr}`);
      const exit = (code: number) => () => process.exit(code);
      // A second signal while draining changes nothing: stop() is the same drain, bounded either way.
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void stop().then(exit(0), exit(1)));
    })
    .catch((err: unknown) => {
      console.error(`api: ${explainStartupError(err, { ...config, ports: config ? { [config.PORT]: 'PORT' } : {} })}`);
      process.exit(1);
    });
}
