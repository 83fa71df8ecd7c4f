// The result table and the --json file. Each metric carries its own figure, the
// baseline it is divided by (if any), and the target it is judged against.
import fs from 'node:fs';
import os from 'node:os';
import { round } from './stats';

export interface Metric {
  /** The issue's key, e.g. `createRatio`. */
  key: string;
  label: string;
  ours: number;
  baseline?: number;
  unit: string;
  /** The figure the target applies to: ours ÷ baseline, or ours itself when there is no baseline. */
  value: number;
  target: { op: '>=' | '<='; value: number };
  /** JSON keys for the two sides, written beside the metric's own key. */
  oursKey: string;
  baselineKey?: string;
  note?: string;
  /** Raw counts behind the figure, written under `details.<key>` in the JSON. */
  details?: Record<string, unknown>;
}

export const met = (m: Metric): boolean => (m.target.op === '>=' ? m.value >= m.target.value : m.value <= m.target.value);

export function ratioMetric(m: Omit<Metric, 'value'> & { baseline: number }): Metric {
  return { ...m, value: m.ours / m.baseline };
}

export function machine(): Record<string, string | number> {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const fmt = (v: number | undefined, unit = ''): string => (v === undefined || Number.isNaN(v) ? '–' : `${round(v, v >= 100 ? 0 : 2)}${unit ? ` ${unit}` : ''}`);

export function printTable(metrics: Metric[], notes: string[]): void {
  const rows = [
    ['metric', 'ours', 'baseline', 'ratio / value', 'target', 'met?'],
    ...metrics.map((m) => [m.key, fmt(m.ours, m.unit), fmt(m.baseline, m.unit), fmt(m.value), `${m.target.op} ${m.target.value}`, met(m) ? 'yes' : 'NO']),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log('');
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
  for (const m of metrics) if (m.note) console.log(`  ${m.key}: ${m.note}`);
  for (const n of notes) console.log(`  ${n}`);
}

export function writeJson(file: string, metrics: Metric[], extra: Record<string, unknown>): void {
  const out: Record<string, unknown> = {};
  for (const m of metrics) {
    out[m.key] = round(m.value, 4);
    out[m.oursKey] = round(m.ours, 4);
    if (m.baselineKey && m.baseline !== undefined) out[m.baselineKey] = round(m.baseline, 4);
  }
  out.targetsMet = Object.fromEntries(metrics.map((m) => [m.key, met(m)]));
  const details = metrics.filter((m) => m.details).map((m) => [m.key, m.details]);
  if (details.length) out.details = Object.fromEntries(details);
  Object.assign(out, extra);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
