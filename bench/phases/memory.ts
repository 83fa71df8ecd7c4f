// memoryRatio: worker memory per cached open case ÷ per cached trivial sleeping
// workflow. Each kind gets a fresh worker process (bench/memory-probe.ts); after a
// warm-up (the bundle loaded, the first contexts made) its RSS is read after GC, then
// M more workflows are started and kept open, and read again: (after − before) ÷ M.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startCaseDirect } from '../cases';
import { BENCH_KEY_SPEC } from '../keys';
import type { ProbeMemory } from '../memory-probe';
import type { BenchOptions } from '../options';
import { ratioMetric, type Metric } from '../report';
import type { WorkerLoad } from '../settle';
import { settle } from '../settle';
import type { Stack } from '../stack';
import { percentile, pool, waitUntil } from '../stats';

const WARM_UP = 30;
const SAMPLES = 3;
const DAY_MS = 86_400_000;

export async function memoryPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const m = opts.memoryWorkflows;
  const baseline = await perWorkflow(stack, 'baseline', m);
  const ours = await perWorkflow(stack, 'case', m);
  const kib = (v: number): number => v / 1024;
  return [
    ratioMetric({
      key: 'memoryRatio',
      label: 'worker RSS per cached open case ÷ per cached sleeping workflow',
      ours: kib(ours.rss),
      baseline: kib(baseline.rss),
      unit: 'KiB',
      target: { op: '<=', value: 1.5 },
      oursKey: 'memoryPerCaseKiB',
      baselineKey: 'memoryPerSleeperKiB',
      note: `M = ${m} each, fresh worker process per kind; main-thread heap per workflow ${kib(ours.heapUsed).toFixed(1)} vs ${kib(baseline.heapUsed).toFixed(1)} KiB (workflows live in the workflow thread, so RSS is the figure)`,
    }),
  ];
}

class Probe {
  private readonly waiting: ((msg: Record<string, unknown>) => void)[] = [];
  constructor(readonly child: ChildProcess) {
    child.on('message', (msg: Record<string, unknown>) => this.waiting.shift()?.(msg));
  }
  ask<T>(what: string, field: string): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push((msg) => resolve(msg[field] as T));
      this.child.send(what);
    });
  }
}

async function perWorkflow(stack: Stack, kind: 'case' | 'baseline', m: number): Promise<ProbeMemory> {
  const taskQueue = `bench-memory-${kind}-${randomUUID()}`;
  const child = fork(path.join(__dirname, '..', 'memory-probe.ts'), [kind, stack.temporal.address, stack.temporal.namespace, taskQueue, stack.db.url], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_KEY_RING: BENCH_KEY_SPEC },
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (code: number | null): void => reject(new Error(`memory probe exited (${code}) before it was ready`));
    child.once('exit', failed);
    child.once('message', () => {
      child.off('exit', failed);
      resolve();
    });
  });
  const probe = new Probe(child);
  const status = (): Promise<WorkerLoad> => probe.ask<WorkerLoad>('status', 'status');
  const run = randomUUID().slice(0, 8);
  const start = async (i: number): Promise<void> => {
    const id = `mem-${kind}-${run}-${i}`;
    if (kind === 'case') await startCaseDirect(stack, id, {}, taskQueue);
    else await stack.temporal.client.workflow.start('sleepingWorkflow', { taskQueue, workflowId: id, args: [id, DAY_MS] });
  };
  const fill = async (from: number, count: number): Promise<void> => {
    await pool(count, 16, (i) => start(from + i));
    await waitUntil(`${from + count} cached ${kind} workflows`, async () => (await status()).cached >= from + count, 120_000);
    await settle([status], 500);
  };
  const measure = async (): Promise<ProbeMemory> => {
    const samples: ProbeMemory[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await probe.ask<ProbeMemory>('measure', 'memory'));
    const median = (k: keyof ProbeMemory): number => percentile(samples.map((s) => s[k]), 50);
    return { rss: median('rss'), heapUsed: median('heapUsed'), external: median('external') };
  };
  try {
    await fill(0, WARM_UP);
    const before = await measure();
    await fill(WARM_UP, m);
    const after = await measure();
    const cached = (await status()).cached;
    if (cached < WARM_UP + m) throw new Error(`only ${cached} of ${WARM_UP + m} ${kind} workflows stayed cached`);
    return { rss: (after.rss - before.rss) / m, heapUsed: (after.heapUsed - before.heapUsed) / m, external: (after.external - before.external) / m };
  } finally {
    // A clean shutdown first (the worker drains), then a kill should it hang.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send('stop');
    const timer = setTimeout(() => child.kill(), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
