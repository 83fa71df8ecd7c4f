// Plain dates: a local date is an integer day number (days since 1970-01-01), so date
// arithmetic is integer arithmetic and no time zone is involved.

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of "YYYY-MM-DD", or NaN when it is not a real date (years 1000-9999). */
export function parseLocalDate(s: string): number {
  const m = typeof s === 'string' ? DATE_RE.exec(s) : null;
  if (!m) return NaN;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (y < 1000) return NaN;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / DAY;
}

/** Day number of "YYYY-MM-DD"; a RangeError when it is not a real date. */
export function dayOfString(localDate: string): number {
  const d = parseLocalDate(localDate);
  if (Number.isNaN(d)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
  return d;
}

export function formatLocalDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Calendar-day arithmetic on "YYYY-MM-DD" strings. */
export function addCalendarDays(localDate: string, days: number): string {
  const d = dayOfString(localDate);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatLocalDate(d + days);
}
