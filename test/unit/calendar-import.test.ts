// A year's official holidays and make-up days, read from an .ics file or given as lists,
// become a calendar's next version; unusable files are refused with a 422, never a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { Problem } from '../../api/problem';
import { officialYearFromIcs } from '../../api/services/calendar-ics';
import { createBusinessCalendar } from '../../domain/business-calendar';
import { CalendarImportError, importOfficialYear } from '../../domain/calendar-import';
import { standardBusinessCalendarSpec } from '../../domain/calendar-presets';

const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'calendars', 'cn-2026-official.ics'), 'utf8');
const of2026 = (m: Record<string, string>) => Object.keys(m).filter((d) => d.startsWith('2026-')).sort();
const plain = standardBusinessCalendarSpec('Asia/Shanghai');

const ics = (...events: string[][]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events.flatMap((e) => ['BEGIN:VEVENT', 'UID:x', 'DTSTAMP:20260101T000000Z', ...e, 'END:VEVENT']), 'END:VCALENDAR'].join('\r\n');

function refusal(text: string): string {
  try {
    officialYearFromIcs(text, 2026);
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    expect((e as Problem).fields.status).toBe(422);
    return (e as Problem).message;
  }
  throw new Error('not refused');
}

describe('reading an official holiday calendar (.ics)', () => {
  it('when the 2026 State Council arrangement is read, then its days off and make-up days are exactly those of the chinese-days data', () => {
    const year = officialYearFromIcs(fixture, 2026);
    expect([...year.holidays].sort()).toEqual(of2026(chineseDays.holidays));
    expect([...year.extraWorkdays].sort()).toEqual(of2026(chineseDays.workdays));
  });

  it('when an event says "working day" or sits in category 班, then it is a make-up day; a cancelled event is left out', () => {
    const year = officialYearFromIcs(
      ics(
        ['DTSTART;VALUE=DATE:20260301', 'SUMMARY:Make-up working day'],
        ['DTSTART;VALUE=DATE:20260302', 'SUMMARY:Spring', 'CATEGORIES:班'],
        ['DTSTART;VALUE=DATE:20260303', 'DURATION:P2D', 'SUMMARY:Day off'],
        ['DTSTART;VALUE=DATE:20260310', 'SUMMARY:Day off', 'STATUS:CANCELLED'],
      ),
      2026,
    );
    expect(year).toEqual({ year: 2026, holidays: ['2026-03-03', '2026-03-04'], extraWorkdays: ['2026-03-01', '2026-03-02'] });
  });

  it.each([
    ['text that is no iCalendar', 'hello'],
    ['a calendar without events', ics()],
    ['two calendars', `${ics(['DTSTART;VALUE=DATE:20260301'])}\r\n${ics(['DTSTART;VALUE=DATE:20260302'])}`],
    ['a timed event', ics(['DTSTART:20260301T090000Z', 'SUMMARY:meeting'])],
    ['a repeating event', ics(['DTSTART;VALUE=DATE:20260301', 'RRULE:FREQ=DAILY'])],
    ['an event of a year and more', ics(['DTSTART;VALUE=DATE:20260101', 'DTEND;VALUE=DATE:20270101'])],
    ['an event ending before it starts', ics(['DTSTART;VALUE=DATE:20260301', 'DTEND;VALUE=DATE:20260201'])],
    ['a date that does not exist', ics(['DTSTART;VALUE=DATE:20261345'])],
    ['a value that does not parse', ics(['DTSTART;VALUE=DATE:nonsense'])],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260301'],
  ])('when the file holds %s, then it is refused with a 422 that quotes nothing from it', (_what, text) => {
    expect(refusal(text)).not.toMatch(/nonsense|hello|meeting/);
  });
});

describe('importing an official year into a calendar', () => {
  it('when a plain Mon–Fri calendar takes the 2026 list, then a case opened before the Spring Festival waits it out', () => {
    const imported = importOfficialYear(plain, officialYearFromIcs(fixture, 2026));
    expect(imported).toMatchObject({ holidays: 33, extraWorkdays: 6, ignored: 0, spec: { horizon: '2026-12-31' } });
    const saturdayBefore = new Date('2026-02-14T16:00:00+08:00'); // a make-up working day
    const before = createBusinessCalendar(plain).addBusinessMinutes(saturdayBefore, 240);
    const after = createBusinessCalendar(imported.spec).addBusinessMinutes(saturdayBefore, 240);
    expect(before.toISOString()).toBe('2026-02-16T05:00:00.000Z'); // Monday 13:00: the holiday was counted as work
    expect(after.toISOString()).toBe('2026-02-24T03:00:00.000Z'); // 2 h on the make-up Saturday, 2 h after the festival
  });

  it('when a year is imported again, then its dates are replaced, other years kept, nearby dates merged and far ones left out', () => {
    const base = { ...plain, holidays: ['2025-10-01', '2026-03-03'], extraWorkdays: ['2026-12-27'], horizon: '2026-12-31' };
    const out = importOfficialYear(base, { year: 2026, holidays: ['2026-02-16', '2025-12-31', '2026-12-27', '2024-05-01'], extraWorkdays: ['2027-01-09'] });
    expect(out.spec.holidays).toEqual(['2025-10-01', '2025-12-31', '2026-02-16', '2026-12-27']);
    expect(out.spec.extraWorkdays).toEqual(['2027-01-09']);
    expect(out).toMatchObject({ holidays: 3, extraWorkdays: 1, ignored: 1 });
    expect(out.spec.horizon).toBe('2026-12-31');
    expect(importOfficialYear({ ...base, horizon: '2030-12-31' }, { year: 2026, holidays: ['2026-02-16'], extraWorkdays: [] }).spec.horizon).toBe('2030-12-31');
  });

  it('when a list contradicts itself or has nothing for its year, then it is refused', () => {
    expect(() => importOfficialYear(plain, { year: 2027, holidays: ['2027-02-08'], extraWorkdays: ['2027-02-08'] })).toThrow(CalendarImportError);
    expect(() => importOfficialYear(plain, { year: 2027, holidays: ['2026-12-31'], extraWorkdays: [] })).toThrow(/no holiday or make-up working day in 2027/);
    expect(() => importOfficialYear(plain, { year: 2027.5, holidays: ['2027-02-08'], extraWorkdays: [] })).toThrow(/year/);
    expect(() => importOfficialYear(plain, { year: 2027, holidays: ['2027-02-30'], extraWorkdays: [] })).toThrow(/not a date/);
  });
});
