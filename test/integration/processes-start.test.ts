// `npm start` as a new user meets it: a process manager's SIGTERM to npm stops every
// process it started; a second start, a busy port, an unreachable Temporal or database
// each end in one line naming what to change, never a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const children: ChildProcess[] = [];
let dataDir: string;
let db: TestDatabase;

function run(command: string, args: string[], env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let seen = '';
  child.stdout!.on('data', (b: Buffer) => (seen += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (seen += b.toString()));
  children.push(child);
  return Object.assign(child, { output: () => seen });
}

const exited = (c: ChildProcess): Promise<number | null> => new Promise((r) => (c.exitCode !== null ? r(c.exitCode) : c.once('exit', (code) => r(code))));

async function until(what: string, check: () => boolean, ms = 110_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  for (let frontier = [pid]; frontier.length > 0; ) {
    frontier = [...parents].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    out.push(...frontier);
  }
  return out;
}
const alive = (pid: number): boolean => fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** The one line a failed start printed: no stack frames, no transport debug text. */
function lastLine(output: string): string {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/tonic::|Failed query/);
  return output.trim().split('\n').at(-1)!;
}

async function devEnv(): Promise<Record<string, string>> {
  return {
    CASEKEEPER_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    TEMPORAL_ADDRESS: '',
    DATABASE_URL: '',
  };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casekeeper-start-'));
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('when a second start uses the same folder, it names the first; when npm gets SIGTERM, every process it started stops', async () => {
    const env = await devEnv();
    const npm = run('npm', ['start'], env);
    await until('Casekeeper is running', () => /Press Ctrl-C to stop/.test(npm.output()) || npm.exitCode !== null);
    expect(npm.output()).toMatch(/Press Ctrl-C to stop/);
    const started = descendants(npm.pid!);
    expect(started.length).toBeGreaterThanOrEqual(2); // the launcher and the Temporal dev server, at least

    const second = run(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], { ...(await devEnv()) });
    expect(await exited(second)).toBe(1);
    expect(lastLine(second.output())).toMatch(new RegExp(`already running from .*process ${started.join('|')}`));

    process.kill(npm.pid!, 'SIGTERM'); // npm alone, as a process manager or an IDE does
    await exited(npm);
    await until('every child of npm start stopped', () => started.every((pid) => !alive(pid)), 60_000);
  });

  it('when a port it needs is taken, then one line names the variable that sets it', async () => {
    const env = await devEnv();
    const taken = net.createServer().listen(Number(env.PORT), '127.0.0.1');
    await new Promise((r) => taken.once('listening', r));
    try {
      const dev = run(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], env);
      expect(await exited(dev)).toBe(1);
      expect(lastLine(dev.output())).toBe(`port ${env.PORT} on 127.0.0.1 is already in use by another program: stop it, or set PORT to a free port`);
    } finally {
      taken.close();
    }
  });
});

describe('worker and API start-up', () => {
  const workerEnv = async (extra: Record<string, string>) => ({
    AUTH_JWT_SECRET: 'x'.repeat(40),
    CASEKEEPER_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 9).toString('base64')}`,
    CASEKEEPER_DATA_DIR: dataDir,
    WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
    ...extra,
  });

  // The API migrates before it connects to Temporal (the worker does both at once), so nothing else fails first.
  it('when the database cannot be reached, then one line gives its cause and host, never the password', async () => {
    const port = await freePort();
    const api = run(process.execPath, ['--import', 'tsx', 'api/main.ts'], await workerEnv({ DATABASE_URL: `postgres://app:hunter2secret@127.0.0.1:${port}/cases`, PORT: String(await freePort()) }));
    expect(await exited(api)).toBe(1);
    const line = lastLine(api.output());
    expect(line).toBe(`api: cannot use the database at 127.0.0.1:${port}/cases (DATABASE_URL): ECONNREFUSED`);
    expect(api.output()).not.toContain('hunter2secret');
  });

  it('when Temporal cannot be reached, then one line names TEMPORAL_ADDRESS and why', async () => {
    const address = `127.0.0.1:${await freePort()}`;
    const worker = run(process.execPath, ['--import', 'tsx', 'worker/main.ts'], await workerEnv({ DATABASE_URL: db.url, TEMPORAL_ADDRESS: address }));
    expect(await exited(worker)).toBe(1);
    expect(lastLine(worker.output())).toBe(`worker: cannot reach Temporal at ${address} (TEMPORAL_ADDRESS): connection refused`);
  });
});
