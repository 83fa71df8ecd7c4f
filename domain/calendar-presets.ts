/**
 * Ready-made calendar specs. Each returns plain JSON (a CalendarSpec), so a spec
 * can be stored with a case and handed to workflow code as data.
 *
 * China's statutory holidays and make-up workdays (调休) come from the data file
 * the `chinese-days` package publishes (dist/chinese-days.json, documented in its
 * README). Only that JSON is imported, not the package's code: it is data, with
 * no Node built-ins and no clock reads. A new year's official list arrives by
 * upgrading `chinese-days`, or earlier through the `extraHolidays` /
 * `extraWorkdays` options (see docs/BUSINESS-TIME.md).
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import type { CalendarSpec, HoursInterval, WeeklyHours } from './business-calendar';

export const CN_MAINLAND_CALENDAR_ID = 'cn-mainland';
export const TWENTY_FOUR_SEVEN_CALENDAR_ID = '24x7';
export const PRESET_CALENDAR_IDS = [CN_MAINLAND_CALENDAR_ID, TWENTY_FOUR_SEVEN_CALENDAR_ID] as const;
export type PresetCalendarId = (typeof PRESET_CALENDAR_IDS)[number];

/** Mon–Fri 09:00–12:00 and 13:00–18:00: the usual office day with a lunch break. */
export const CHINA_DEFAULT_HOURS: readonly HoursInterval[] = Object.freeze([
  ['09:00', '12:00'],
  ['13:00', '18:00'],
] as HoursInterval[]);

// The JSON maps "YYYY-MM-DD" to a description; only the keys matter here.
const CHINA_HOLIDAYS: readonly string[] = Object.keys(chineseDays.holidays).sort();
const CHINA_WORKDAYS: readonly string[] = Object.keys(chineseDays.workdays).sort();

function yearsOf(dates: readonly string[]): number[] {
  return dates.map((d) => Number(d.slice(0, 4)));
}

const dataYears = [...yearsOf(CHINA_HOLIDAYS), ...yearsOf(CHINA_WORKDAYS)];
/** First and last years that the bundled China holiday data covers (computed from the data). */
export const CHINA_DATA_FIRST_YEAR: number = Math.min(...dataYears);
export const CHINA_DATA_LAST_YEAR: number = Math.max(...dataYears);
/** Every year with official data, ascending. */
export const CHINA_DATA_YEARS: readonly number[] = Object.freeze([...new Set(dataYears)].sort((a, b) => a - b));

export interface ChinaCalendarOptions {
  /** Office hours of a working day (also used on make-up workdays). */
  hours?: HoursInterval[];
  /** First year of official data to include; defaults to CHINA_DATA_FIRST_YEAR. */
  fromYear?: number;
  /** Last year of official data to include; defaults to CHINA_DATA_LAST_YEAR. */
  toYear?: number;
  /** Extra closed dates (company days off, or a newly announced year before the package has it). */
  extraHolidays?: string[];
  /** Extra make-up workdays, for the same reasons. */
  extraWorkdays?: string[];
}

function checkYear(y: number, what: string): void {
  if (!Number.isInteger(y) || y < CHINA_DATA_FIRST_YEAR || y > CHINA_DATA_LAST_YEAR) {
    // Refuse rather than silently return a spec with no holidays for that year.
    throw new RangeError(
      `${what} ${y}: China holiday data covers ${CHINA_DATA_FIRST_YEAR}-${CHINA_DATA_LAST_YEAR}; upgrade chinese-days or pass extraHolidays/extraWorkdays`,
    );
  }
}

/** Asia/Shanghai office calendar with official holidays and make-up workdays expanded to dates. */
export function chinaMainlandCalendarSpec(opts: ChinaCalendarOptions = {}): CalendarSpec {
  const fromYear = opts.fromYear ?? CHINA_DATA_FIRST_YEAR;
  const toYear = opts.toYear ?? CHINA_DATA_LAST_YEAR;
  checkYear(fromYear, 'fromYear');
  checkYear(toYear, 'toYear');
  if (fromYear > toYear) throw new RangeError(`fromYear ${fromYear} is after toYear ${toYear}`);
  const inRange = (d: string): boolean => {
    const y = Number(d.slice(0, 4));
    return y >= fromYear && y <= toYear;
  };
  const hours = (opts.hours ?? CHINA_DEFAULT_HOURS).map((iv) => [iv[0], iv[1]] as HoursInterval);
  // Covered through the end of the last year with official data (or hand-passed dates).
  const lastYear = Math.max(toYear, ...yearsOf([...(opts.extraHolidays ?? []), ...(opts.extraWorkdays ?? [])]));
  const weekly: WeeklyHours = {};
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) weekly[day] = hours.map((iv) => [iv[0], iv[1]]);
  return {
    timezone: 'Asia/Shanghai',
    weekly,
    holidays: [...new Set([...CHINA_HOLIDAYS.filter(inRange), ...(opts.extraHolidays ?? [])])].sort(),
    extraWorkdays: [...new Set([...CHINA_WORKDAYS.filter(inRange), ...(opts.extraWorkdays ?? [])])].sort(),
    // Make-up days are worked with the normal office hours.
    extraWorkdayHours: hours.map((iv) => [iv[0], iv[1]]),
    horizon: `${lastYear}-12-31`,
  };
}

/**
 * Every instant is business time; the zone still decides local dates (business days, appeal
 * windows). No holiday data, so no horizon: nothing in it runs out.
 */
export function twentyFourSevenCalendarSpec(timezone = 'UTC'): CalendarSpec {
  const allDay = (): HoursInterval[] => [['00:00', '24:00']];
  return {
    timezone,
    weekly: { mon: allDay(), tue: allDay(), wed: allDay(), thu: allDay(), fri: allDay(), sat: allDay(), sun: allDay() },
  };
}

/** Mon–Fri 09:00–18:00 without holidays, hence without a horizon (docs/BUSINESS-TIME.md). */
export function standardBusinessCalendarSpec(timezone: string): CalendarSpec {
  const day = (): HoursInterval[] => [['09:00', '18:00']];
  return { timezone, weekly: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day() } };
}

/**
 * Spec of a preset calendar by id. '24x7' runs in Asia/Shanghai because the
 * product's customers are in mainland China, so its local dates should be theirs.
 */
export function presetCalendarSpec(id: string): CalendarSpec {
  switch (id) {
    case CN_MAINLAND_CALENDAR_ID:
      return chinaMainlandCalendarSpec();
    case TWENTY_FOUR_SEVEN_CALENDAR_ID:
      return twentyFourSevenCalendarSpec('Asia/Shanghai');
    default:
      throw new RangeError(`unknown calendar id ${JSON.stringify(id)} (known: ${PRESET_CALENDAR_IDS.join(', ')})`);
  }
}
