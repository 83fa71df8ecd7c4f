// Bench databases: a fresh, migrated PostgreSQL database per purpose on the server
// bench/run.sh provides (TEST_DATABASE_URL or DATABASE_URL), dropped afterwards.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';

export interface BenchDatabase extends DbHandle {
  url: string;
  /** A raw postgres-js client for the bench's own SQL (bulk inserts, polling). */
  sql: postgres.Sql;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no PostgreSQL: run through `npm run bench` (bench/run.sh), or set DATABASE_URL');
  return url;
}

export async function createBenchDatabase(purpose: string): Promise<BenchDatabase> {
  const name = `ck_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), pgliteDir: '' });
  await migrateDatabase(handle);
  const sql = postgres(url.toString(), { max: 4, onnotice: () => undefined });
  return {
    ...handle,
    url: url.toString(),
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
