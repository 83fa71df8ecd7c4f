// The worker and the API as the separate processes operators run, configured by
// environment only. SIGTERM: the API stops accepting and finishes what is in flight;
// the worker drains; a restarted worker picks up where the old one stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { mintToken } from '../../api/auth';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { ROOT } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { waitForOutput } from '../helpers/processes';
import { devServerEnv, TEST_ENCRYPTION_KEYS } from '../helpers/temporal';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

const SECRET = 'process-test-secret-long-enough-for-hs256';
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let env: TestWorkflowEnvironment;
let db: TestDatabase;
const children: ChildProcess[] = [];


async function start(entry: 'worker/main.ts' | 'api/main.ts', extra: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(TSX, [entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: env.address,
      DATABASE_URL: db.url,
      AUTH_JWT_SECRET: SECRET,
      CASEKEEPER_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      TEMPORAL_TASK_QUEUE: 'process-test',
      LOG_LEVEL: 'info',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so cleanup reaches the node process tsx starts
  });
  children.push(child);
  return child;
}

const exited = (c: ChildProcess): Promise<number | null> => new Promise((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

beforeAll(async () => {
  env = await devServerEnv();
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
  await db?.drop();
  await env?.teardown();
});

describe('worker and API processes', () => {
  it('when the worker is stopped and the API told to stop mid-request, then the request still completes once a new worker runs, and nothing is lost', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const worker1 = await start('worker/main.ts', {});
    await waitForOutput(worker1, /polling/);
    // Its grace period outlasts the worker's restart below, which the in-flight request waits for.
    const api = await start('api/main.ts', { PORT: String(port), API_STOP_GRACE: '5m' });
    await waitForOutput(api, /listening/);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const auth = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'crm', role: 'system' })}`, 'content-type': 'application/json' };
    const opened = await fetch(`${base}/v1/cases`, {
      method: 'POST',
      headers: { ...auth, 'idempotency-key': 'proc-1' },
      body: JSON.stringify({ customerId: 'acme', subject: 'S', description: 'D', category: 'INQUIRY', channel: 'API' }),
    });
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };

    worker1.kill('SIGTERM');
    expect(await exited(worker1)).toBe(0); // drained, clean exit

    // Sent while no worker runs: the Update waits in Temporal, the request stays open.
    const agent = { authorization: `Bearer ${await mintToken(SECRET, { sub: 'ann', role: 'agent' })}`, 'content-type': 'application/json' };
    const inFlight = fetch(`${base}/v1/cases/${caseId}/acknowledge`, { method: 'POST', headers: { ...agent, 'idempotency-key': 'ack-1' }, body: '{}' });
    await new Promise((r) => setTimeout(r, 500));
    api.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow(); // no longer accepting

    const worker2 = await start('worker/main.ts', {});
    await waitForOutput(worker2, /polling/);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { result: { status: string } }).result.status).toBe('IN_PROGRESS');
    expect(await exited(api)).toBe(0);

    worker2.kill('SIGTERM');
    expect(await exited(worker2)).toBe(0);
  });
});
