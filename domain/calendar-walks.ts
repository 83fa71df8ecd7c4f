// Walking business time: interval to interval and date to date, never minute by
// minute. Instants are epoch milliseconds; the dates come from DayIntervals.
import { DAY } from './calendar-dates';
import type { DayIntervals } from './calendar-day-intervals';
import { NoBusinessTimeError, SEARCH_LIMIT_YEARS } from './calendar-types';

const { abs, max, min } = Math; // see calendar-zone.ts: global lookups are slow inside a vm context

const SEARCH_LIMIT_DAYS = Math.ceil(SEARCH_LIMIT_YEARS * 365.25);
/** Total walk bound, so a huge amount fails instead of spinning for seconds. */
const WALK_LIMIT_DAYS = Math.ceil(200 * 365.25);

export interface Walks {
  /** Rolls t forward to a business instant, then consumes ms >= 0 of business time. */
  forward(t: number, ms: number): number;
  /** Rolls t back (a close is reachable, an opening is not), then consumes ms >= 0. */
  backward(t: number, ms: number): number;
  /** Business milliseconds in [a, b); negative when b < a. */
  between(a: number, b: number): number;
  isBusiness(t: number): boolean;
  /** The |n|th business date strictly after (n < 0: before) `day`. */
  nthBusinessDay(day: number, n: number): number;
}

function noneFound(fromMs: number, forward: boolean): never {
  throw new NoBusinessTimeError(
    `no business time within ${SEARCH_LIMIT_YEARS} years ${forward ? 'after' : 'before'} ${new Date(fromMs).toISOString()}`,
  );
}

function tooFar(): never {
  throw new RangeError('business-time result lies more than 200 years away');
}

/** `localDay(t)`: the day number of instant t's local date. */
export function createWalks({ intervalsOf, hasAnyHours }: DayIntervals, localDay: (t: number) => number): Walks {
  function assertHasHours(): void {
    if (!hasAnyHours) throw new NoBusinessTimeError('calendar has no business hours at all');
  }

  function forward(t: number, ms: number): number {
    assertHasHours();
    let p = t, rem = ms, idle = 0;
    const first = localDay(t) - 1; // the previous date's late intervals may still run
    for (let day = first; ; day++) {
      const iv = intervalsOf(day);
      let used = false;
      for (let i = 0; i < iv.length; i += 2) {
        const e = iv[i + 1]!;
        if (e <= p) continue;
        if (iv[i]! > p) p = iv[i]!;
        used = true;
        const avail = e - p;
        if (rem <= avail) return p + rem;
        rem -= avail;
        p = e;
      }
      if (used) idle = 0;
      else if (++idle > SEARCH_LIMIT_DAYS) noneFound(p, true);
      if (day - first > WALK_LIMIT_DAYS) tooFar();
    }
  }

  function backward(t: number, ms: number): number {
    assertHasHours();
    let p = t, rem = ms, idle = 0;
    const first = localDay(t) + 1;
    for (let day = first; ; day--) {
      const iv = intervalsOf(day);
      let used = false;
      for (let i = iv.length - 2; i >= 0; i -= 2) {
        const s = iv[i]!;
        if (s >= p) continue;
        if (iv[i + 1]! < p) p = iv[i + 1]!;
        used = true;
        const avail = p - s;
        if (rem <= avail) return p - rem;
        rem -= avail;
        p = s;
      }
      if (used) idle = 0;
      else if (++idle > SEARCH_LIMIT_DAYS) noneFound(p, false);
      if (first - day > WALK_LIMIT_DAYS) tooFar();
    }
  }

  function between(a: number, b: number): number {
    if (b < a) return -between(b, a);
    let total = 0, covered = a;
    const last = localDay(b) + 1;
    if (last - localDay(a) > WALK_LIMIT_DAYS) throw new RangeError('businessMinutesBetween: span longer than 200 years');
    for (let day = localDay(a) - 1; day <= last; day++) {
      const iv = intervalsOf(day);
      for (let i = 0; i < iv.length; i += 2) {
        const s = max(iv[i]!, covered), e = min(iv[i + 1]!, b);
        if (e > s) {
          total += e - s;
          covered = e;
        }
      }
    }
    return total;
  }

  function isBusiness(t: number): boolean {
    const d = localDay(t);
    for (let day = d - 1; day <= d + 1; day++) {
      const iv = intervalsOf(day);
      for (let i = 0; i < iv.length; i += 2) if (iv[i]! <= t && t < iv[i + 1]!) return true;
    }
    return false;
  }

  function nthBusinessDay(day: number, n: number): number {
    if (!Number.isInteger(n)) throw new RangeError(`days must be an integer, got ${n}`);
    if (n !== 0) assertHasHours();
    const step = n < 0 ? -1 : 1;
    const wanted = abs(n);
    let d = day, count = 0, idle = 0;
    while (count < wanted) {
      d += step;
      if (intervalsOf(d).length > 0) {
        count++;
        idle = 0;
      } else if (++idle > SEARCH_LIMIT_DAYS) {
        noneFound(d * DAY, step > 0);
      }
      if (abs(d - day) > WALK_LIMIT_DAYS) tooFar();
    }
    return d;
  }

  return { forward, backward, between, isBusiness, nthBusinessDay };
}
