// A calendar's business intervals per local date, as UTC instants. Each date is
// converted once and cached: by plain arithmetic when the zone's offset is steady all
// day (nearly every date), by converting each wall time when a DST change is near.
import { DAY, MINUTE, parseLocalDate } from './calendar-dates';
import { normalizeHours } from './calendar-spec';
import type { NormalizedCalendarSpec, Weekday } from './calendar-types';
import type { Zone } from './calendar-zone';

const { max } = Math; // see calendar-zone.ts: global lookups are slow inside a vm context

/** JS getUTCDay() order (0 = Sunday) to our weekday keys. */
const JS_DAY_TO_WEEKDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const EMPTY: readonly number[] = Object.freeze([]);

export interface DayIntervals {
  /** A local date's business intervals as sorted, merged instants [s0, e0, s1, e1, ...]. */
  intervalsOf(day: number): readonly number[];
  /** Whether any date can have business time at all. */
  readonly hasAnyHours: boolean;
}

/** Joins touching wall intervals ([09:00,12:00] + [12:00,18:00]) so a seam is never a close. */
function joinTouching(minutes: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < minutes.length; i += 2) {
    if (out.length > 0 && out[out.length - 1] === minutes[i]) out[out.length - 1] = minutes[i + 1]!;
    else out.push(minutes[i]!, minutes[i + 1]!);
  }
  return out;
}

/** A date's wall intervals (minutes) as instants when a DST change is near: sorted, merged. */
function convertAcrossChange(zone: Zone, day: number, wall: readonly number[]): number[] {
  const raw: [number, number][] = [];
  for (let i = 0; i < wall.length; i += 2) {
    const s = zone.toInstant(day * DAY + wall[i]! * MINUTE);
    const e = zone.toInstant(day * DAY + wall[i + 1]! * MINUTE);
    if (e > s) raw.push([s, e]); // a DST gap can swallow an interval
  }
  // Gap times move forward, so a moved open can pass a later interval's open.
  raw.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [s, e] of raw) {
    const last = merged.length - 1;
    if (last > 0 && s <= merged[last]!) merged[last] = max(merged[last]!, e);
    else merged.push(s, e);
  }
  return merged;
}

export function createDayIntervals(spec: NormalizedCalendarSpec, zone: Zone): DayIntervals {
  const weeklyMinutes = JS_DAY_TO_WEEKDAY.map((d) => joinTouching(normalizeHours(spec.weekly[d], d).minutes));
  const extraMinutes = joinTouching(normalizeHours(spec.extraWorkdayHours ?? spec.weekly.mon, 'extraWorkdayHours').minutes);
  const holidayDays = new Set(spec.holidays.map(parseLocalDate));
  const extraDays = new Set(spec.extraWorkdays.map(parseLocalDate));
  const hasAnyHours = weeklyMinutes.some((m) => m.length > 0) || spec.extraWorkdays.some((d) => !holidayDays.has(parseLocalDate(d)));
  const dayCache = new Map<number, readonly number[]>();

  function wallMinutesOf(day: number): readonly number[] {
    if (holidayDays.has(day)) return EMPTY;
    if (extraDays.has(day)) return extraMinutes;
    return weeklyMinutes[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
  }

  function intervalsOf(day: number): readonly number[] {
    let cached = dayCache.get(day);
    if (cached) return cached;
    const wall = wallMinutesOf(day);
    if (wall.length === 0) {
      cached = EMPTY;
    } else {
      const offset = zone.steadyOffset(day * DAY, (day + 1) * DAY);
      // Nearly every date has one offset all day: plain arithmetic keeps the
      // intervals sorted and disjoint. Dates near a DST change take the slow path.
      cached = offset === offset ? wall.map((m) => day * DAY + m * MINUTE - offset) : convertAcrossChange(zone, day, wall);
    }
    if (dayCache.size > 50_000) dayCache.clear(); // bound memory on odd workloads
    dayCache.set(day, cached);
    return cached;
  }

  return { intervalsOf, hasAnyHours };
}
