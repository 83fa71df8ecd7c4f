/**
 * Business-calendar benchmark: `npx tsx bench/calendar.ts`.
 *
 * Times addBusinessMinutes, addBusinessDays and businessMinutesBetween on the
 * cn-mainland calendar (lunch break, statutory holidays, make-up days) for spans of
 * 1 minute .. 250 business days, beside a naive reference in this file that steps
 * minute by minute and reads the wall clock from Intl. Both run on the same
 * sampled inputs; any disagreement is printed and the process exits non-zero.
 */
import { CalendarSpec, createBusinessCalendar } from '../domain/business-calendar';
import { chinaMainlandCalendarSpec } from '../domain/calendar-presets';

const MINUTE = 60_000;
const DAY = 86_400_000;
const OURS_BUDGET_MS = 300; // per row, after a warm-up pass
const REFERENCE_BUDGET_MS = 4_000; // per row; at least one sample always runs
const SAMPLES = 64;

// ---------------------------------------------------------------------------
// Naive reference: obviously correct for calendars whose opens and closes never
// fall inside a DST change (true of Asia/Shanghai, which has no DST).

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function wall(zone: string, ms: number): { date: string; weekday: string; minute: number } {
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    fmtCache.set(zone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday!.toLowerCase(), minute: Number(p.hour) * 60 + Number(p.minute) };
}

const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

function hoursOn(spec: CalendarSpec, date: string, weekday: string): [string, string][] {
  if (spec.holidays?.includes(date)) return [];
  if (spec.extraWorkdays?.includes(date)) return spec.extraWorkdayHours ?? spec.weekly.mon ?? [];
  return spec.weekly[weekday as keyof CalendarSpec['weekly']] ?? [];
}

function refIsBusiness(spec: CalendarSpec, ms: number): boolean {
  const w = wall(spec.timezone, ms);
  return hoursOn(spec, w.date, w.weekday).some(([o, c]) => toMin(o) <= w.minute && w.minute < toMin(c));
}

/** Minute-aligned start and whole minutes only. */
function refAddMinutes(spec: CalendarSpec, start: number, minutes: number): number {
  let t = start;
  if (minutes === 0) {
    while (!refIsBusiness(spec, t)) t += MINUTE;
    return t;
  }
  for (let used = 0; ; t += MINUTE) if (refIsBusiness(spec, t) && ++used === minutes) return t + MINUTE;
}

/** Latest instant p <= t with the minute before p being business time. */
function refRollBack(spec: CalendarSpec, t: number): number {
  let p = t;
  while (!refIsBusiness(spec, p - MINUTE)) p -= MINUTE;
  return p;
}

function refBetween(spec: CalendarSpec, a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t += MINUTE) if (refIsBusiness(spec, t)) n++;
  return n;
}

function refAddDays(spec: CalendarSpec, start: number, days: number): number {
  if (days === 0) return refAddMinutes(spec, start, 0);
  const step = days > 0 ? 1 : -1;
  let t = start;
  for (let found = 0; found < Math.abs(days); ) {
    t += step * DAY; // fixed-offset zone: same wall time one date over
    const w = wall(spec.timezone, t);
    if (hoursOn(spec, w.date, w.weekday).length > 0) found++;
  }
  if (refIsBusiness(spec, t)) return t;
  return step > 0 ? refAddMinutes(spec, t, 0) : refRollBack(spec, t);
}

// ---------------------------------------------------------------------------

const spec = chinaMainlandCalendarSpec();
const cal = createBusinessCalendar(spec);

/** Deterministic minute-aligned instants through 2025 (any hour, any day). */
function sampleStarts(n: number): number[] {
  let x = 20250101;
  const from = Date.UTC(2024, 11, 31, 16) / MINUTE; // 2025-01-01 00:00 +08:00
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push((from + (x % (365 * 1440))) * MINUTE);
  }
  return out;
}

interface Row {
  op: string;
  span: string;
  ours: (s: number) => number;
  reference: (s: number) => number;
}

const BUSINESS_DAY_MIN = 480; // cn-mainland: 09:00-12:00 + 13:00-18:00
const minuteSpans: [string, number][] = [
  ['1 minute', 1], ['1 hour', 60], ['1 day', BUSINESS_DAY_MIN], ['10 days', 10 * BUSINESS_DAY_MIN], ['250 days', 250 * BUSINESS_DAY_MIN],
];
const daySpans: [string, number][] = [['1 day', 1], ['10 days', 10], ['250 days', 250]];

const rows: Row[] = [
  ...minuteSpans.map(([span, n]): Row => ({
    op: 'addBusinessMinutes', span,
    ours: (s) => cal.addBusinessMinutes(new Date(s), n).getTime(),
    reference: (s) => refAddMinutes(spec, s, n),
  })),
  ...daySpans.map(([span, n]): Row => ({
    op: 'addBusinessDays', span,
    ours: (s) => cal.addBusinessDays(new Date(s), n).getTime(),
    reference: (s) => refAddDays(spec, s, n),
  })),
  ...minuteSpans.map(([span, n]): Row => {
    // The pair (s, s + span of business time) is fixed up front, so only counting is timed.
    const ends = new Map<number, number>();
    const end = (s: number): number => {
      let e = ends.get(s);
      if (e === undefined) ends.set(s, (e = cal.addBusinessMinutes(new Date(s), n).getTime()));
      return e;
    };
    return {
      op: 'businessMinutesBetween', span,
      ours: (s) => cal.businessMinutesBetween(new Date(s), new Date(end(s))),
      reference: (s) => refBetween(spec, s, end(s)),
    };
  }),
];

function timeOurs(row: Row, starts: number[]): number {
  for (const s of starts) row.ours(s); // warm-up: JIT and per-calendar caches
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < OURS_BUDGET_MS) {
    for (const s of starts) row.ours(s);
    ops += starts.length;
    elapsed = performance.now() - t0;
  }
  return elapsed / ops;
}

function timeReference(row: Row, starts: number[]): { msPerOp: number; results: number[] } {
  const results: number[] = [];
  const t0 = performance.now();
  while (results.length < starts.length && (results.length === 0 || performance.now() - t0 < REFERENCE_BUDGET_MS)) {
    results.push(row.reference(starts[results.length]!));
  }
  return { msPerOp: (performance.now() - t0) / results.length, results };
}

const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const starts = sampleStarts(SAMPLES);
const table: string[][] = [['operation', 'span', 'ours ops/s', 'ours µs/op', 'reference µs/op', 'ref samples', 'speed-up']];
let mismatches = 0;

for (const row of rows) {
  const oursMs = timeOurs(row, starts);
  const ref = timeReference(row, starts);
  ref.results.forEach((expected, i) => {
    const got = row.ours(starts[i]!);
    if (got !== expected) {
      mismatches++;
      console.error(`MISMATCH ${row.op} ${row.span} from ${new Date(starts[i]!).toISOString()}: ours ${got}, reference ${expected}`);
    }
  });
  table.push([row.op, row.span, fmt(1000 / oursMs, 0), fmt(oursMs * 1000), fmt(ref.msPerOp * 1000, 0), String(ref.results.length), `${fmt(ref.msPerOp / oursMs, 0)}x`]);
}

// Cold cost: first call on a zone and date range nothing has touched yet.
const coldCal = createBusinessCalendar({ ...spec, timezone: 'Asia/Chongqing' });
const c0 = performance.now();
coldCal.addBusinessDays(new Date('2030-06-03T02:00:00Z'), 250);
const coldMs = performance.now() - c0;

const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
const line = (r: string[]): string => `| ${r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
console.log(`calendar: cn-mainland (Asia/Shanghai, 09:00-12:00 + 13:00-18:00, holidays ${spec.holidays!.length}, make-up days ${spec.extraWorkdays!.length})`);
console.log(`inputs: ${SAMPLES} minute-aligned starts through 2025, warm caches; node ${process.version}\n`);
console.log(line(table[0]!));
console.log(`|${widths.map((w, c) => (c < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of table.slice(1)) console.log(line(r));
console.log(`\ncold first call (fresh zone, addBusinessDays 250): ${fmt(coldMs * 1000, 0)} µs`);
console.log(mismatches === 0 ? 'reference agreement: all sampled inputs agree' : `reference agreement: ${mismatches} MISMATCHES`);
if (mismatches > 0) process.exitCode = 1;
