// Rate limits shared by API replicas: token buckets in PostgreSQL (api/rate-limit-postgres.ts)
// behave like the in-process ones, and concurrent takes from many connections never
// hand out more tokens than the bucket holds.
import { postgresBuckets } from '../../api/rate-limit-postgres';
import { memoryBuckets } from '../../api/rate-limit-memory';
import type { TokenBuckets } from '../../api/rate-limit';
import { openDatabase, type DbHandle } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
const replicas: DbHandle[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const r of replicas) await r.close();
  await db?.drop();
});

const T0 = Date.parse('2026-12-04T12:00:00Z');

async function takeMany(b: TokenBuckets, key: string, n: number, perMinute: number, at: number): Promise<boolean[]> {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) out.push((await b.take(key, perMinute, at)).allowed);
  return out;
}

describe.each([
  ['PostgreSQL', () => postgresBuckets(db.db)],
  ['memory', () => memoryBuckets()],
])('%s token buckets', (_name, make) => {
  it('when a principal spends its minute, then it is refused until a token refills, and others are not', async () => {
    const b = make();
    expect(await takeMany(b, 'agent:ann', 5, 5, T0)).toEqual([true, true, true, true, true]);
    const refused = await b.take('agent:ann', 5, T0);
    expect(refused.allowed).toBe(false);
    expect(refused.tokens).toBeCloseTo(0, 5);
    expect((await b.take('agent:bob', 5, T0)).allowed).toBe(true);
    expect((await b.take('agent:ann', 5, T0 + 11_000)).allowed).toBe(false); // 5 a minute: one token per 12 s
    expect((await b.take('agent:ann', 5, T0 + 12_000)).allowed).toBe(true);
  });

  it('when a principal stays away, then its bucket refills to its size and no further', async () => {
    const b = make();
    await takeMany(b, 'system:crm', 3, 3, T0);
    expect(await takeMany(b, 'system:crm', 4, 3, T0 + 3_600_000)).toEqual([true, true, true, false]);
  });
});

describe('shared buckets', () => {
  it('when two replicas take from one bucket at once, then exactly its size is allowed', async () => {
    const perMinute = 40;
    const conns = await Promise.all([openDatabase({ url: db.url, pgliteDir: '' }), openDatabase({ url: db.url, pgliteDir: '' })]);
    replicas.push(...conns);
    const [a, b] = conns.map((c) => postgresBuckets(c.db));
    const at = T0 + 86_400_000;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a! : b!).take('customer:carol', perMinute, at)));
    expect(results.filter((r) => r.allowed)).toHaveLength(perMinute);
  });
});
