/**
 * Business-time arithmetic over a weekly schedule in one IANA time zone.
 *
 * Pure and deterministic: no I/O, no clock reads, no Node built-ins. Callers pass
 * every instant in, so Temporal workflow code can import this module.
 *
 * Semantics (decided; test/unit/business-calendar*.test.ts pins each rule):
 * - Business intervals are half-open [open, close) in local wall-clock time. The
 *   close instant is not business time. "24:00" closes at the next local midnight,
 *   so [.., 24:00) followed by [00:00, ..) on the next date is continuous.
 * - A holiday removes its whole local date, whatever its weekday. An extra workday
 *   (China's 调休 make-up day) is worked with `extraWorkdayHours`, or Monday's hours
 *   when that is not given, whatever its weekday. A date in both lists is a holiday
 *   ("holiday wins"), so a company can give a day off on top of an official list.
 * - Durations are elapsed real time: a DST date is 23 or 25 hours long. A local
 *   time that does not exist (DST gap) moves forward by the gap (02:30 on the US
 *   spring-forward day is 03:30 EDT); an ambiguous one (fall back) is the earlier
 *   instant.
 * - add(t, N >= 0): roll t forward to the next business instant, then consume N.
 *   Running out exactly at a close returns that close. add(t, 0) = rolled t.
 * - subtract(t, N >= 0) mirrors it: roll t back to the latest instant p <= t such
 *   that the time just before p is business time (a close is reachable, an opening
 *   is not), then consume N; landing on an opening returns the opening.
 *   A negative N on either swaps the direction. Minutes may be fractional and are
 *   rounded to whole milliseconds.
 * - between(a, b): business minutes in [a, b), possibly fractional; -between(b, a)
 *   when b < a.
 * - addBusinessDays(t, N): the Nth business date strictly after (N < 0: before)
 *   t's local date, at t's local wall-clock time; outside business hours that
 *   instant rolls forward (N < 0: backward, with the subtraction rule). N = 0
 *   returns t rolled forward. A business date has at least one business interval.
 * - Searches give up with NoBusinessTimeError after 20 years without business time.
 */
//
// Modules, one job each: calendar-types (types, errors), calendar-dates (plain local
// dates), calendar-zone (UTC offsets from Intl, cached), calendar-spec (validation),
// calendar-day-intervals (a date's business instants, cached), calendar-walks (the
// arithmetic). This module assembles them; importers keep using this path.
import { DAY, MINUTE, dayOfString, formatLocalDate } from './calendar-dates';
import { createDayIntervals } from './calendar-day-intervals';
import { validateCalendarSpec } from './calendar-spec';
import type { BusinessCalendar, CalendarSpec } from './calendar-types';
import { createWalks } from './calendar-walks';
import { zoneFor } from './calendar-zone';
import { deepFreeze } from './deep-freeze';

export * from './calendar-types';
export { addCalendarDays, formatLocalDate, parseLocalDate } from './calendar-dates';
export { validateCalendarSpec } from './calendar-spec';
export { isValidTimeZone } from './calendar-zone';

const { floor } = Math; // see calendar-zone.ts: global lookups are slow inside a vm context

function toMs(t: Date, what: string): number {
  const ms = t instanceof Date ? t.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what}: expected a valid Date`);
  return ms;
}

function minutesToMs(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) {
    throw new RangeError(`minutes must be a finite number, got ${minutes}`);
  }
  // Round half away from zero so +x and -x stay mirror images.
  return Math.sign(minutes) * Math.round(Math.abs(minutes) * MINUTE);
}

export function createBusinessCalendar(input: CalendarSpec): BusinessCalendar {
  const spec = deepFreeze(validateCalendarSpec(input));
  const zone = zoneFor(spec.timezone);
  const days = createDayIntervals(spec, zone);
  const localDay = (t: number): number => floor(zone.toWall(t) / DAY);
  const { forward, backward, between, isBusiness, nthBusinessDay } = createWalks(days, localDay);

  return {
    spec,
    addBusinessMinutes(start, minutes) {
      const t = toMs(start, 'start'), ms = minutesToMs(minutes);
      return new Date(ms < 0 ? backward(t, -ms) : forward(t, ms));
    },
    subtractBusinessMinutes(start, minutes) {
      const t = toMs(start, 'start'), ms = minutesToMs(minutes);
      return new Date(ms < 0 ? forward(t, -ms) : backward(t, ms));
    },
    addBusinessDays(start, days) {
      const t = toMs(start, 'start');
      if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
      if (days === 0) return new Date(forward(t, 0));
      const wall = zone.toWall(t);
      const day = floor(wall / DAY);
      const target = zone.toInstant(nthBusinessDay(day, days) * DAY + (wall - day * DAY));
      if (isBusiness(target)) return new Date(target);
      return new Date(days > 0 ? forward(target, 0) : backward(target, 0));
    },
    businessMinutesBetween(a, b) {
      const ms = between(toMs(a, 'a'), toMs(b, 'b'));
      return ms === 0 ? 0 : ms / MINUTE; // never -0
    },
    isBusinessTime(t) {
      return isBusiness(toMs(t, 't'));
    },
    nextBusinessTime(t) {
      return new Date(forward(toMs(t, 't'), 0));
    },
    previousBusinessTime(t) {
      return new Date(backward(toMs(t, 't'), 0));
    },
    isBusinessDay(localDate) {
      return days.intervalsOf(dayOfString(localDate)).length > 0;
    },
    localDateOf(t) {
      return formatLocalDate(localDay(toMs(t, 't')));
    },
    nthBusinessDate(localDate, n) {
      return formatLocalDate(nthBusinessDay(dayOfString(localDate), n));
    },
    startOfLocalDate(localDate) {
      return new Date(zone.toInstant(dayOfString(localDate) * DAY));
    },
  };
}
