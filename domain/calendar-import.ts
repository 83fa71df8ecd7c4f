// A year's official holidays and make-up working days, merged into a calendar as its next
// version. The year's own dates replace whatever the calendar held for that year (a
// corrected list replaces a wrong one); dates within a month either side of it (a New
// Year holiday that starts in late December, a make-up day just before) are merged in;
// dates further away are left out and counted. The horizon becomes 31 December of the
// year, unless the calendar already covered further.
import { addCalendarDays, parseLocalDate } from './calendar-dates';
import { horizonDateOf } from './calendar-horizon';
import { validateCalendarSpec } from './calendar-spec';
import type { CalendarSpec, NormalizedCalendarSpec } from './calendar-types';

export interface OfficialYear {
  year: number;
  holidays: string[];
  extraWorkdays: string[];
}

export interface ImportOutcome {
  spec: NormalizedCalendarSpec;
  /** Dates taken (the year's and those merged from either side of it). */
  holidays: number;
  extraWorkdays: number;
  /** Dates more than a month from the year: not taken. */
  ignored: number;
}

export class CalendarImportError extends Error {
  override name = 'CalendarImportError';
}

export const FIRST_IMPORT_YEAR = 1970;
export const LAST_IMPORT_YEAR = 2200;

export function importOfficialYear(base: CalendarSpec, official: OfficialYear): ImportOutcome {
  const { year } = official;
  if (!Number.isInteger(year) || year < FIRST_IMPORT_YEAR || year > LAST_IMPORT_YEAR) {
    throw new CalendarImportError(`year: expected a whole year ${FIRST_IMPORT_YEAR}-${LAST_IMPORT_YEAR}, got ${year}`);
  }
  const first = addCalendarDays(`${year}-01-01`, -31), last = addCalendarDays(`${year}-12-31`, 31);
  const near = (d: string): boolean => d >= first && d <= last;
  const inYear = (d: string): boolean => d.startsWith(`${year}-`);
  for (const d of [...official.holidays, ...official.extraWorkdays]) {
    if (Number.isNaN(parseLocalDate(d))) throw new CalendarImportError(`not a date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  }
  const holidays = new Set(official.holidays.filter(near));
  const workdays = new Set(official.extraWorkdays.filter(near));
  const both = [...holidays].find((d) => workdays.has(d));
  if (both) throw new CalendarImportError(`${both} is both a holiday and a make-up working day`);
  if (![...holidays, ...workdays].some(inYear)) throw new CalendarImportError(`no holiday or make-up working day in ${year}`);
  const ignored = new Set([...official.holidays, ...official.extraWorkdays].filter((d) => !near(d))).size;

  // Keep the calendar's other dates, unless the import says otherwise about that very date.
  const kept = (list: string[] | undefined): string[] => (list ?? []).filter((d) => !inYear(d) && !holidays.has(d) && !workdays.has(d));
  const covered = horizonDateOf(base);
  const horizon = covered !== undefined && covered > `${year}-12-31` ? covered : `${year}-12-31`;
  const spec = validateCalendarSpec({
    ...base,
    holidays: [...kept(base.holidays), ...holidays],
    extraWorkdays: [...kept(base.extraWorkdays), ...workdays],
    horizon,
  });
  return { spec, holidays: holidays.size, extraWorkdays: workdays.size, ignored };
}
