// actionDriftRatio: p50 of the 1,500th action on one case ÷ p50 of its 10th. Each case
// takes its replies one at a time (cases run side by side); the p50s are taken over a
// window of 11 actions around each position, pooled across cases.
import { act, openViaApi } from '../cases';
import type { BenchOptions } from '../options';
import type { Metric } from '../report';
import type { Stack } from '../stack';
import { nowMs, percentile } from '../stats';

const HALF_WINDOW = 5;
const EARLY = 10;

export async function driftPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const late = opts.driftActions;
  const total = late + HALF_WINDOW;
  const early: number[] = [];
  const lateSamples: number[] = [];
  /** Latency by action number (1-based), summed over cases, for the curve in the notes. */
  const byIndex = new Array<number>(total + 1).fill(0);
  const caseIds: string[] = [];
  const oneCase = async (): Promise<void> => {
    const caseId = await openViaApi(stack);
    caseIds.push(caseId);
    await act(stack, caseId, 'acknowledge', {}); // action 1
    for (let n = 2; n <= total; n++) {
      const t = nowMs();
      await act(stack, caseId, 'reply', { message: `Reply number ${n}.` });
      const ms = nowMs() - t;
      byIndex[n]! += ms;
      if (Math.abs(n - EARLY) <= HALF_WINDOW) early.push(ms);
      if (Math.abs(n - late) <= HALF_WINDOW) lateSamples.push(ms);
    }
  };
  const started = nowMs();
  await Promise.all(Array.from({ length: opts.driftCases }, oneCase));
  const seconds = (nowMs() - started) / 1000;
  await stack.settle();
  // What each task of a long case carries: the snapshot the read model holds for it.
  const [size] = await stack.db.sql<{ bytes: number; deadlines: number }[]>`
    select max(pg_column_size(snapshot))::int as bytes, max(jsonb_array_length(snapshot->'deadlines'))::int as deadlines
    from cases where case_id = any(${caseIds})`;

  const p50Early = percentile(early, 50);
  const p50Late = percentile(lateSamples, 50);
  const curve = [...new Set([10, 100, 250, 500, 750, 1000, 1250, late])]
    .filter((n) => n <= late)
    .map((n) => `#${n}≈${(windowMean(byIndex, n) / opts.driftCases).toFixed(1)}`)
    .join(' ');
  return [
    {
      key: 'actionDriftRatio',
      label: `p50 of action #${late} ÷ p50 of action #${EARLY} on one case`,
      ours: p50Late,
      baseline: p50Early,
      value: p50Late / p50Early,
      unit: 'ms',
      target: { op: '<=', value: 1.2 },
      oursKey: 'actionLateP50Ms',
      baselineKey: 'actionEarlyP50Ms',
      note:
        `${opts.driftCases} case(s) × ${total} actions in ${seconds.toFixed(0)} s${late < 1500 ? ` (action #${late} stands in for #1,500)` : ''}; ` +
        `ms by action number (mean of ±${HALF_WINDOW}): ${curve}; final snapshot ${(size!.bytes / 1024).toFixed(0)} KiB stored, ${size!.deadlines} deadlines`,
    },
  ];
}

function windowMean(byIndex: number[], n: number): number {
  const window = byIndex.slice(Math.max(2, n - HALF_WINDOW), n + HALF_WINDOW + 1);
  return window.reduce((a, b) => a + b, 0) / window.length;
}
