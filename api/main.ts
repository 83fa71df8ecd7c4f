// The API process: Express over one Temporal client and one database handle.
// Configured by environment only; stops accepting on SIGTERM and finishes requests in flight.
import type { Server } from 'node:http';
import { loadConfig } from '../config/env';
import { connectClient } from '../config/temporal';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { createApp } from './app';
import { codecOptions } from '../config/codec';
import { createLogger } from '../config/logger';

export async function startApi(): Promise<{ server: Server; stop: () => Promise<void> }> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.pgliteDir });
  await migrateDatabase(database);
  const client = await connectClient(config);
  const app = createApp({
    client,
    db: database.db,
    authSecret: config.AUTH_JWT_SECRET,
    codec: codecOptions(config),
    logger: createLogger(config.LOG_LEVEL).child({ process: 'api' }),
    ...(config.TEMPORAL_TASK_QUEUE ? { taskQueue: config.TEMPORAL_TASK_QUEUE } : {}),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(config.PORT, config.HOST, () => resolve(s));
  });
  const stop = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await client.connection.close();
    await database.close();
  };
  return { server, stop };
}

if (require.main === module) {
  startApi()
    .then(({ server, stop }) => {
      const addr = server.address();
      console.log(`api: listening on ${typeof addr === 'object' && addr ? `http://${addr.address}:${addr.port}` : addr}`);
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop().then(() => process.exit(0)));
    })
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
