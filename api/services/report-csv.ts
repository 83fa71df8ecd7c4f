// The SLA report as CSV (RFC 4180): one line per group and figure, `group,figure,value`,
// where the figure is the JSON answer's path (`firstResponse.medianMinutes`,
// `compensation.EUR.approved.amountMinor`): the same numbers as the JSON, in a shape a
// spreadsheet pivots, whatever levels and currencies a period holds.
import type { SlaReport } from '../schemas/reports';

/** Path and value of every leaf of a group's figures, in the JSON's order. */
function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path.join('.'), value]];
}

// A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula: such a
// cell gets a leading quote (OWASP's advice), so an agent or customer ID cannot run.
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function slaReportCsv(report: SlaReport): string {
  const lines = [['group', 'figure', 'value']];
  for (const { key, ...figures } of report.groups) {
    for (const [figure, value] of leaves(figures)) lines.push([cell(key), cell(figure), cell(value)]);
  }
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
