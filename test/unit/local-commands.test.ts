// `npm run token` and `npm run ops` beside `npm start`: they find the secrets it keeps in
// the data folder without being told, and answer --help with their usage, not a stack trace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { ROOT } from '../helpers/paths';

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casekeeper-data-'));
  fs.writeFileSync(path.join(dataDir, 'dev-auth-secret'), 'a-local-secret-npm-start-made-0123456789abcdef\n', { mode: 0o600 });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CASEKEEPER_DATA_DIR: dataDir };
  delete env.AUTH_JWT_SECRET;
  delete env.CASEKEEPER_ENCRYPTION_KEYS;
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('commands beside npm start', () => {
  it('when no AUTH_JWT_SECRET is set, then npm run token signs with the secret npm start keeps in the data folder', async () => {
    const r = run('scripts/dev-token.ts', ['--role', 'agent', '--sub', 'ann']);
    expect(r.status).toBe(0);
    const { payload } = await jwtVerify(r.stdout.trim(), new TextEncoder().encode('a-local-secret-npm-start-made-0123456789abcdef'));
    expect(payload).toMatchObject({ sub: 'ann', role: 'agent' });
  });

  it.each([
    ['scripts/dev-token.ts', /^usage: npm run -s token -- --role/],
    ['scripts/ops.ts', /^usage: npm run ops -- <command>/],
  ])('when %s is asked for --help, then it prints its usage and succeeds', (script, usage) => {
    const r = run(script, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(usage);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
