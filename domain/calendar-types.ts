// The business calendar's public types, errors and limits, shared by its modules
// (see business-calendar.ts for the semantics).

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** ["HH:MM", "HH:MM"], local wall clock; the close may be "24:00". */
export type HoursInterval = [string, string];
export type WeeklyHours = Partial<Record<Weekday, HoursInterval[]>>;

export interface CalendarSpec {
  /** IANA zone, e.g. "Asia/Shanghai". */
  timezone: string;
  weekly: WeeklyHours;
  /** Local dates (YYYY-MM-DD) with no business time. */
  holidays?: string[];
  /** Local dates worked although their weekday may be closed. */
  extraWorkdays?: string[];
  /** Hours of an extra workday; Monday's hours when absent. */
  extraWorkdayHours?: HoursInterval[];
  /**
   * The last local date (YYYY-MM-DD) the holiday data covers. Deadlines past it are
   * provisional: the official list for those dates is not known yet. When absent, it is
   * derived from the lists (see calendar-horizon.ts).
   */
  horizon?: string;
}

/** The spec as the calendar uses it: every weekday present, lists sorted and de-duplicated. */
export interface NormalizedCalendarSpec extends CalendarSpec {
  weekly: Record<Weekday, HoursInterval[]>;
  holidays: string[];
  extraWorkdays: string[];
}

export interface BusinessCalendar {
  readonly spec: NormalizedCalendarSpec;
  addBusinessMinutes(start: Date, minutes: number): Date;
  subtractBusinessMinutes(start: Date, minutes: number): Date;
  addBusinessDays(start: Date, days: number): Date;
  businessMinutesBetween(a: Date, b: Date): number;
  isBusinessTime(t: Date): boolean;
  /** t when it is business time, else the next opening. */
  nextBusinessTime(t: Date): Date;
  /** The latest instant p <= t such that the time just before p is business time. */
  previousBusinessTime(t: Date): Date;
  /** Whether a local date (YYYY-MM-DD) has any business time. */
  isBusinessDay(localDate: string): boolean;
  /** The local date (YYYY-MM-DD) of an instant in the calendar's zone. */
  localDateOf(t: Date): string;
  /** The Nth business date strictly after (N < 0: before) a local date; N = 0 returns it. */
  nthBusinessDate(localDate: string, n: number): string;
  /** The instant a local date starts (its 00:00, or the first instant after a DST gap). */
  startOfLocalDate(localDate: string): Date;
}

export class CalendarSpecError extends Error {
  override name = 'CalendarSpecError';
}

/** Thrown when a search finds no business time within SEARCH_LIMIT_YEARS. */
export class NoBusinessTimeError extends Error {
  override name = 'NoBusinessTimeError';
}

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const SEARCH_LIMIT_YEARS = 20;
