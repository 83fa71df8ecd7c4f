// Applies the committed drizzle-kit migrations (db/migrations) and seeds reference data.
import path from 'node:path';
import type { DbHandle } from './client';
import { seedReferenceData } from './seed';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const migrationsFolder = MIGRATIONS_DIR;
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
  await seedReferenceData(handle.db);
}
