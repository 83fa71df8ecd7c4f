// Calendar spec validation and normalization: every rule that makes a spec usable,
// each refusal a CalendarSpecError naming the field.
import { parseLocalDate } from './calendar-dates';
import { CalendarSpecError, WEEKDAYS, type HoursInterval, type NormalizedCalendarSpec, type Weekday } from './calendar-types';
import { isValidTimeZone } from './calendar-zone';

const HHMM_RE = /^(\d{2}):(\d{2})$/;

function parseHhmm(s: unknown, what: string): number {
  const m = typeof s === 'string' ? HHMM_RE.exec(s) : null;
  const h = m ? Number(m[1]) : NaN, mi = m ? Number(m[2]) : NaN;
  if (!m || mi > 59 || h > 24 || (h === 24 && mi !== 0)) {
    throw new CalendarSpecError(`${what}: expected "HH:MM" (00:00-24:00), got ${JSON.stringify(s)}`);
  }
  return h * 60 + mi;
}

/** Validates one day's intervals; returns them sorted and as minute pairs. */
export function normalizeHours(list: unknown, what: string): { text: HoursInterval[]; minutes: number[] } {
  if (!Array.isArray(list)) throw new CalendarSpecError(`${what}: expected an array of ["HH:MM","HH:MM"]`);
  const pairs = list.map((iv, i) => {
    if (!Array.isArray(iv) || iv.length !== 2) {
      throw new CalendarSpecError(`${what}[${i}]: expected ["HH:MM","HH:MM"], got ${JSON.stringify(iv)}`);
    }
    const open = parseHhmm(iv[0], `${what}[${i}] open`);
    const close = parseHhmm(iv[1], `${what}[${i}] close`);
    if (open === 24 * 60) throw new CalendarSpecError(`${what}[${i}]: an interval cannot open at 24:00`);
    if (open >= close) throw new CalendarSpecError(`${what}[${i}]: open ${iv[0]} must be before close ${iv[1]}`);
    return { open, close, text: [iv[0], iv[1]] as HoursInterval };
  });
  pairs.sort((a, b) => a.open - b.open);
  for (let i = 1; i < pairs.length; i++) {
    const prev = pairs[i - 1]!, cur = pairs[i]!;
    if (cur.open < prev.close) {
      throw new CalendarSpecError(`${what}: intervals ${JSON.stringify(prev.text)} and ${JSON.stringify(cur.text)} overlap`);
    }
  }
  return { text: pairs.map((p) => p.text), minutes: pairs.flatMap((p) => [p.open, p.close]) };
}

function normalizeDates(list: unknown, what: string): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new CalendarSpecError(`${what}: expected an array of "YYYY-MM-DD"`);
  for (const [i, s] of list.entries()) {
    if (Number.isNaN(parseLocalDate(s))) {
      throw new CalendarSpecError(`${what}[${i}]: not a date (YYYY-MM-DD): ${JSON.stringify(s)}`);
    }
  }
  return [...new Set(list as string[])].sort();
}

/** Validates a spec (throws CalendarSpecError) and returns its normalized copy. */
export function validateCalendarSpec(input: unknown): NormalizedCalendarSpec {
  if (typeof input !== 'object' || input === null) throw new CalendarSpecError('calendar spec must be an object');
  const spec = input as Record<string, unknown>;
  if (!isValidTimeZone(spec.timezone)) {
    throw new CalendarSpecError(`timezone: not a known IANA time zone: ${JSON.stringify(spec.timezone)}`);
  }
  const weeklyIn = spec.weekly;
  if (typeof weeklyIn !== 'object' || weeklyIn === null || Array.isArray(weeklyIn)) {
    throw new CalendarSpecError('weekly: expected an object keyed by mon..sun');
  }
  for (const key of Object.keys(weeklyIn)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) throw new CalendarSpecError(`weekly: unknown day "${key}" (use mon..sun)`);
  }
  const weekly = {} as Record<Weekday, HoursInterval[]>;
  for (const day of WEEKDAYS) {
    const list = (weeklyIn as Record<string, unknown>)[day];
    weekly[day] = list === undefined ? [] : normalizeHours(list, `weekly.${day}`).text;
  }
  const holidays = normalizeDates(spec.holidays, 'holidays');
  const extraWorkdays = normalizeDates(spec.extraWorkdays, 'extraWorkdays');
  const out: NormalizedCalendarSpec = { timezone: spec.timezone, weekly, holidays, extraWorkdays };
  if (spec.extraWorkdayHours !== undefined) {
    out.extraWorkdayHours = normalizeHours(spec.extraWorkdayHours, 'extraWorkdayHours').text;
  }
  if (spec.horizon !== undefined) {
    if (Number.isNaN(parseLocalDate(spec.horizon as string))) {
      throw new CalendarSpecError(`horizon: not a date (YYYY-MM-DD): ${JSON.stringify(spec.horizon)}`);
    }
    out.horizon = spec.horizon as string;
  }
  const holidaySet = new Set(holidays);
  const worked = extraWorkdays.filter((d) => !holidaySet.has(d));
  if (worked.length > 0 && (out.extraWorkdayHours ?? weekly.mon).length === 0) {
    throw new CalendarSpecError('extraWorkdays take Monday\'s hours, but Monday is closed: give extraWorkdayHours');
  }
  return out;
}
