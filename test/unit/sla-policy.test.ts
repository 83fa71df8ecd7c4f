// SLA policy: validation, rule resolution and deadline previews. Expected instants
// are derived by hand on the China calendar around Spring Festival 2026
// (02-15 Sun .. 02-23 Mon off; Sat 02-14 and Sat 02-28 are make-up workdays).
import { createBusinessCalendar } from '../../domain/business-calendar';
import { chinaMainlandCalendarSpec } from '../../domain/calendar-presets';
import {
  DEFAULT_CALENDAR_ID,
  DEFAULT_SLA_POLICY,
  PRIORITIES,
  SlaPolicy,
  SlaPolicyError,
  appealWindowCloses,
  previewDeadlines,
  resolveSlaRule,
  validateSlaPolicy,
  warningAt,
} from '../../domain/sla-policy';

const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);
const same = (s: string): string => new Date(s).toISOString();

const cn = createBusinessCalendar(chinaMainlandCalendarSpec({ fromYear: 2025, toYear: 2026 }));
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('the default SLA policy', () => {
  it('when validated, then it is accepted unchanged', () => {
    expect(validateSlaPolicy(clone(DEFAULT_SLA_POLICY))).toEqual(DEFAULT_SLA_POLICY);
  });
  it('when inspected, then it uses the China calendar and the documented values', () => {
    expect(DEFAULT_SLA_POLICY.calendarId).toBe(DEFAULT_CALENDAR_ID);
    expect(DEFAULT_CALENDAR_ID).toBe('cn-mainland');
    expect(DEFAULT_SLA_POLICY.rules.NORMAL.firstResponseMinutes).toBe(60);
    expect(DEFAULT_SLA_POLICY.rules.URGENT.firstResponseMinutes).toBe(15);
    expect(DEFAULT_SLA_POLICY.rules.NORMAL.escalationLadder.map((s) => s.afterBusinessDays)).toEqual([3, 2, 2]);
    for (const p of PRIORITIES) {
      const r = DEFAULT_SLA_POLICY.rules[p];
      expect(r.appealWindow).toEqual({ days: 15, kind: 'calendar' });
      expect([r.appealReviewBusinessDays, r.compensationApprovalBusinessDays, r.waitingOnCustomerTimeoutBusinessDays, r.warningFraction]).toEqual([5, 2, 5, 0.75]);
    }
  });
  it('when priorities get more urgent, then first-response limits never grow', () => {
    const fr = PRIORITIES.map((p) => DEFAULT_SLA_POLICY.rules[p].firstResponseMinutes);
    expect([...fr].sort((a, b) => b - a)).toEqual(fr);
  });
  it('when someone tries to mutate it, then it is frozen', () => {
    expect(Object.isFrozen(DEFAULT_SLA_POLICY.rules.NORMAL.escalationLadder)).toBe(true);
  });
});

describe('SLA policy validation', () => {
  const withRule = (patch: Record<string, unknown>): unknown => {
    const p = clone(DEFAULT_SLA_POLICY) as unknown as { rules: Record<string, Record<string, unknown>> };
    Object.assign(p.rules.NORMAL!, patch);
    return p;
  };
  it.each([
    { what: 'a zero first-response time', p: withRule({ firstResponseMinutes: 0 }), msg: /rules\.NORMAL\.firstResponseMinutes/ },
    { what: 'a negative progress-update time', p: withRule({ progressUpdateMinutes: -5 }), msg: /progressUpdateMinutes/ },
    { what: 'an unordered ladder', p: withRule({ escalationLadder: [{ toLevel: 2, afterBusinessDays: 2, unit: 'x' }, { toLevel: 1, afterBusinessDays: 3, unit: 'y' }] }), msg: /ordered by level/ },
    { what: 'a ladder starting at level 2', p: withRule({ escalationLadder: [{ toLevel: 2, afterBusinessDays: 2, unit: 'x' }] }), msg: /ordered by level/ },
    { what: 'a zero-day escalation step', p: withRule({ escalationLadder: [{ toLevel: 1, afterBusinessDays: 0, unit: 'x' }] }), msg: /afterBusinessDays/ },
    { what: 'an escalation step without unit', p: withRule({ escalationLadder: [{ toLevel: 1, afterBusinessDays: 1, unit: '' }] }), msg: /unit/ },
    { what: 'warningFraction 0', p: withRule({ warningFraction: 0 }), msg: /warningFraction/ },
    { what: 'warningFraction 1', p: withRule({ warningFraction: 1 }), msg: /warningFraction/ },
    { what: 'an unknown appeal-window kind', p: withRule({ appealWindow: { days: 15, kind: 'weeks' } }), msg: /appealWindow\.kind/ },
    { what: 'fractional appeal days', p: withRule({ appealWindow: { days: 1.5, kind: 'calendar' } }), msg: /appealWindow\.days/ },
    { what: 'an unknown pausable clock', p: withRule({ waitingPauses: ['resolution'] }), msg: /waitingPauses/ },
    { what: 'a non-positive waiting timeout', p: withRule({ waitingOnCustomerTimeoutBusinessDays: 0 }), msg: /waitingOnCustomerTimeoutBusinessDays/ },
    { what: 'a missing priority', p: { ...clone(DEFAULT_SLA_POLICY), rules: { LOW: DEFAULT_SLA_POLICY.rules.LOW } }, msg: /rules\.NORMAL/ },
    { what: 'an unknown priority', p: { ...clone(DEFAULT_SLA_POLICY), rules: { ...clone(DEFAULT_SLA_POLICY.rules), CRITICAL: DEFAULT_SLA_POLICY.rules.LOW } }, msg: /rules\.CRITICAL/ },
    { what: 'version 0', p: { ...clone(DEFAULT_SLA_POLICY), version: 0 }, msg: /version/ },
    { what: 'an empty calendar id', p: { ...clone(DEFAULT_SLA_POLICY), calendarId: '' }, msg: /calendarId/ },
    { what: 'an override with a bad value', p: { ...clone(DEFAULT_SLA_POLICY), categoryOverrides: { billing: { HIGH: { firstResponseMinutes: -1 } } } }, msg: /categoryOverrides\.billing\.HIGH\.firstResponseMinutes/ },
    { what: 'an override with an unknown field', p: { ...clone(DEFAULT_SLA_POLICY), categoryOverrides: { billing: { HIGH: { speed: 1 } } } }, msg: /unknown rule field/ },
    { what: 'an override for an unknown priority', p: { ...clone(DEFAULT_SLA_POLICY), categoryOverrides: { billing: { ASAP: {} } } }, msg: /unknown priority/ },
    { what: 'no object at all', p: 'policy', msg: /must be an object/ },
  ])('when a policy has $what, then validation throws a clear error', ({ p, msg }) => {
    expect(() => validateSlaPolicy(p)).toThrow(SlaPolicyError);
    expect(() => validateSlaPolicy(p)).toThrow(msg);
  });
});

describe('resolving the rule for a case', () => {
  const policy: SlaPolicy = validateSlaPolicy({
    ...clone(DEFAULT_SLA_POLICY),
    categoryOverrides: { billing: { URGENT: { firstResponseMinutes: 10, appealWindow: { days: 30, kind: 'business' } } } },
  });
  it('when no category is given, then the priority rule applies', () => {
    expect(resolveSlaRule(policy, 'URGENT')).toEqual(DEFAULT_SLA_POLICY.rules.URGENT);
  });
  it('when the category overrides some fields, then only those change', () => {
    const r = resolveSlaRule(policy, 'URGENT', 'billing');
    expect(r.firstResponseMinutes).toBe(10);
    expect(r.appealWindow).toEqual({ days: 30, kind: 'business' });
    expect(r.progressUpdateMinutes).toBe(DEFAULT_SLA_POLICY.rules.URGENT.progressUpdateMinutes);
  });
  it('when the category has no override for the priority, then the priority rule applies', () => {
    expect(resolveSlaRule(policy, 'LOW', 'billing')).toEqual(DEFAULT_SLA_POLICY.rules.LOW);
    expect(resolveSlaRule(policy, 'LOW', 'unknown-category')).toEqual(DEFAULT_SLA_POLICY.rules.LOW);
  });
  it('when the resolved rule is mutated, then the policy is unaffected', () => {
    const r = resolveSlaRule(policy, 'NORMAL');
    r.escalationLadder.push({ toLevel: 4, afterBusinessDays: 1, unit: 'board' });
    expect(policy.rules.NORMAL.escalationLadder).toHaveLength(3);
  });
  it('when the priority is unknown, then it throws', () => {
    expect(() => resolveSlaRule(policy, 'CRITICAL' as never)).toThrow(/unknown priority/);
  });
});

describe('warning instants', () => {
  it.each([
    { when: 'a one-hour span starts at 09:00', start: '2026-03-03T09:00+08:00', due: '2026-03-03T10:00+08:00', f: 0.75, then: '2026-03-03T09:45+08:00' },
    // Span: 17:30-18:00 Tue (30) + 09:00-09:30 Wed (30) = 60; 45 in: Wed 09:15.
    { when: 'a span crosses the night', start: '2026-03-03T17:30+08:00', due: '2026-03-04T09:30+08:00', f: 0.75, then: '2026-03-04T09:15+08:00' },
    // Span: 11:00-12:00 (60) + 13:00-14:00 (60) = 120; half is 12:00, the lunch close.
    { when: 'half of a span is reached at lunch', start: '2026-03-03T11:00+08:00', due: '2026-03-03T14:00+08:00', f: 0.5, then: '2026-03-03T12:00+08:00' },
    { when: 'due is before start', start: '2026-03-03T11:00+08:00', due: '2026-03-03T10:00+08:00', f: 0.5, then: '2026-03-03T10:00+08:00' },
    { when: 'the span holds no business time', start: '2026-03-03T12:10+08:00', due: '2026-03-03T12:50+08:00', f: 0.5, then: '2026-03-03T12:50+08:00' },
  ])('when $when, then the warning is at $then', ({ start, due, f, then }) => {
    expect(iso(warningAt(cn, at(start), at(due), f))).toBe(same(then));
  });
  it('when the fraction is outside [0, 1], then it throws', () => {
    expect(() => warningAt(cn, at('2026-03-03T09:00+08:00'), at('2026-03-03T10:00+08:00'), 1.5)).toThrow(RangeError);
  });
});

describe('deadline preview for a NORMAL case opened Friday 2026-02-13 17:00 (before Spring Festival)', () => {
  const preview = previewDeadlines(DEFAULT_SLA_POLICY.rules.NORMAL, cn, at('2026-02-13T17:00+08:00'));

  it('when previewed, then the first response is due at Friday close and warns at 17:45', () => {
    expect(iso(preview.firstResponse.due)).toBe(same('2026-02-13T18:00+08:00'));
    expect(iso(preview.firstResponse.warnAt)).toBe(same('2026-02-13T17:45+08:00'));
  });
  it('when previewed, then the progress update is a business day after the first-response due (the make-up Saturday)', () => {
    expect(iso(preview.progressUpdate.due)).toBe(same('2026-02-14T18:00+08:00'));
    expect(iso(preview.progressUpdate.warnAt)).toBe(same('2026-02-14T16:00+08:00'));
  });
  it('when previewed, then escalations are cumulative in business days and skip the festival', () => {
    // L1: 3 business dates after 02-13 -> 02-14, 02-24, 02-25. Span 60+480+480+420 = 1440; 75% = 1080 -> 02-25 10:00.
    // L2: 2 after 02-25 -> 02-26, 02-27. Span 60+480+420 = 960; 720 -> 02-27 12:00.
    // L3: 2 after 02-27 -> 02-28 (make-up Saturday), 03-02. Span 960; 720 -> 03-02 12:00.
    expect(preview.escalations.map((e) => [e.toLevel, e.unit, iso(e.due), iso(e.warnAt)])).toEqual([
      [1, 'specialist', same('2026-02-25T17:00+08:00'), same('2026-02-25T10:00+08:00')],
      [2, 'customer-care-manager', same('2026-02-27T17:00+08:00'), same('2026-02-27T12:00+08:00')],
      [3, 'management', same('2026-03-02T17:00+08:00'), same('2026-03-02T12:00+08:00')],
    ]);
  });
  it('when previewed, then the day counts are carried over', () => {
    expect(preview).toMatchObject({
      waitingOnCustomerTimeoutBusinessDays: 5,
      appealWindow: { days: 15, kind: 'calendar' },
      appealReviewBusinessDays: 5,
      compensationApprovalBusinessDays: 2,
    });
    expect(iso(preview.openedAt)).toBe(same('2026-02-13T17:00+08:00'));
  });
});

describe('appeal window', () => {
  it('when 15 calendar days are allowed after a Friday resolution, then the window closes at the end of day 15', () => {
    // 02-13 + 15 = 02-28; closes at 24:00 of 02-28.
    expect(iso(appealWindowCloses({ appealWindow: { days: 15, kind: 'calendar' } }, cn, at('2026-02-13T17:00+08:00')))).toBe(same('2026-03-01T00:00+08:00'));
  });
  it('when 5 business days are allowed, then the festival is skipped', () => {
    // 02-14, 02-24, 02-25, 02-26, 02-27 -> closes at 24:00 of 02-27.
    expect(iso(appealWindowCloses({ appealWindow: { days: 5, kind: 'business' } }, cn, at('2026-02-13T17:00+08:00')))).toBe(same('2026-02-28T00:00+08:00'));
  });
  it('when resolved just after local midnight, then the local date counts, not the UTC date', () => {
    // 2026-03-03T00:30+08:00 is still 03-02 in UTC; local date 03-03 + 1 = 03-04, closes 03-05 00:00.
    expect(iso(appealWindowCloses({ appealWindow: { days: 1, kind: 'calendar' } }, cn, at('2026-03-03T00:30+08:00')))).toBe(same('2026-03-05T00:00+08:00'));
  });
  it('when the window spans a DST change, then it closes at local midnight', () => {
    const ny = createBusinessCalendar({ timezone: 'America/New_York', weekly: { mon: [['09:00', '17:00']] } });
    expect(iso(appealWindowCloses({ appealWindow: { days: 10, kind: 'calendar' } }, ny, at('2025-03-01T12:00-05:00')))).toBe(same('2025-03-12T00:00-04:00'));
  });
});
