// How long a (re)started worker takes to poll: starts `worker/main.ts` N times against the
// Temporal server and database in the environment, and reports, per start, the wall time
// from spawn to the SDK's "Worker state changed … RUNNING" line and the CPU time the
// process used until then (the fairer figure on a shared machine).
//   TEMPORAL_ADDRESS=… DATABASE_URL=… npx tsx scripts/measure-worker-start.ts [runs]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const runs = Number(process.argv[2] ?? 5);

/** user+system CPU seconds of a process (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function once(): Promise<{ ms: number; cpu: number }> {
  const env = {
    ...process.env,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET ?? 'measure-'.repeat(5),
    CASEKEEPER_ENCRYPTION_KEYS: process.env.CASEKEEPER_ENCRYPTION_KEYS ?? `m1:${Buffer.alloc(32, 7).toString('base64')}`,
    TEMPORAL_TASK_QUEUE: process.env.TEMPORAL_TASK_QUEUE ?? 'measure-worker-start',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
  };
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const result = await new Promise<{ ms: number; cpu: number }>((resolve, reject) => {
    const on = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (/"state":"RUNNING"/.test(seen)) resolve({ ms: Date.now() - started, cpu: cpuSeconds(child.pid!) });
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    child.once('exit', () => reject(new Error(`the worker exited before polling:\n${seen.slice(-2000)}`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return result;
}

async function main(): Promise<void> {
  const all: Array<{ ms: number; cpu: number }> = [];
  for (let i = 0; i < runs; i++) {
    const r = await once();
    all.push(r);
    console.log(`start ${i + 1}: ${r.ms} ms to polling, ${r.cpu.toFixed(2)} s CPU`);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`median: ${median(all.map((r) => r.ms))} ms, ${median(all.map((r) => r.cpu)).toFixed(2)} s CPU`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
