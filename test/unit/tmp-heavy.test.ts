// Property tests: laws that must hold for any start and amount, on calendars
// chosen to stress lunch breaks, holidays, make-up days, DST and 24:00 seams.
import fc from 'fast-check';
import { CalendarSpec, createBusinessCalendar } from '../../domain/business-calendar';
import { chinaMainlandCalendarSpec } from '../../domain/calendar-presets';

const MINUTE = 60_000;

const weekdays = (hours: [string, string][]): CalendarSpec['weekly'] => ({
  mon: hours, tue: hours, wed: hours, thu: hours, fri: hours,
});

const specs: Record<string, CalendarSpec> = {
  'cn-mainland': chinaMainlandCalendarSpec({ fromYear: 2024, toYear: 2026 }),
  'new-york office': { timezone: 'America/New_York', weekly: weekdays([['09:00', '17:00']]) },
  'london split + saturday': {
    timezone: 'Europe/London',
    weekly: { ...weekdays([['08:00', '12:30'], ['13:30', '17:00']]), sat: [['10:00', '14:00']] },
    holidays: ['2025-12-25', '2025-12-26'],
  },
  'new-york night shift (DST inside hours)': {
    timezone: 'America/New_York',
    weekly: { ...weekdays([['01:00', '04:00']]), sat: [['01:00', '04:00']], sun: [['01:00', '04:00']] },
  },
  'utc overnight (24:00 seams)': {
    timezone: 'UTC',
    weekly: { mon: [['18:00', '24:00']], tue: [['00:00', '06:00']], fri: [['22:00', '24:00']], sat: [['00:00', '02:00']] },
  },
  'new-york 24x7': {
    timezone: 'America/New_York',
    weekly: { ...weekdays([['00:00', '24:00']]), sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
  },
};
const calendars = Object.entries(specs).map(([name, spec]) => ({ name, spec, cal: createBusinessCalendar(spec) }));

const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 1) }).map((ms) => new Date(ms));
/** Whole minutes, or a whole number of milliseconds expressed in minutes. */
const amount = fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 20_000 * MINUTE }).map((ms) => ms / MINUTE));
const runs = { numRuns: 1500 };

describe.each(calendars)('business-calendar laws on $name', ({ cal }) => {
  const closeOrBusiness = (t: Date): boolean =>
    cal.isBusinessTime(t) || (cal.isBusinessTime(new Date(t.getTime() - 1)) && !cal.isBusinessTime(t));

  it('when N minutes are added, then the business time between start and result is N', () => {
    fc.assert(fc.property(instant, amount, (s, n) => {
      expect(cal.businessMinutesBetween(s, cal.addBusinessMinutes(s, n))).toBe(n);
    }), runs);
  });

  it('when N minutes are subtracted, then the business time between result and start is N', () => {
    fc.assert(fc.property(instant, amount, (s, n) => {
      expect(cal.businessMinutesBetween(cal.subtractBusinessMinutes(s, n), s)).toBe(n);
    }), runs);
  });

  it('when the amount grows, then the result never moves earlier', () => {
    fc.assert(fc.property(instant, amount, amount, (s, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(cal.addBusinessMinutes(s, lo).getTime()).toBeLessThanOrEqual(cal.addBusinessMinutes(s, hi).getTime());
      expect(cal.subtractBusinessMinutes(s, lo).getTime()).toBeGreaterThanOrEqual(cal.subtractBusinessMinutes(s, hi).getTime());
    }), runs);
  });

  it('when minutes are added, then the result is business time or an exact close', () => {
    fc.assert(fc.property(instant, amount, (s, n) => {
      const r = cal.addBusinessMinutes(s, n);
      expect(n === 0 ? cal.isBusinessTime(r) : closeOrBusiness(r)).toBe(true);
      expect(closeOrBusiness(cal.subtractBusinessMinutes(s, n))).toBe(true);
    }), runs);
  });

  it('when a start inside business hours has minutes added then subtracted, then the start comes back', () => {
    fc.assert(fc.property(instant, amount.filter((n) => n > 0), (t, n) => {
      const s = cal.nextBusinessTime(t);
      expect(cal.subtractBusinessMinutes(cal.addBusinessMinutes(s, n), n).getTime()).toBe(s.getTime());
    }), runs);
  });

  it('when a reachable start has minutes subtracted then added, then the start comes back', () => {
    fc.assert(fc.property(instant, amount.filter((n) => n > 0), (t, n) => {
      const s = cal.previousBusinessTime(t);
      expect(cal.addBusinessMinutes(cal.subtractBusinessMinutes(s, n), n).getTime()).toBe(s.getTime());
    }), runs);
  });

  it('when a negative amount is added, then it equals subtracting its magnitude', () => {
    // -0 is not negative: adding -0 rolls forward like adding 0.
    fc.assert(fc.property(instant, amount.filter((n) => n > 0), (s, n) => {
      expect(cal.addBusinessMinutes(s, -n).getTime()).toBe(cal.subtractBusinessMinutes(s, n).getTime());
      expect(cal.subtractBusinessMinutes(s, -n).getTime()).toBe(cal.addBusinessMinutes(s, n).getTime());
    }), runs);
  });

  it('when between is taken both ways, then it is antisymmetric and additive', () => {
    fc.assert(fc.property(instant, instant, instant, (a, b, c) => {
      expect(cal.businessMinutesBetween(a, b)).toBe(-cal.businessMinutesBetween(b, a) || 0);
      const split = cal.businessMinutesBetween(a, b) + cal.businessMinutesBetween(b, c);
      expect(split).toBeCloseTo(cal.businessMinutesBetween(a, c), 6);
    }), runs);
  });

  it('when business days are added, then the result is on the right side of the start and is business time (or a close going back)', () => {
    fc.assert(fc.property(instant, fc.integer({ min: -30, max: 30 }), (s, n) => {
      const r = cal.addBusinessDays(s, n);
      if (n > 0) expect(r.getTime()).toBeGreaterThan(s.getTime());
      if (n < 0) expect(r.getTime()).toBeLessThan(s.getTime());
      expect(n >= 0 ? cal.isBusinessTime(r) : closeOrBusiness(r)).toBe(true);
    }), runs);
  });

  it('when N business days are added, then exactly N business dates lie after the start date up to the result date', () => {
    fc.assert(fc.property(instant, fc.integer({ min: 1, max: 30 }), (s, n) => {
      const target = cal.nthBusinessDate(cal.localDateOf(s), n);
      let count = 0;
      for (let d = cal.localDateOf(s); d < target; ) {
        d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (cal.isBusinessDay(d)) count++;
      }
      expect(count).toBe(n);
      expect(cal.isBusinessDay(target)).toBe(true);
    }), { numRuns: 100 });
  });
});

// ---------------------------------------------------------------------------
// Agreement with a naive, obviously-correct reference that steps minute by minute
// and reads the wall clock straight from Intl. It knows nothing of DST gaps, so it
// is only used on calendars whose opens and closes never fall in a DST change.

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string, ms: number): { date: string; weekday: string; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday!.toLowerCase(), minute: Number(p.hour) * 60 + Number(p.minute) };
}
const toMin = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
function naiveIsBusiness(spec: CalendarSpec, ms: number): boolean {
  const w = wallClock(spec.timezone, ms);
  if (spec.holidays?.includes(w.date)) return false;
  const hours = spec.extraWorkdays?.includes(w.date)
    ? (spec.extraWorkdayHours ?? spec.weekly.mon ?? [])
    : (spec.weekly[w.weekday as keyof CalendarSpec['weekly']] ?? []);
  return hours.some(([o, c]) => toMin(o) <= w.minute && w.minute < toMin(c));
}
function naiveAdd(spec: CalendarSpec, start: number, minutes: number): number {
  let t = start;
  if (minutes === 0) {
    while (!naiveIsBusiness(spec, t)) t += MINUTE;
    return t;
  }
  for (let used = 0; ; t += MINUTE) {
    if (naiveIsBusiness(spec, t) && ++used === minutes) return t + MINUTE;
  }
}
function naiveBetween(spec: CalendarSpec, a: number, b: number): number {
  let n = 0;
  for (let t = a; t < b; t += MINUTE) if (naiveIsBusiness(spec, t)) n++;
  return n;
}

const minuteInstant = fc.integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2026, 11, 1) / MINUTE }).map((m) => m * MINUTE);
const referenced = calendars.filter((c) => ['cn-mainland', 'new-york office', 'london split + saturday', 'utc overnight (24:00 seams)'].includes(c.name));

describe.each(referenced)('agreement with a minute-stepping reference on $name', ({ spec, cal }) => {
  it('when whole minutes are added, then the result matches the reference', () => {
    fc.assert(fc.property(minuteInstant, fc.integer({ min: 0, max: 1500 }), (s, n) => {
      expect(cal.addBusinessMinutes(new Date(s), n).getTime()).toBe(naiveAdd(spec, s, n));
    }), { numRuns: 40 });
  });
  it('when minutes are counted between two instants, then the count matches the reference', () => {
    fc.assert(fc.property(minuteInstant, fc.integer({ min: 0, max: 4 * 1440 }), (a, span) => {
      const b = a + span * MINUTE;
      expect(cal.businessMinutesBetween(new Date(a), new Date(b))).toBe(naiveBetween(spec, a, b));
    }), { numRuns: 40 });
  });
});

// ---------------------------------------------------------------------------
// Random calendars: random weekly hours (on 15-minute marks, 24:00 closes
// included), holidays and make-up days, in zones with odd DST rules (30-minute
// shifts, changes at midnight). The laws are about instants, so they must hold
// whatever the DST rules do to the wall clock.

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const dayHours = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((marks) => {
    const sorted = [...marks].sort((a, b) => a - b);
    const out: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i]! * 15), hhmm(sorted[i + 1]! * 15)]);
    return out;
  });
const date2025 = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
const randomSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timezone: fc.constantFrom('UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Asia/Shanghai'),
    mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours,
    holidays: fc.array(date2025, { maxLength: 20 }),
    extraWorkdays: fc.array(date2025, { maxLength: 5 }),
  })
  .filter((r) => [r.mon, r.tue, r.wed, r.thu, r.fri, r.sat, r.sun].some((h) => h.length > 0) && r.mon.length > 0)
  .map(({ timezone, holidays, extraWorkdays, ...weekly }) => ({ timezone, weekly, holidays, extraWorkdays }));

describe('business-calendar laws on random calendars', () => {
  it('when minutes are added or subtracted, then between gives the amount back and the results are business time or a close', () => {
    fc.assert(fc.property(randomSpec, instant, amount, (spec, s, n) => {
      const cal = createBusinessCalendar(spec);
      const up = cal.addBusinessMinutes(s, n);
      const down = cal.subtractBusinessMinutes(s, n);
      expect(cal.businessMinutesBetween(s, up)).toBe(n);
      expect(cal.businessMinutesBetween(down, s)).toBe(n);
      for (const r of [up, down]) {
        expect(cal.isBusinessTime(r) || (cal.isBusinessTime(new Date(r.getTime() - 1)) && !cal.isBusinessTime(r))).toBe(true);
      }
      if (n > 0) {
        const inside = cal.nextBusinessTime(s);
        expect(cal.subtractBusinessMinutes(cal.addBusinessMinutes(inside, n), n).getTime()).toBe(inside.getTime());
      }
    }), { numRuns: 3000 });
  });
});
