// API and worker replicas start together and each migrates the database first: they must
// take turns, not collide on PostgreSQL's catalogue and exit (seen with two at once).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';

const adminUrl = process.env.TEST_DATABASE_URL!;
const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
const name = `ck_migrate_${randomBytes(6).toString('hex')}`;
const handles: DbHandle[] = [];

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE ${name}`);
});

afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

test('four processes migrating a new database at once all start, and the schema is there once', async () => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  for (let i = 0; i < 4; i++) handles.push(await openDatabase({ url: url.toString(), pgliteDir: '' }));

  const outcomes = await Promise.allSettled(handles.map((h) => migrateDatabase(h)));

  expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
  const check = postgres(url.toString(), { max: 1, onnotice: () => undefined });
  const applied = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
  const journal = (await import('../../db/migrations/meta/_journal.json')).entries.length;
  await check.end();
  expect(applied[0]?.n).toBe(journal);
});
