// Applies the committed drizzle-kit migrations (db/migrations) and seeds reference data.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbHandle } from './client';
import { seedReferenceData } from './seed';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/**
 * Every API and worker process migrates at start, and replicas start together: two
 * migrators at once collide on PostgreSQL's catalogue ("duplicate key … pg_type"), and the
 * loser exits. One transaction-scoped advisory lock, held on a connection of its own while
 * the migrator works on others, lets them take turns; the later ones find nothing to do.
 */
const MIGRATION_LOCK = 0x6361_7365; // "case": any constant the project's processes share

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const migrationsFolder = MIGRATIONS_DIR;
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await migrate(handle.db as never, { migrationsFolder });
      await seedReferenceData(handle.db);
    });
    return;
  }
  // PGlite is one process's database: nobody to take turns with.
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(handle.db as never, { migrationsFolder });
  await seedReferenceData(handle.db);
}
