// createRatio: cases opened per second through POST /v1/cases ÷ bare
// `client.workflow.start` of a trivial workflow per second, at the same concurrency.
// Rounds alternate (baseline, ours, baseline, ours) so drift on a noisy machine hits both.
import { randomUUID } from 'node:crypto';
import { openViaApi } from '../cases';
import type { BenchOptions } from '../options';
import { ratioMetric, type Metric } from '../report';
import type { Stack } from '../stack';
import { pool } from '../stats';

const ROUNDS = 2;

export async function createPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const startTrivial = async (): Promise<void> => {
    await stack.temporal.client.workflow.start('trivialWorkflow', { taskQueue: stack.baselineQueue, workflowId: `trivial-${randomUUID()}` });
  };
  const openCase = async (): Promise<void> => {
    await openViaApi(stack);
  };
  // Warm-up: JIT, connection pools, the workers' first bundles in their V8 contexts.
  await pool(50, opts.concurrency, startTrivial);
  await pool(50, opts.concurrency, openCase);
  await stack.settle();

  const perRound = Math.ceil(opts.creates / ROUNDS);
  let oursMs = 0;
  let baselineMs = 0;
  for (let r = 0; r < ROUNDS; r++) {
    // Each side is timed until its worker is idle again: work left behind after the
    // last answer (the trivial workflow's task; a case's first persist) still has to be done.
    let started = performance.now();
    await pool(perRound, opts.concurrency, startTrivial);
    baselineMs += (await stack.settle()) - started;
    started = performance.now();
    await pool(perRound, opts.concurrency, openCase);
    oursMs += (await stack.settle()) - started;
  }
  const ours = (perRound * ROUNDS) / (oursMs / 1000);
  const baseline = (perRound * ROUNDS) / (baselineMs / 1000);
  return [
    ratioMetric({
      key: 'createRatio',
      label: 'cases created / s through the API ÷ bare workflow starts / s',
      ours,
      baseline,
      unit: '/s',
      target: { op: '>=', value: 0.9 },
      oursKey: 'createPerSecond',
      baselineKey: 'createBaselinePerSecond',
      note: `${perRound * ROUNDS} each, concurrency ${opts.concurrency}; each side timed until its worker was idle`,
    }),
  ];
}
