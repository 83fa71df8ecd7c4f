// Worker and API processes as operators run them (tsx, configured by environment only),
// for suites that need several of each against one Temporal server and one database.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths';
import { freePort } from './ports';
import { TEST_ENCRYPTION_KEYS } from './temporal';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface Processes {
  /** Starts `entry` and resolves once its output matches `ready`. */
  start(entry: 'worker/main.ts' | 'api/main.ts', ready: RegExp, extra?: Record<string, string>): Promise<ChildProcess>;
  /** Kills every process started (their whole process groups). */
  killAll(): void;
}

export function processes(common: () => Record<string, string>): Processes {
  const children: ChildProcess[] = [];
  return {
    async start(entry, ready, extra = {}) {
      const child = spawn(TSX, [entry], {
        cwd: ROOT,
        env: {
          ...process.env,
          CASEKEEPER_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
          LOG_LEVEL: 'info',
          WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
          ...common(),
          ...extra,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group, so killAll reaches the node process tsx starts
      });
      children.push(child);
      await waitForOutput(child, ready);
      return child;
    },
    killAll() {
      for (const c of children) if (c.exitCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
    },
  };
}

/** Resolves once the process has printed `text` (stdout or stderr); fails if it exits first. */
export async function waitForOutput(c: ChildProcess, text: RegExp, ms = 90_000): Promise<void> {
  let seen = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${text} within ${ms} ms; output: ${seen.slice(-2000)}`)), ms);
    const on = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (text.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    c.stdout!.on('data', on);
    c.stderr!.on('data', on);
    c.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ${text}; output: ${seen.slice(-2000)}`));
    });
  });
}
