// Two API processes and two worker processes on the production server (PostgreSQL,
// 4 history shards): cases spread over both workers, one Idempotency-Key sent to both
// API replicas opens one case, and a caller's rate limit holds across the replicas.
import { eq } from 'drizzle-orm';
import { mintToken } from '../../api/auth';
import { cases } from '../../db/schema';
import { caseWorkflowId } from '../../workflows/case/contract';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { freePort } from '../helpers/ports';
import { processes } from '../helpers/processes';
import { testedServerVersion } from '../helpers/server-version';
import { startCluster, type Cluster } from '../helpers/temporal-cluster';

const SECRET = 'replica-test-secret-long-enough-for-hs256';
const RATE_LIMIT = 10;
let cluster: Cluster;
let db: TestDatabase;
const apis: string[] = [];
const procs = processes(() => ({
  TEMPORAL_ADDRESS: cluster.address,
  DATABASE_URL: db.url,
  AUTH_JWT_SECRET: SECRET,
  TEMPORAL_TASK_QUEUE: 'replicas',
  RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
}));

beforeAll(async () => {
  [cluster, db] = await Promise.all([startCluster(), createTestDatabase()]);
  const ports = [await freePort(), await freePort()];
  await Promise.all([
    procs.start('worker/main.ts', /polling/),
    procs.start('worker/main.ts', /polling/),
    ...ports.map((port) => procs.start('api/main.ts', /listening/, { PORT: String(port) })),
  ]);
  apis.push(...ports.map((port) => `http://127.0.0.1:${port}`));
}, 240_000);
afterAll(async () => {
  procs.killAll();
  await db?.drop();
  await cluster?.stop();
});

/** A caller of its own per test, so one test's requests never spend another's rate limit. */
async function headers(sub: string, key?: string): Promise<Record<string, string>> {
  const token = await mintToken(SECRET, { sub, role: 'system' });
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
}
const caseBody = (customerId: string): string => JSON.stringify({ customerId, subject: 'S', description: 'D', category: 'INQUIRY', channel: 'API' });

async function openCase(api: string, sub: string, key: string, customerId: string): Promise<Response> {
  // A concurrent duplicate may be told 409 to retry while the first still runs: it does, as clients should.
  for (;;) {
    const res = await fetch(`${api}/v1/cases`, { method: 'POST', headers: await headers(sub, key), body: caseBody(customerId) });
    if (res.status !== 409) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
  }
}

describe('two API replicas and two workers on the cluster', () => {
  it('runs on the production server: PostgreSQL persistence, SQL visibility, more than one history shard', async () => {
    const info = await cluster.env.client.workflowService.getClusterInfo({});
    expect(info).toEqual(expect.objectContaining({ persistenceStore: 'postgres12', visibilityStore: 'postgres12', historyShardCount: 4, serverVersion: testedServerVersion() }));
  });

  it('when cases are opened through both APIs, then their workflow tasks are completed by both workers', async () => {
    // 16 cases: were the server to hand each first task to a worker at random, all landing on
    // one would happen 3 times in 100,000 runs.
    const opened = await Promise.all(Array.from({ length: 16 }, (_, i) => openCase(apis[i % 2]!, `spread-${i}`, `spread-${i}`, 'spread')));
    expect(opened.map((r) => r.status)).toEqual(Array(16).fill(201));
    const ids = await Promise.all(opened.map(async (r) => ((await r.json()) as { caseId: string }).caseId));
    const identities = new Set<string>();
    for (const id of ids) {
      const history = await cluster.env.client.workflow.getHandle(caseWorkflowId(id)).fetchHistory();
      for (const e of history.events ?? []) if (e.workflowTaskCompletedEventAttributes) identities.add(e.workflowTaskCompletedEventAttributes.identity ?? '');
    }
    expect([...identities].filter((i) => /^\d+@/.test(i))).toHaveLength(2);
  });

  it('when one Idempotency-Key reaches both API replicas at once, then one case is opened and both answers are the same', async () => {
    const [a, b] = await Promise.all(apis.map((api) => openCase(api, 'twin-crm', 'twin-key', 'twin')));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    const [bodyA, bodyB] = [await a!.json(), await b!.json()];
    expect(bodyB).toEqual(bodyA);
    expect(await db.db.$count(cases, eq(cases.customerId, 'twin'))).toBe(1);
  });

  it('when a caller spreads requests over both replicas, then together they admit only its limit', async () => {
    const h = await headers('flood-crm');
    const answers = await Promise.all(Array.from({ length: 2 * RATE_LIMIT }, (_, i) => fetch(`${apis[i % 2]}/v1/cases/none-such`, { headers: h })));
    const refused = answers.filter((r) => r.status === 429);
    // Per-process buckets would admit the limit on each replica (20); shared ones admit 10,
    // or 11 if a token refilled (one each 6 s) while the requests ran.
    expect(2 * RATE_LIMIT - refused.length).toBeLessThanOrEqual(RATE_LIMIT + 1);
    expect(2 * RATE_LIMIT - refused.length).toBeGreaterThanOrEqual(RATE_LIMIT);
    expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
