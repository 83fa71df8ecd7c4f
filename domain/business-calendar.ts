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

// Hot paths use these local bindings: inside a vm context (Temporal workflow
// sandbox, Jest) every global lookup such as `Math` goes through the context's
// global proxy and costs ~10x more.
const { floor, abs, max, min } = Math;
const POSITIVE_INFINITY = 1 / 0;

const MINUTE = 60_000;
const DAY = 86_400_000;
const SEARCH_LIMIT_DAYS = Math.ceil(SEARCH_LIMIT_YEARS * 365.25);
/** Total walk bound, so a huge amount fails instead of spinning for seconds. */
const WALK_LIMIT_DAYS = Math.ceil(200 * 365.25);
/** JS getUTCDay() order (0 = Sunday) to our weekday keys. */
const JS_DAY_TO_WEEKDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

// ---------------------------------------------------------------------------
// Plain dates: a local date is an integer day number (days since 1970-01-01).

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

export function formatLocalDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Calendar-day arithmetic on "YYYY-MM-DD" strings. */
export function addCalendarDays(localDate: string, days: number): string {
  const d = parseLocalDate(localDate);
  if (Number.isNaN(d)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return formatLocalDate(d + days);
}

// ---------------------------------------------------------------------------
// Time zones. Offsets come from Intl (the only tz database available without
// I/O). Formatting is slow (~1-4 us), so offsets are cached per zone in blocks of
// BLOCK_MS: the offset is probed at block starts and, when two starts differ, the
// change instant is found by bisection. This assumes at most one offset change
// per block; a scan of tzdata 1900-2100 found no two changes closer than 7 days.

const BLOCK_MS = 4 * DAY;
/** en-US numeric output, e.g. "3/9/2025, 03:30:00". */
const EN_US_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

interface Block {
  before: number;
  /** Instant of the offset change inside the block, or +Infinity. */
  changeAt: number;
  after: number;
}

class Zone {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly probes = new Map<number, number>();
  private readonly blocks = new Map<number, Block>();

  constructor(readonly name: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** UTC offset (ms, local minus UTC) in force at instant t. */
  offsetAt(t: number): number {
    const b = floor(t / BLOCK_MS);
    let block = this.blocks.get(b);
    if (!block) {
      block = this.buildBlock(b);
      if (this.blocks.size > 100_000) this.blocks.clear(); // bound memory on odd workloads
      this.blocks.set(b, block);
    }
    return t < block.changeAt ? block.before : block.after;
  }

  /** Instant of local wall time `wall` (ms, as if UTC); gaps move forward, overlaps take the earlier. */
  toInstant(wall: number): number {
    // Offsets a day either side bracket any single change near this wall time.
    const early = this.offsetAt(wall - DAY);
    const late = this.offsetAt(wall + DAY);
    let best = NaN;
    if (this.offsetAt(wall - early) === early) best = wall - early;
    if (late !== early && this.offsetAt(wall - late) === late) {
      const t = wall - late;
      if (Number.isNaN(best) || t < best) best = t;
    }
    // Neither offset fits: the wall time is in a gap; the pre-change offset moves it forward.
    return Number.isNaN(best) ? wall - early : best;
  }

  /**
   * The offset in force for every wall time in [wallFrom, wallTo] when no change
   * happens anywhere near them, else NaN. Lets a whole local date convert with
   * plain arithmetic.
   */
  steadyOffset(wallFrom: number, wallTo: number): number {
    const o = this.offsetAt(wallFrom - DAY);
    return this.offsetAt(wallTo + DAY) === o ? o : NaN;
  }

  /** Local wall time of instant t (ms, as if UTC). */
  toWall(t: number): number {
    return t + this.offsetAt(t);
  }

  private buildBlock(b: number): Block {
    const start = b * BLOCK_MS;
    const before = this.probeAt(start);
    const next = this.probeAt(start + BLOCK_MS);
    if (before === next) return { before, changeAt: POSITIVE_INFINITY, after: before };
    // Bisect on whole seconds: tzdata changes happen on second boundaries.
    let lo = start / 1000; // offset === before
    let hi = (start + BLOCK_MS) / 1000; // offset !== before
    while (hi - lo > 1) {
      const mid = floor((lo + hi) / 2);
      if (this.rawOffset(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    return { before, changeAt: hi * 1000, after: this.rawOffset(hi * 1000) };
  }

  private probeAt(t: number): number {
    let o = this.probes.get(t);
    if (o === undefined) {
      o = this.rawOffset(t);
      if (this.probes.size > 100_000) this.probes.clear();
      this.probes.set(t, o);
    }
    return o;
  }

  private rawOffset(t: number): number {
    const secs = floor(t / 1000) * 1000;
    // format() + a regex is ~3x faster than formatToParts(); the parts path is the
    // fallback should an ICU version ever print en-US differently.
    const m = EN_US_RE.exec(this.fmt.format(secs));
    if (m) {
      const local = Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]! % 24, +m[5]!, +m[6]!);
      return local - secs;
    }
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    for (const p of this.fmt.formatToParts(secs)) {
      switch (p.type) {
        case 'year': y = Number(p.value); break;
        case 'month': mo = Number(p.value); break;
        case 'day': d = Number(p.value); break;
        case 'hour': h = Number(p.value) % 24; break;
        case 'minute': mi = Number(p.value); break;
        case 'second': s = Number(p.value); break;
        default: break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - secs;
  }
}

const zones = new Map<string, Zone>();

function zoneFor(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = new Zone(name);
    zones.set(name, z);
  }
  return z;
}

export function isValidTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0) return false;
  if (zones.has(name)) return true; // constructing a formatter costs ~0.1 ms; reuse it
  try {
    zoneFor(name);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Spec validation and normalization.

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
function normalizeHours(list: unknown, what: string): { text: HoursInterval[]; minutes: number[] } {
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
  const holidaySet = new Set(holidays);
  const worked = extraWorkdays.filter((d) => !holidaySet.has(d));
  if (worked.length > 0 && (out.extraWorkdayHours ?? weekly.mon).length === 0) {
    throw new CalendarSpecError('extraWorkdays take Monday\'s hours, but Monday is closed: give extraWorkdayHours');
  }
  return out;
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

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

// ---------------------------------------------------------------------------
// The calendar.

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

const EMPTY: readonly number[] = Object.freeze([]);

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

  /** A local date's business intervals as sorted, merged instants [s0, e0, s1, e1, ...]. */
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

  const localDay = (t: number): number => floor(zone.toWall(t) / DAY);

  function assertHasHours(): void {
    if (!hasAnyHours) throw new NoBusinessTimeError('calendar has no business hours at all');
  }

  function noneFound(fromMs: number, forward: boolean): never {
    throw new NoBusinessTimeError(
      `no business time within ${SEARCH_LIMIT_YEARS} years ${forward ? 'after' : 'before'} ${new Date(fromMs).toISOString()}`,
    );
  }

  function tooFar(): never {
    throw new RangeError('business-time result lies more than 200 years away');
  }

  /** Rolls t forward to a business instant, then consumes ms >= 0 of business time. */
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

  /** Rolls t back (a close is reachable, an opening is not), then consumes ms >= 0. */
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

  /** The |n|th business date strictly after (n < 0: before) `day`. */
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

  function dayOfString(localDate: string): number {
    const d = parseLocalDate(localDate);
    if (Number.isNaN(d)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
    return d;
  }

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
      return intervalsOf(dayOfString(localDate)).length > 0;
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
