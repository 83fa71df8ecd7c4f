// A calendar knows the last date its holiday data covers; a deadline past it is provisional.
import { createBusinessCalendar, CalendarSpecError, validateCalendarSpec } from '../../domain/business-calendar';
import { calendarHorizon, daysToHorizon, horizonDateOf, isPastHorizon } from '../../domain/calendar-horizon';
import { CHINA_DATA_LAST_YEAR, chinaMainlandCalendarSpec, standardBusinessCalendarSpec, twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';

describe('calendar horizon', () => {
  it('when the China preset is built, then it covers through 31 December of its last year of official data', () => {
    expect(CHINA_DATA_LAST_YEAR).toBe(2026);
    expect(chinaMainlandCalendarSpec().horizon).toBe('2026-12-31');
    expect(chinaMainlandCalendarSpec({ extraHolidays: ['2027-02-08'] }).horizon).toBe('2027-12-31');
  });

  it('when a spec lists holidays but states no horizon, then it covers through the end of the latest listed year', () => {
    const spec = { ...standardBusinessCalendarSpec('Asia/Shanghai'), holidays: ['2025-10-01'], extraWorkdays: ['2025-09-28'] };
    expect(horizonDateOf(spec)).toBe('2025-12-31');
    expect(horizonDateOf({ ...spec, horizon: '2026-06-30' })).toBe('2026-06-30');
  });

  it('when a calendar has no holiday data, then it has no horizon and no deadline is provisional', () => {
    expect(calendarHorizon(standardBusinessCalendarSpec('Asia/Shanghai'))).toBeUndefined();
    expect(calendarHorizon(twentyFourSevenCalendarSpec('Asia/Shanghai'))).toBeUndefined();
    expect(isPastHorizon(undefined, '2099-01-01T00:00:00Z')).toBe(false);
  });

  it('when a deadline falls after the last covered local date, then it is provisional; at its very end it is not', () => {
    const horizon = calendarHorizon(chinaMainlandCalendarSpec())!;
    expect(horizon.endsAt.toISOString()).toBe('2026-12-31T16:00:00.000Z'); // 2027-01-01 00:00 in Shanghai
    expect(isPastHorizon(horizon, '2026-12-31T16:00:00.000Z')).toBe(false);
    expect(isPastHorizon(horizon, '2026-12-31T16:00:00.001Z')).toBe(true);
    // Three business days from the last afternoon of 2026 land in January 2027: provisional.
    const cal = createBusinessCalendar(chinaMainlandCalendarSpec());
    expect(isPastHorizon(horizon, cal.addBusinessDays(new Date('2026-12-30T08:00:00Z'), 3))).toBe(true);
    expect(isPastHorizon(horizon, cal.addBusinessDays(new Date('2026-12-04T08:00:00Z'), 3))).toBe(false);
  });

  it('when asked on 4 December 2026, then 27 days remain to the China horizon, and fewer than none once past it', () => {
    expect(daysToHorizon(chinaMainlandCalendarSpec(), new Date('2026-12-04T12:00:00Z'))).toBe(27);
    expect(daysToHorizon(chinaMainlandCalendarSpec(), new Date('2027-01-02T12:00:00Z'))).toBe(-2);
    expect(daysToHorizon(standardBusinessCalendarSpec('UTC'), new Date())).toBeUndefined();
  });

  it('when a spec states a horizon that is not a date, then it is refused naming the field', () => {
    expect(() => validateCalendarSpec({ ...standardBusinessCalendarSpec('UTC'), horizon: '2026-13-01' })).toThrow(CalendarSpecError);
    expect(() => validateCalendarSpec({ ...standardBusinessCalendarSpec('UTC'), horizon: '2026-13-01' })).toThrow(/^horizon:/);
    expect(validateCalendarSpec({ ...standardBusinessCalendarSpec('UTC'), horizon: '2026-12-31' }).horizon).toBe('2026-12-31');
  });
});
