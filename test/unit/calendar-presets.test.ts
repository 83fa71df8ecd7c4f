// Preset calendars. The China preset is checked against chinese-days' per-year
// data files, and by hand across the 2024->2025 and 2025->2026 year boundaries
// and the 2025/2026 Spring Festivals.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createBusinessCalendar } from '../../domain/business-calendar';
import {
  CHINA_DATA_FIRST_YEAR,
  CHINA_DATA_LAST_YEAR,
  CHINA_DATA_YEARS,
  chinaMainlandCalendarSpec,
  presetCalendarSpec,
  standardBusinessCalendarSpec,
  twentyFourSevenCalendarSpec,
} from '../../domain/calendar-presets';

const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);
const same = (s: string): string => new Date(s).toISOString();

const cn = createBusinessCalendar(chinaMainlandCalendarSpec());
const yearsDir = join(dirname(require.resolve('chinese-days/dist/chinese-days.json')), 'years');

describe('China mainland data coverage', () => {
  it('when the package ships per-year files, then the covered years match them', () => {
    const years = readdirSync(yearsDir).filter((f) => /^\d{4}\.json$/.test(f)).map((f) => Number(f.slice(0, 4))).sort((a, b) => a - b);
    expect(CHINA_DATA_YEARS).toEqual(years);
    expect(CHINA_DATA_FIRST_YEAR).toBe(years[0]);
    expect(CHINA_DATA_LAST_YEAR).toBe(years[years.length - 1]);
  });

  it('when every date of the covered years is checked, then business days match the per-year files', () => {
    // dist/years/YYYY.json are separate files from the one the preset reads. (The
    // package's own isWorkday() is not used as an oracle: it reads dates with the
    // host's local getters and answers wrongly on hosts west of UTC.)
    const mismatches: string[] = [];
    for (const year of CHINA_DATA_YEARS) {
      const file = readFileSync(join(yearsDir, `${year}.json`), 'utf8');
      const { holidays, workdays } = JSON.parse(file) as { holidays: Record<string, string>; workdays: Record<string, string> };
      for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
        const d = new Date(ms).toISOString().slice(0, 10);
        const weekday = new Date(ms).getUTCDay();
        const expected = d in workdays ? true : d in holidays ? false : weekday >= 1 && weekday <= 5;
        if (cn.isBusinessDay(d) !== expected) mismatches.push(d);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('China mainland calendar across holidays and make-up days', () => {
  // 2024-12-31 Tue works; 2025-01-01 Wed is New Year; 2025-01-02 Thu works.
  // 2025 Spring Festival: 01-28 Tue .. 02-04 Tue off; make-up Sun 01-26 and Sat 02-08.
  // 2026-01-01 Thu .. 01-03 Sat off, make-up Sun 01-04.
  // 2026 Spring Festival: 02-15 Sun .. 02-23 Mon off; make-up Sat 02-14 and Sat 02-28.
  it.each([
    { when: '120 minutes are added at 17:00 on New Year\'s Eve 2024', start: '2024-12-31T17:00+08:00', n: 120, then: '2025-01-02T10:00+08:00' },
    { when: '60 minutes are added at 17:30 on New Year\'s Eve 2025', start: '2025-12-31T17:30+08:00', n: 60, then: '2026-01-04T09:30+08:00' },
    { when: '60 minutes are added at 17:30 on the Saturday make-up day before Spring Festival 2026', start: '2026-02-14T17:30+08:00', n: 60, then: '2026-02-24T09:30+08:00' },
    { when: '120 minutes are added at 17:00 on the Friday before a make-up Saturday', start: '2026-02-13T17:00+08:00', n: 120, then: '2026-02-14T10:00+08:00' },
    { when: '30 minutes are added at 11:45 on the make-up Sunday (lunch applies)', start: '2026-01-04T11:45+08:00', n: 30, then: '2026-01-04T13:15+08:00' },
  ])('when $when, then the deadline is $then', ({ start, n, then }) => {
    expect(iso(cn.addBusinessMinutes(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: '60 minutes are subtracted at 09:00 after Spring Festival 2026', start: '2026-02-24T09:00+08:00', n: 60, then: '2026-02-14T17:00+08:00' },
    { when: '30 minutes are subtracted at 09:15 on 2026-01-05 (Monday)', start: '2026-01-05T09:15+08:00', n: 30, then: '2026-01-04T17:45+08:00' },
  ])('when $when, then the result is $then', ({ start, n, then }) => {
    expect(iso(cn.subtractBusinessMinutes(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: '1 business day is added on New Year\'s Eve 2025', start: '2025-12-31T10:00+08:00', n: 1, then: '2026-01-04T10:00+08:00' },
    { when: '2 business days are added on New Year\'s Eve 2025', start: '2025-12-31T10:00+08:00', n: 2, then: '2026-01-05T10:00+08:00' },
    { when: '1 business day is added on Friday 2025-01-24', start: '2025-01-24T10:00+08:00', n: 1, then: '2025-01-26T10:00+08:00' },
    { when: '3 business days are added on Friday 2025-01-24', start: '2025-01-24T10:00+08:00', n: 3, then: '2025-02-05T10:00+08:00' },
    { when: '2 business days are added before Spring Festival 2026', start: '2026-02-13T10:00+08:00', n: 2, then: '2026-02-24T10:00+08:00' },
    { when: '-1 business day is taken after Spring Festival 2026', start: '2026-02-24T10:00+08:00', n: -1, then: '2026-02-14T10:00+08:00' },
    { when: '1 business day is added on a holiday', start: '2026-01-01T10:00+08:00', n: 1, then: '2026-01-04T10:00+08:00' },
  ])('when $when, then the result is $then', ({ start, n, then }) => {
    expect(iso(cn.addBusinessDays(at(start), n))).toBe(same(then));
  });

  it.each([
    { when: 'from New Year\'s Eve 2025 to Monday 2026-01-05', a: '2025-12-31T00:00+08:00', b: '2026-01-05T00:00+08:00', then: 960 },
    { when: 'across Spring Festival 2025 (01-27 and 02-05 work)', a: '2025-01-27T00:00+08:00', b: '2025-02-06T00:00+08:00', then: 960 },
  ])('when counting business minutes $when, then it is $then', ({ a, b, then }) => {
    expect(cn.businessMinutesBetween(at(a), at(b))).toBe(then);
  });

  it.each([
    ['2025-12-31', true], ['2026-01-01', false], ['2026-01-03', false], ['2026-01-04', true],
    ['2026-02-14', true], ['2026-02-23', false], ['2026-02-24', true], ['2026-02-28', true], ['2026-03-01', false],
  ])('when asked whether %s is a business day, then the answer is %s', (d, then) => {
    expect(cn.isBusinessDay(d)).toBe(then);
  });
});

describe('China preset options', () => {
  it('when built, then the spec is plain JSON', () => {
    const spec = chinaMainlandCalendarSpec();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.timezone).toBe('Asia/Shanghai');
    expect(spec.weekly.mon).toEqual([['09:00', '12:00'], ['13:00', '18:00']]);
    expect(spec.weekly.sat).toBeUndefined();
  });
  it('when a year range is given, then only that range of official dates is included', () => {
    const spec = chinaMainlandCalendarSpec({ fromYear: 2025, toYear: 2025 });
    expect(spec.holidays).toContain('2025-01-01');
    expect(spec.holidays).not.toContain('2026-01-01');
    expect(spec.extraWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });
  it('when custom hours and extra dates are given, then they are used', () => {
    const spec = chinaMainlandCalendarSpec({ hours: [['08:30', '17:30']], extraHolidays: ['2026-03-02'], extraWorkdays: ['2026-03-07'] });
    const cal = createBusinessCalendar(spec);
    expect(cal.isBusinessTime(at('2026-03-03T08:30+08:00'))).toBe(true);
    expect(cal.isBusinessDay('2026-03-02')).toBe(false);
    expect(cal.isBusinessTime(at('2026-03-07T17:00+08:00'))).toBe(true);
  });
  it.each([
    { opts: { fromYear: 1999 } },
    { opts: { toYear: CHINA_DATA_LAST_YEAR + 1 } },
    { opts: { fromYear: 2026, toYear: 2025 } },
  ])('when the years $opts are outside the data, then it throws', ({ opts }) => {
    expect(() => chinaMainlandCalendarSpec(opts)).toThrow(RangeError);
  });
});

describe('other presets', () => {
  it('when the calendar is 24x7, then every instant is business time and a day has 1440 minutes', () => {
    const cal = createBusinessCalendar(twentyFourSevenCalendarSpec());
    expect(cal.spec.timezone).toBe('UTC');
    expect(cal.isBusinessTime(at('2025-06-14T03:17Z'))).toBe(true);
    expect(cal.businessMinutesBetween(at('2025-06-14T00:00Z'), at('2025-06-15T00:00Z'))).toBe(1440);
    expect(iso(cal.addBusinessMinutes(at('2025-06-14T23:50Z'), 20))).toBe(same('2025-06-15T00:10Z'));
  });
  it('when the calendar is standard, then it is Mon-Fri 09:00-18:00 in the given zone', () => {
    const cal = createBusinessCalendar(standardBusinessCalendarSpec('Europe/London'));
    // Friday 2025-06-13 17:30 BST + 60 -> Monday 09:30 BST.
    expect(iso(cal.addBusinessMinutes(at('2025-06-13T17:30+01:00'), 60))).toBe(same('2025-06-16T09:30+01:00'));
  });
  it('when presets are looked up by id, then cn-mainland and 24x7 exist and others throw', () => {
    expect(presetCalendarSpec('cn-mainland').timezone).toBe('Asia/Shanghai');
    expect(presetCalendarSpec('24x7')).toEqual(twentyFourSevenCalendarSpec('Asia/Shanghai'));
    expect(() => presetCalendarSpec('mars')).toThrow(/unknown calendar id/);
  });
});
