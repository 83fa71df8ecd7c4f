// Example-based tests of the business calendar. Every expected instant is worked
// out by hand (comments give the reasoning) and written with an explicit offset.
import {
  CalendarSpec,
  CalendarSpecError,
  NoBusinessTimeError,
  createBusinessCalendar,
  validateCalendarSpec,
} from '../../domain/business-calendar';

const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);
const same = (s: string): string => new Date(s).toISOString();

const weekdays = (hours: [string, string][]): CalendarSpec['weekly'] => ({
  mon: hours, tue: hours, wed: hours, thu: hours, fri: hours,
});
const everyDay = (hours: [string, string][]): CalendarSpec['weekly'] => ({
  ...weekdays(hours), sat: hours, sun: hours,
});

// Asia/Shanghai (+08:00, no DST), lunch break, no holidays.
// Week used: Mon 2025-06-09 .. Fri 2025-06-13; Sat 06-14, Sun 06-15, Mon 06-16.
const split = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  weekly: weekdays([['09:00', '12:00'], ['13:00', '18:00']]),
});

describe('adding business minutes (split shift, Asia/Shanghai)', () => {
  it.each([
    { when: '30 minutes are added at 17:45 on a Friday', start: '2025-06-13T17:45+08:00', n: 30, then: '2025-06-16T09:15+08:00' },
    { when: '20 minutes are added at 11:50, across lunch', start: '2025-06-10T11:50+08:00', n: 20, then: '2025-06-10T13:10+08:00' },
    { when: '60 minutes are added exactly at an opening', start: '2025-06-10T09:00+08:00', n: 60, then: '2025-06-10T10:00+08:00' },
    { when: '60 minutes are added exactly at the lunch close', start: '2025-06-10T12:00+08:00', n: 60, then: '2025-06-10T14:00+08:00' },
    { when: 'the amount runs out exactly at the lunch close', start: '2025-06-10T11:00+08:00', n: 60, then: '2025-06-10T12:00+08:00' },
    { when: 'the amount runs out exactly at Friday close', start: '2025-06-13T17:00+08:00', n: 60, then: '2025-06-13T18:00+08:00' },
    { when: '30 minutes are added on a Saturday', start: '2025-06-14T10:00+08:00', n: 30, then: '2025-06-16T09:30+08:00' },
    { when: '0 minutes are added before opening', start: '2025-06-10T08:00+08:00', n: 0, then: '2025-06-10T09:00+08:00' },
    { when: '0 minutes are added at the lunch close', start: '2025-06-10T12:00+08:00', n: 0, then: '2025-06-10T13:00+08:00' },
    { when: '0 minutes are added inside business hours', start: '2025-06-10T10:17+08:00', n: 0, then: '2025-06-10T10:17+08:00' },
    // 480 minutes is one whole day (3h + 5h): 10:00 Fri -> 10:00 Mon.
    { when: 'a whole business day of minutes is added on a Friday', start: '2025-06-13T10:00+08:00', n: 480, then: '2025-06-16T10:00+08:00' },
    // 5 days x 480 = 2400: Mon 09:00 -> Fri 18:00 (runs out at close).
    { when: 'a whole week of minutes is added at Monday opening', start: '2025-06-09T09:00+08:00', n: 2400, then: '2025-06-13T18:00+08:00' },
  ])('when $when, then the deadline is $then', ({ start, n, then }) => {
    expect(iso(split.addBusinessMinutes(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: 'half a minute is added at 09:00', start: '2025-06-10T09:00:00+08:00', n: 0.5, then: '2025-06-10T09:00:30+08:00' },
    { when: 'one second (1/60 min) is added at 09:00', start: '2025-06-10T09:00:00+08:00', n: 1 / 60, then: '2025-06-10T09:00:01+08:00' },
    { when: '1.5 minutes are added at 11:59:30', start: '2025-06-10T11:59:30+08:00', n: 1.5, then: '2025-06-10T13:01:00+08:00' },
    { when: '0.25 minutes are added at 17:59:50 Friday', start: '2025-06-13T17:59:50+08:00', n: 0.25, then: '2025-06-16T09:00:05+08:00' },
  ])('when $when (fractional), then the deadline is $then', ({ start, n, then }) => {
    expect(iso(split.addBusinessMinutes(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: '-30 minutes are added at 10:00', start: '2025-06-10T10:00+08:00', n: -30, then: '2025-06-10T09:30+08:00' },
    { when: '-20 minutes are added at 13:10', start: '2025-06-10T13:10+08:00', n: -20, then: '2025-06-10T11:50+08:00' },
    { when: '-30 minutes are added at Monday 09:15', start: '2025-06-16T09:15+08:00', n: -30, then: '2025-06-13T17:45+08:00' },
  ])('when $when, then it subtracts and gives $then', ({ start, n, then }) => {
    expect(iso(split.addBusinessMinutes(at(start), n))).toBe(same(then));
  });
});

describe('subtracting business minutes (split shift, Asia/Shanghai)', () => {
  it.each([
    { when: '30 minutes are subtracted at Monday 09:15', start: '2025-06-16T09:15+08:00', n: 30, then: '2025-06-13T17:45+08:00' },
    { when: '0 are subtracted at the 13:00 opening (an opening is not reachable)', start: '2025-06-10T13:00+08:00', n: 0, then: '2025-06-10T12:00+08:00' },
    { when: '0 are subtracted at Monday 09:00', start: '2025-06-16T09:00+08:00', n: 0, then: '2025-06-13T18:00+08:00' },
    { when: '0 are subtracted at the 12:00 close (a close is reachable)', start: '2025-06-10T12:00+08:00', n: 0, then: '2025-06-10T12:00+08:00' },
    { when: '0 are subtracted during lunch', start: '2025-06-10T12:30+08:00', n: 0, then: '2025-06-10T12:00+08:00' },
    { when: '0 are subtracted inside business hours', start: '2025-06-10T10:17+08:00', n: 0, then: '2025-06-10T10:17+08:00' },
    { when: '60 are subtracted at Friday close', start: '2025-06-13T18:00+08:00', n: 60, then: '2025-06-13T17:00+08:00' },
    { when: '60 are subtracted at 10:00, landing on the opening', start: '2025-06-10T10:00+08:00', n: 60, then: '2025-06-10T09:00+08:00' },
    { when: '120 are subtracted at 14:00, across lunch', start: '2025-06-10T14:00+08:00', n: 120, then: '2025-06-10T11:00+08:00' },
    { when: '30 are subtracted on a Saturday', start: '2025-06-14T10:00+08:00', n: 30, then: '2025-06-13T17:30+08:00' },
    { when: '-30 are subtracted at 17:45 Friday (adds)', start: '2025-06-13T17:45+08:00', n: -30, then: '2025-06-16T09:15+08:00' },
    { when: '0.5 are subtracted at 13:00:15', start: '2025-06-10T13:00:15+08:00', n: 0.5, then: '2025-06-10T11:59:45+08:00' },
  ])('when $when, then the result is $then', ({ start, n, then }) => {
    expect(iso(split.subtractBusinessMinutes(at(start), n))).toBe(same(then));
  });
});

describe('counting business minutes between two instants', () => {
  it.each([
    { when: 'Friday 17:00 to Monday 10:00', a: '2025-06-13T17:00+08:00', b: '2025-06-16T10:00+08:00', then: 120 },
    { when: 'Monday 10:00 back to Friday 17:00 (reversed)', a: '2025-06-16T10:00+08:00', b: '2025-06-13T17:00+08:00', then: -120 },
    { when: '11:00 to 14:00 across lunch', a: '2025-06-10T11:00+08:00', b: '2025-06-10T14:00+08:00', then: 120 },
    { when: 'both inside the lunch break', a: '2025-06-10T12:15+08:00', b: '2025-06-10T12:45+08:00', then: 0 },
    { when: 'thirty seconds after opening', a: '2025-06-10T09:00:00+08:00', b: '2025-06-10T09:00:30+08:00', then: 0.5 },
    { when: 'the same instant', a: '2025-06-10T10:00+08:00', b: '2025-06-10T10:00+08:00', then: 0 },
    { when: 'a whole week, midnight to midnight', a: '2025-06-09T00:00+08:00', b: '2025-06-16T00:00+08:00', then: 2400 },
    { when: 'an opening to a close (close excluded, nothing missing)', a: '2025-06-10T13:00+08:00', b: '2025-06-10T18:00+08:00', then: 300 },
  ])('when counting $when, then it is $then minutes', ({ a, b, then }) => {
    expect(split.businessMinutesBetween(at(a), at(b))).toBe(then);
  });
});

describe('business-time predicates', () => {
  it.each([
    { t: '2025-06-10T09:00:00.000+08:00', then: true },
    { t: '2025-06-10T08:59:59.999+08:00', then: false },
    { t: '2025-06-10T11:59:59.999+08:00', then: true },
    { t: '2025-06-10T12:00:00.000+08:00', then: false },
    { t: '2025-06-10T13:00:00.000+08:00', then: true },
    { t: '2025-06-10T18:00:00.000+08:00', then: false },
    { t: '2025-06-14T10:00:00.000+08:00', then: false },
  ])('when asked about $t, then isBusinessTime is $then', ({ t, then }) => {
    expect(split.isBusinessTime(at(t))).toBe(then);
  });

  it.each([
    { t: '2025-06-10T12:00+08:00', next: '2025-06-10T13:00+08:00', prev: '2025-06-10T12:00+08:00' },
    { t: '2025-06-10T13:00+08:00', next: '2025-06-10T13:00+08:00', prev: '2025-06-10T12:00+08:00' },
    { t: '2025-06-10T10:00+08:00', next: '2025-06-10T10:00+08:00', prev: '2025-06-10T10:00+08:00' },
    { t: '2025-06-13T18:00+08:00', next: '2025-06-16T09:00+08:00', prev: '2025-06-13T18:00+08:00' },
    { t: '2025-06-16T08:00+08:00', next: '2025-06-16T09:00+08:00', prev: '2025-06-13T18:00+08:00' },
    { t: '2025-06-16T09:00+08:00', next: '2025-06-16T09:00+08:00', prev: '2025-06-13T18:00+08:00' },
  ])('when at $t, then the next business time is $next and the previous is $prev', ({ t, next, prev }) => {
    expect(iso(split.nextBusinessTime(at(t)))).toBe(same(next));
    expect(iso(split.previousBusinessTime(at(t)))).toBe(same(prev));
  });
});

describe('adding business days (split shift, Asia/Shanghai)', () => {
  it.each([
    { when: '1 day is added on Monday 10:00', start: '2025-06-09T10:00+08:00', n: 1, then: '2025-06-10T10:00+08:00' },
    { when: '1 day is added on Friday 10:00', start: '2025-06-13T10:00+08:00', n: 1, then: '2025-06-16T10:00+08:00' },
    { when: '1 day is added at Friday 12:30 (lunch): rolls forward', start: '2025-06-13T12:30+08:00', n: 1, then: '2025-06-16T13:00+08:00' },
    { when: '1 day is added on Saturday 10:00', start: '2025-06-14T10:00+08:00', n: 1, then: '2025-06-16T10:00+08:00' },
    { when: '1 day is added at Sunday 20:00: Monday 20:00 rolls to Tuesday', start: '2025-06-15T20:00+08:00', n: 1, then: '2025-06-17T09:00+08:00' },
    { when: '5 days are added on Monday 09:00', start: '2025-06-09T09:00+08:00', n: 5, then: '2025-06-16T09:00+08:00' },
    { when: '-1 day at Friday 12:30 (lunch): rolls back to the close', start: '2025-06-13T12:30+08:00', n: -1, then: '2025-06-12T12:00+08:00' },
    { when: '-1 day on Saturday 10:00', start: '2025-06-14T10:00+08:00', n: -1, then: '2025-06-13T10:00+08:00' },
    { when: '-1 day at Tuesday 08:00: Monday 08:00 rolls back to Friday close', start: '2025-06-17T08:00+08:00', n: -1, then: '2025-06-13T18:00+08:00' },
    { when: '-1 day at Monday 18:00: Friday 18:00 is a reachable close', start: '2025-06-16T18:00+08:00', n: -1, then: '2025-06-13T18:00+08:00' },
    { when: '-1 day at Monday 09:00: Friday 09:00 is business time', start: '2025-06-16T09:00+08:00', n: -1, then: '2025-06-13T09:00+08:00' },
    { when: '0 days on Saturday', start: '2025-06-14T10:00+08:00', n: 0, then: '2025-06-16T09:00+08:00' },
    { when: '0 days inside business hours', start: '2025-06-10T10:00+08:00', n: 0, then: '2025-06-10T10:00+08:00' },
  ])('when $when, then the result is $then', ({ start, n, then }) => {
    expect(iso(split.addBusinessDays(at(start), n))).toBe(same(then));
  });

  it('when days is not an integer, then it throws', () => {
    expect(() => split.addBusinessDays(at('2025-06-10T10:00+08:00'), 1.5)).toThrow(/integer/);
  });
});

describe('daylight saving time (America/New_York, Europe/London)', () => {
  // US 2025: clocks jump 02:00 EST -> 03:00 EDT on Sun 03-09 and fall 02:00 EDT -> 01:00 EST on Sun 11-02.
  // UK 2025: 01:00 GMT -> 02:00 BST on Sun 03-30; 02:00 BST -> 01:00 GMT on Sun 10-26.
  const ny24 = createBusinessCalendar({ timezone: 'America/New_York', weekly: everyDay([['00:00', '24:00']]) });
  const london24 = createBusinessCalendar({ timezone: 'Europe/London', weekly: everyDay([['00:00', '24:00']]) });
  const nyNight = createBusinessCalendar({ timezone: 'America/New_York', weekly: everyDay([['01:00', '04:00']]) });
  const londonNight = createBusinessCalendar({ timezone: 'Europe/London', weekly: everyDay([['00:30', '03:00']]) });
  const nyGap = createBusinessCalendar({ timezone: 'America/New_York', weekly: everyDay([['02:30', '05:00']]) });
  const nyAmbiguous = createBusinessCalendar({ timezone: 'America/New_York', weekly: everyDay([['01:30', '03:00']]) });

  it.each([
    { when: 'the US spring-forward day (23 h)', cal: ny24, a: '2025-03-09T00:00-05:00', b: '2025-03-10T00:00-04:00', then: 23 * 60 },
    { when: 'the US fall-back day (25 h)', cal: ny24, a: '2025-11-02T00:00-04:00', b: '2025-11-03T00:00-05:00', then: 25 * 60 },
    { when: 'the UK spring-forward day (23 h)', cal: london24, a: '2025-03-30T00:00Z', b: '2025-03-31T00:00+01:00', then: 23 * 60 },
    { when: 'the UK fall-back day (25 h)', cal: london24, a: '2025-10-26T00:00+01:00', b: '2025-10-27T00:00Z', then: 25 * 60 },
    // 01:00 EST .. 04:00 EDT is 2 real hours; 01:00 EDT .. 04:00 EST is 4.
    { when: 'a 01:00-04:00 shift on US spring-forward day', cal: nyNight, a: '2025-03-09T00:00-05:00', b: '2025-03-10T00:00-04:00', then: 120 },
    { when: 'a 01:00-04:00 shift on US fall-back day', cal: nyNight, a: '2025-11-02T00:00-04:00', b: '2025-11-03T00:00-05:00', then: 240 },
    // 00:30 GMT .. 03:00 BST = 1.5 h; 00:30 BST .. 03:00 GMT = 3.5 h.
    { when: 'a 00:30-03:00 shift on UK spring-forward day', cal: londonNight, a: '2025-03-30T00:00Z', b: '2025-03-31T00:00+01:00', then: 90 },
    { when: 'a 00:30-03:00 shift on UK fall-back day', cal: londonNight, a: '2025-10-26T00:00+01:00', b: '2025-10-27T00:00Z', then: 210 },
    // 02:30 does not exist on 03-09 and becomes 03:30 EDT; the shift is 03:30-05:00 EDT.
    { when: 'a shift opening inside the US gap', cal: nyGap, a: '2025-03-09T00:00-05:00', b: '2025-03-10T00:00-04:00', then: 90 },
    // 01:30 happens twice on 11-02; the earlier (EDT) counts: 01:30 EDT .. 03:00 EST = 2.5 h.
    { when: 'a shift opening at an ambiguous US time', cal: nyAmbiguous, a: '2025-11-02T00:00-04:00', b: '2025-11-03T00:00-05:00', then: 150 },
  ])('when counting business minutes over $when, then it is $then', ({ cal, a, b, then }) => {
    expect(cal.businessMinutesBetween(at(a), at(b))).toBe(then);
  });

  it.each([
    { when: '24 h of minutes are added across US spring-forward (elapsed time)', cal: ny24, start: '2025-03-08T12:00-05:00', n: 1440, then: '2025-03-09T13:00-04:00' },
    { when: '24 h of minutes are added across US fall-back (elapsed time)', cal: ny24, start: '2025-11-01T12:00-04:00', n: 1440, then: '2025-11-02T11:00-05:00' },
    { when: '24 h of minutes are added across UK spring-forward', cal: london24, start: '2025-03-29T12:00Z', n: 1440, then: '2025-03-30T13:00+01:00' },
    { when: '150 minutes are added at the start of the short night shift', cal: nyNight, start: '2025-03-09T01:00-05:00', n: 150, then: '2025-03-10T01:30-04:00' },
    { when: '130 minutes are added at 01:00 EDT on fall-back day', cal: nyNight, start: '2025-11-02T01:00-04:00', n: 130, then: '2025-11-02T02:10-05:00' },
    { when: '0 minutes are added before a shift that opens in the gap', cal: nyGap, start: '2025-03-09T00:00-05:00', n: 0, then: '2025-03-09T03:30-04:00' },
    { when: '0 minutes are added before an ambiguous opening', cal: nyAmbiguous, start: '2025-11-02T00:00-04:00', n: 0, then: '2025-11-02T01:30-04:00' },
  ])('when $when, then the result is $then', ({ cal, start, n, then }) => {
    expect(iso(cal.addBusinessMinutes(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: '1 day is added across US spring-forward (same wall time)', cal: ny24, start: '2025-03-08T12:00-05:00', n: 1, then: '2025-03-09T12:00-04:00' },
    { when: '1 day is added to a 02:30 that does not exist next day', cal: ny24, start: '2025-03-08T02:30-05:00', n: 1, then: '2025-03-09T03:30-04:00' },
    { when: '1 day is added to a 01:30 that is ambiguous next day', cal: ny24, start: '2025-11-01T01:30-04:00', n: 1, then: '2025-11-02T01:30-04:00' },
    { when: '-1 day is taken across UK fall-back', cal: london24, start: '2025-10-27T09:00Z', n: -1, then: '2025-10-26T09:00Z' },
  ])('when $when, then the result is $then', ({ cal, start, n, then }) => {
    expect(iso(cal.addBusinessDays(at(start), n))).toBe(same(then));
  });
});

describe('24:00 closes', () => {
  // UTC; Monday 2025-06-09 18:00-24:00 then Tuesday 00:00-06:00 is one continuous stretch.
  const overnight = createBusinessCalendar({ timezone: 'UTC', weekly: { mon: [['18:00', '24:00']], tue: [['00:00', '06:00']] } });
  const mondayLate = createBusinessCalendar({ timezone: 'UTC', weekly: { mon: [['18:00', '24:00']] } });

  it('when 60 minutes are added at Monday 23:30 and Tuesday opens at 00:00, then time runs on to 00:30', () => {
    expect(iso(overnight.addBusinessMinutes(at('2025-06-09T23:30Z'), 60))).toBe(same('2025-06-10T00:30Z'));
  });
  it('when counting Monday 23:00 to Tuesday 01:00 across a 24:00/00:00 seam, then it is 120 minutes', () => {
    expect(overnight.businessMinutesBetween(at('2025-06-09T23:00Z'), at('2025-06-10T01:00Z'))).toBe(120);
  });
  it('when 60 minutes are subtracted at Tuesday 00:30, then the result is Monday 23:30', () => {
    expect(iso(overnight.subtractBusinessMinutes(at('2025-06-10T00:30Z'), 60))).toBe(same('2025-06-09T23:30Z'));
  });
  it('when Tuesday opens at 00:00, then Tuesday midnight is business time', () => {
    expect(overnight.isBusinessTime(at('2025-06-10T00:00Z'))).toBe(true);
  });
  it('when only Monday runs to 24:00, then the next midnight is a close, not business time', () => {
    expect(mondayLate.isBusinessTime(at('2025-06-09T23:59:59.999Z'))).toBe(true);
    expect(mondayLate.isBusinessTime(at('2025-06-10T00:00Z'))).toBe(false);
  });
  it('when the amount runs out at a 24:00 close, then the answer is that midnight', () => {
    expect(iso(mondayLate.addBusinessMinutes(at('2025-06-09T23:00Z'), 60))).toBe(same('2025-06-10T00:00Z'));
  });
  it('when one more minute is needed past a 24:00 close, then it comes from next Monday', () => {
    expect(iso(mondayLate.addBusinessMinutes(at('2025-06-09T23:00Z'), 61))).toBe(same('2025-06-16T18:01Z'));
  });
  it('when rolling back from Tuesday 03:00, then the 24:00 close is reachable', () => {
    expect(iso(mondayLate.previousBusinessTime(at('2025-06-10T03:00Z')))).toBe(same('2025-06-10T00:00Z'));
  });
});

describe('holidays and extra workdays', () => {
  const base = { timezone: 'UTC', weekly: weekdays([['09:00', '17:00']]) };

  it('when a weekday is a holiday, then its whole date is closed', () => {
    const cal = createBusinessCalendar({ ...base, holidays: ['2025-06-10'] });
    expect(cal.isBusinessDay('2025-06-10')).toBe(false);
    // Mon 16:00 + 120 -> 60 on Monday, Tuesday skipped, Wednesday 09:00 + 60.
    expect(iso(cal.addBusinessMinutes(at('2025-06-09T16:00Z'), 120))).toBe(same('2025-06-11T10:00Z'));
  });
  it('when a Saturday is an extra workday, then it takes Monday hours', () => {
    const cal = createBusinessCalendar({ ...base, extraWorkdays: ['2025-06-14'] });
    expect(cal.isBusinessTime(at('2025-06-14T09:00Z'))).toBe(true);
    expect(cal.isBusinessTime(at('2025-06-14T17:00Z'))).toBe(false);
    expect(iso(cal.addBusinessMinutes(at('2025-06-13T16:30Z'), 60))).toBe(same('2025-06-14T09:30Z'));
  });
  it('when extraWorkdayHours are given, then an extra workday uses them', () => {
    const cal = createBusinessCalendar({ ...base, extraWorkdays: ['2025-06-14'], extraWorkdayHours: [['10:00', '14:00']] });
    expect(cal.isBusinessTime(at('2025-06-14T09:30Z'))).toBe(false);
    expect(cal.businessMinutesBetween(at('2025-06-14T00:00Z'), at('2025-06-15T00:00Z'))).toBe(240);
  });
  it('when a date is both a holiday and an extra workday, then the holiday wins', () => {
    const cal = createBusinessCalendar({ ...base, holidays: ['2025-06-14'], extraWorkdays: ['2025-06-14'] });
    expect(cal.isBusinessDay('2025-06-14')).toBe(false);
  });
  it('when a holiday is added, then business-day counting skips it', () => {
    const cal = createBusinessCalendar({ ...base, holidays: ['2025-06-16'] });
    expect(iso(cal.addBusinessDays(at('2025-06-13T10:00Z'), 1))).toBe(same('2025-06-17T10:00Z'));
    expect(cal.nthBusinessDate('2025-06-13', 1)).toBe('2025-06-17');
    expect(cal.nthBusinessDate('2025-06-17', -1)).toBe('2025-06-13');
  });
});

describe('calendars without business time', () => {
  const closed = createBusinessCalendar({ timezone: 'UTC', weekly: {} });
  const onlyOneDay = createBusinessCalendar({ timezone: 'UTC', weekly: {}, extraWorkdays: ['2025-06-14'], extraWorkdayHours: [['09:00', '10:00']] });

  it('when a calendar has no hours at all, then adding throws instead of hanging', () => {
    expect(() => closed.addBusinessMinutes(at('2025-06-10T10:00Z'), 5)).toThrow(NoBusinessTimeError);
    expect(() => closed.subtractBusinessMinutes(at('2025-06-10T10:00Z'), 5)).toThrow(NoBusinessTimeError);
    expect(() => closed.nextBusinessTime(at('2025-06-10T10:00Z'))).toThrow(NoBusinessTimeError);
    expect(() => closed.addBusinessDays(at('2025-06-10T10:00Z'), 1)).toThrow(NoBusinessTimeError);
  });
  it('when a calendar has no hours at all, then counting gives 0 and nothing is business time', () => {
    expect(closed.businessMinutesBetween(at('2025-01-01T00:00Z'), at('2026-01-01T00:00Z'))).toBe(0);
    expect(closed.isBusinessTime(at('2025-06-10T10:00Z'))).toBe(false);
  });
  it('when the only business time is in the past, then a forward search gives up with a clear error', () => {
    expect(() => onlyOneDay.addBusinessMinutes(at('2025-06-20T00:00Z'), 1)).toThrow(/no business time within 20 years/);
    expect(iso(onlyOneDay.addBusinessMinutes(at('2025-06-01T00:00Z'), 60))).toBe(same('2025-06-14T10:00Z'));
  });
});

describe('search bounds', () => {
  it('when an amount would need more than 200 years, then it throws a RangeError instead of spinning', () => {
    expect(() => split.addBusinessMinutes(at('2025-06-10T10:00Z'), 1e9)).toThrow(/200 years/);
    expect(() => split.subtractBusinessMinutes(at('2025-06-10T10:00Z'), 1e9)).toThrow(/200 years/);
    expect(() => split.businessMinutesBetween(at('1800-01-01T00:00Z'), at('2100-01-01T00:00Z'))).toThrow(/200 years/);
  });
});

describe('spec validation', () => {
  const ok = { timezone: 'UTC', weekly: { mon: [['09:00', '17:00']] } };
  it.each([
    { what: 'an unknown time zone', spec: { ...ok, timezone: 'Mars/Olympus_Mons' }, msg: /timezone/ },
    { what: 'a missing weekly', spec: { timezone: 'UTC' }, msg: /weekly/ },
    { what: 'an unknown weekday', spec: { timezone: 'UTC', weekly: { monday: [['09:00', '17:00']] } }, msg: /unknown day/ },
    { what: 'a one-digit hour', spec: { timezone: 'UTC', weekly: { mon: [['9:00', '17:00']] } }, msg: /HH:MM/ },
    { what: 'hour 25', spec: { timezone: 'UTC', weekly: { mon: [['09:00', '25:00']] } }, msg: /HH:MM/ },
    { what: 'minute 60', spec: { timezone: 'UTC', weekly: { mon: [['09:60', '17:00']] } }, msg: /HH:MM/ },
    { what: '24:30', spec: { timezone: 'UTC', weekly: { mon: [['09:00', '24:30']] } }, msg: /HH:MM/ },
    { what: 'an opening at 24:00', spec: { timezone: 'UTC', weekly: { mon: [['24:00', '24:00']] } }, msg: /24:00/ },
    { what: 'open equal to close', spec: { timezone: 'UTC', weekly: { mon: [['10:00', '10:00']] } }, msg: /before close/ },
    { what: 'open after close', spec: { timezone: 'UTC', weekly: { mon: [['11:00', '10:00']] } }, msg: /before close/ },
    { what: 'overlapping intervals', spec: { timezone: 'UTC', weekly: { mon: [['09:00', '12:00'], ['11:00', '13:00']] } }, msg: /overlap/ },
    { what: 'a malformed interval', spec: { timezone: 'UTC', weekly: { mon: [['09:00']] } }, msg: /expected/ },
    { what: 'February 30th', spec: { ...ok, holidays: ['2025-02-30'] }, msg: /holidays\[0\]/ },
    { what: 'a slashed date', spec: { ...ok, extraWorkdays: ['2025/01/01'] }, msg: /extraWorkdays\[0\]/ },
    { what: 'bad extra-workday hours', spec: { ...ok, extraWorkdayHours: [['10:00', '09:00']] }, msg: /extraWorkdayHours/ },
    { what: 'extra workdays with Monday closed and no hours', spec: { timezone: 'UTC', weekly: { tue: [['09:00', '17:00']] }, extraWorkdays: ['2025-06-14'] }, msg: /extraWorkdayHours/ },
  ])('when the spec has $what, then validation throws', ({ spec, msg }) => {
    expect(() => createBusinessCalendar(spec as unknown as CalendarSpec)).toThrow(CalendarSpecError);
    expect(() => validateCalendarSpec(spec)).toThrow(msg);
  });

  it('when a spec is valid, then the normalized copy lists every weekday and sorts, de-duplicates dates and hours', () => {
    const spec = validateCalendarSpec({
      timezone: 'Europe/London',
      weekly: { wed: [['13:00', '17:00'], ['09:00', '12:00']], mon: [['09:00', '12:00'], ['12:00', '17:00']] },
      holidays: ['2025-12-26', '2025-12-25', '2025-12-26'],
    });
    expect(spec).toEqual({
      timezone: 'Europe/London',
      weekly: {
        mon: [['09:00', '12:00'], ['12:00', '17:00']], tue: [], wed: [['09:00', '12:00'], ['13:00', '17:00']],
        thu: [], fri: [], sat: [], sun: [],
      },
      holidays: ['2025-12-25', '2025-12-26'],
      extraWorkdays: [],
    });
  });

  it('when the calendar exposes its spec, then the spec is frozen', () => {
    const cal = createBusinessCalendar(ok as CalendarSpec);
    expect(Object.isFrozen(cal.spec.weekly.mon)).toBe(true);
  });

  it('when given an invalid Date or amount, then operations throw', () => {
    expect(() => split.addBusinessMinutes(new Date(NaN), 1)).toThrow(RangeError);
    expect(() => split.addBusinessMinutes(at('2025-06-10T10:00Z'), Infinity)).toThrow(RangeError);
    expect(() => split.isBusinessDay('2025-13-01')).toThrow(RangeError);
  });
});

describe('performance', () => {
  it('when 250 business days are added, then each call takes well under 1 ms', () => {
    const start = at('2025-06-10T10:00+08:00');
    split.addBusinessDays(start, 250); // fills the caches once
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) split.addBusinessDays(start, 250);
    expect((performance.now() - t0) / n).toBeLessThan(0.5);
  });
  it('when a year of business minutes is added, then it takes well under 1 ms', () => {
    const start = at('2025-06-10T10:00+08:00');
    split.addBusinessMinutes(start, 250 * 480);
    const n = 200;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) split.addBusinessMinutes(start, 250 * 480);
    expect((performance.now() - t0) / n).toBeLessThan(0.5);
  });
});
