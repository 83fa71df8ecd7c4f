// A server without Casekeeper's search attributes is named at start, not discovered by
// a stalled case: the worker and the API refuse to start saying which are missing and
// the command that registers them; that command works on the dev server and on the
// time-skipping test server (which cannot list attributes).
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { missingSearchAttributes } from '../../config/search-attributes';
import { CASE_SEARCH_ATTRIBUTES } from '../../workflows/case/search-attributes';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { ROOT, TEMPORAL_CLI, TEST_SERVER } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { quietRuntime, TEST_ENCRYPTION_KEYS } from '../helpers/temporal';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
let bare: TestWorkflowEnvironment;
let db: TestDatabase;

beforeAll(async () => {
  quietRuntime();
  // A dev server started without Casekeeper's attributes, as a new cluster would be.
  bare = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: TEMPORAL_CLI }, ip: '127.0.0.1' } });
  db = await createTestDatabase();
});
afterAll(async () => {
  await bare?.teardown();
  await db?.drop();
});

async function run(entry: string, args: string[], address: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(TSX, [entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, TEMPORAL_ADDRESS: address, DATABASE_URL: db.url, AUTH_JWT_SECRET: 'search-attribute-test-secret-long-enough', CASEKEEPER_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS, PORT: String(await freePort()), WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

describe('search attributes checked at start', () => {
  it('when the namespace lacks them, then worker and API refuse to start naming the missing ones and the command; after the command both checks pass', async () => {
    for (const entry of ['worker/main.ts', 'api/main.ts']) {
      const { code, output } = await run(entry, [], bare.address);
      expect(code).toBe(1);
      expect(output).toContain('CaseStatus');
      expect(output).toContain('ReadModelStalled');
      expect(output).toContain('npm run ops -- search-attributes');
    }
    const ops = await run('scripts/ops.ts', ['search-attributes'], bare.address);
    expect(ops.code).toBe(0);
    expect(ops.output).toContain('registered in default: CaseStatus (KEYWORD)');
    expect(await missingSearchAttributes(bare.connection.operatorService, 'default')).toEqual([]);
    const again = await run('scripts/ops.ts', ['search-attributes'], bare.address);
    expect(again.output).toContain(`all ${CASE_SEARCH_ATTRIBUTES.length} search attributes are registered`);
  });

  it('when the operator registers them on the time-skipping test server, then the command succeeds although that server cannot list them', async () => {
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEST_SERVER } } });
    try {
      const { code, output } = await promisify(execFile)(TSX, ['scripts/ops.ts', 'search-attributes'], { cwd: ROOT, env: { ...process.env, TEMPORAL_ADDRESS: env.address } }).then(
        (r) => ({ code: 0, output: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
      );
      expect(output).not.toMatch(/unimplemented/i);
      expect(code).toBe(0);
      expect(output).toContain('registered in default: CaseStatus (KEYWORD)');
    } finally {
      await env.teardown();
    }
  });
});
