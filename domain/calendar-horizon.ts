// A calendar's horizon: the last local date its holiday data covers. Past it, the
// official list of holidays and make-up working days is not known yet, so a deadline
// computed there is provisional: it may move when that list is published.
//
// The rule: a spec's explicit `horizon` wins (the presets and imports set one). Without
// it, a spec that lists holidays or make-up days covers through 31 December of the
// latest year it lists (official lists are published a year at a time). A spec that
// lists neither has no horizon: its weekly hours are all there is to know, so nothing
// runs out (an admin who means "we have not entered holidays yet" sets `horizon`).
import { DAY, dayOfString } from './calendar-dates';
import type { CalendarSpec } from './calendar-types';
import { zoneFor } from './calendar-zone';

export interface CalendarHorizon {
  /** The last local date (YYYY-MM-DD) the holiday data covers. */
  coveredThrough: string;
  /** The instant that date ends in the calendar's zone: a deadline after it is provisional. */
  endsAt: Date;
}

/** The last covered local date of a spec, or undefined when it has none (see the rule above). */
export function horizonDateOf(spec: CalendarSpec): string | undefined {
  if (spec.horizon !== undefined) return spec.horizon;
  let latest = '';
  for (const d of [...(spec.holidays ?? []), ...(spec.extraWorkdays ?? [])]) if (d > latest) latest = d;
  return latest === '' ? undefined : `${latest.slice(0, 4)}-12-31`;
}

/** The spec's horizon with the instant it ends, or undefined when the spec has none. */
export function calendarHorizon(spec: CalendarSpec): CalendarHorizon | undefined {
  const coveredThrough = horizonDateOf(spec);
  if (coveredThrough === undefined) return undefined;
  const nextDay = dayOfString(coveredThrough) + 1;
  return { coveredThrough, endsAt: new Date(zoneFor(spec.timezone).toInstant(nextDay * DAY)) };
}

/** Whether a due instant lies past the horizon (a deadline exactly at its end is still covered). */
export function isPastHorizon(horizon: CalendarHorizon | undefined, due: string | Date): boolean {
  if (!horizon) return false;
  const t = typeof due === 'string' ? Date.parse(due) : due.getTime();
  return t > horizon.endsAt.getTime();
}

/** Whole local dates from `now`'s date to the horizon: 0 on its last day, negative once past. */
export function daysToHorizon(spec: CalendarSpec, now: Date): number | undefined {
  const coveredThrough = horizonDateOf(spec);
  if (coveredThrough === undefined) return undefined;
  const today = Math.floor(zoneFor(spec.timezone).toWall(now.getTime()) / DAY);
  return dayOfString(coveredThrough) - today;
}

