/**
 * SLA policies: per-priority time limits, optional per-category overrides, and
 * the deadline arithmetic on top of a BusinessCalendar. Pure; workflow-safe.
 *
 * Decisions where the contract leaves a choice:
 * - Minutes are business minutes and days are business days of the policy's
 *   calendar; only an appeal window of kind 'calendar' counts calendar days.
 * - A deadline's warning fires when `warningFraction` of the *business* time
 *   between the clock's start and its due instant has elapsed (warningAt).
 * - previewDeadlines measures the progress-update clock from the first-response
 *   due instant: the first response is the first update the customer gets, so
 *   the preview shows the latest schedule that still meets the contract.
 * - Escalation steps are cumulative: level k is due N_k business days after
 *   level k-1 was due (level 1: after the case opened), if still unresolved.
 * - An appeal window closes at the end (24:00 local) of the Nth calendar or
 *   business date after the local date of resolution, so a customer always gets
 *   N whole days, whatever the hour of resolution.
 * - Category overrides replace fields whole (a ladder or appeal window is never
 *   merged element by element).
 */
import type { BusinessCalendar } from './business-calendar';
import { addCalendarDays } from './business-calendar';

export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PAUSABLE_CLOCKS = ['firstResponse', 'progressUpdate', 'escalation'] as const;
export type PausableClock = (typeof PAUSABLE_CLOCKS)[number];

/** Unresolved for `afterBusinessDays` at level toLevel-1 → escalate to `toLevel`, handled by `unit`. */
export interface EscalationStep {
  toLevel: number;
  afterBusinessDays: number;
  unit: string;
}

export interface SlaRule {
  /** Business minutes to the first response (C3.2). */
  firstResponseMinutes: number;
  /** Business minutes allowed between updates to the customer (C2.1(e)). */
  progressUpdateMinutes: number;
  /** C3.4, ordered by level: toLevel 1, 2, 3, ... */
  escalationLadder: EscalationStep[];
  /** Business days a case may wait on the customer before it times out. */
  waitingOnCustomerTimeoutBusinessDays: number;
  /** Clocks paused while the case waits on the customer. */
  waitingPauses: PausableClock[];
  /** C5.1: how long after resolution the customer may appeal. */
  appealWindow: { days: number; kind: 'calendar' | 'business' };
  appealReviewBusinessDays: number;
  /** C2.2(d). */
  compensationApprovalBusinessDays: number;
  /** Warn when this fraction of a deadline's business span has elapsed; in (0, 1). */
  warningFraction: number;
}

export interface SlaPolicy {
  id: string;
  version: number;
  name: string;
  calendarId: string;
  rules: Record<Priority, SlaRule>;
  categoryOverrides?: Record<string, Partial<Record<Priority, Partial<SlaRule>>>>;
}

export const DEFAULT_CALENDAR_ID = 'cn-mainland';

export interface Deadline {
  due: Date;
  warnAt: Date;
}

export interface DeadlinePreview {
  openedAt: Date;
  firstResponse: Deadline;
  /** Measured from firstResponse.due (see module header). */
  progressUpdate: Deadline;
  /** Cumulative; each warnAt is measured from the previous level's due (level 1: openedAt). */
  escalations: Array<{ toLevel: number; unit: string } & Deadline>;
  waitingOnCustomerTimeoutBusinessDays: number;
  appealWindow: { days: number; kind: 'calendar' | 'business' };
  appealReviewBusinessDays: number;
  compensationApprovalBusinessDays: number;
}

// ---------------------------------------------------------------------------
// Default policy. The contract leaves [XX] placeholders; these fill them.
// A business day of the default calendar (cn-mainland) is 8 hours = 480 minutes.

const ESCALATION_UNITS = ['specialist', 'customer-care-manager', 'management'] as const;

function ladder(days: [number, number, number]): EscalationStep[] {
  return days.map((afterBusinessDays, i) => ({ toLevel: i + 1, afterBusinessDays, unit: ESCALATION_UNITS[i]! }));
}

/** Fields shared by every priority: they concern the customer's rights, not urgency. */
function commonRule(): Pick<
  SlaRule,
  | 'waitingOnCustomerTimeoutBusinessDays'
  | 'waitingPauses'
  | 'appealWindow'
  | 'appealReviewBusinessDays'
  | 'compensationApprovalBusinessDays'
  | 'warningFraction'
> {
  return {
    waitingOnCustomerTimeoutBusinessDays: 5, // a working week to answer before the case times out
    // Waiting on the customer stops the clocks that measure *our* speed after first
    // contact; the first response is never paused (we owe it before asking anything).
    waitingPauses: ['progressUpdate', 'escalation'],
    appealWindow: { days: 15, kind: 'calendar' }, // 15 calendar days, the usual consumer-complaint window
    appealReviewBusinessDays: 5, // a working week to review an appeal
    compensationApprovalBusinessDays: 2, // approval by the next-but-one business day
    warningFraction: 0.75, // warn with a quarter of the span left
  };
}

export const DEFAULT_SLA_POLICY: SlaPolicy = deepFreeze({
  id: 'default',
  version: 1,
  name: 'Default customer-service SLA',
  calendarId: DEFAULT_CALENDAR_ID,
  rules: {
    // Half a business day to answer, two business days between updates; slow ladder.
    LOW: { firstResponseMinutes: 240, progressUpdateMinutes: 960, escalationLadder: ladder([5, 3, 2]), ...commonRule() },
    // One business hour to answer, a business day between updates; 3 days at the
    // front line, then 2 at each further level.
    NORMAL: { firstResponseMinutes: 60, progressUpdateMinutes: 480, escalationLadder: ladder([3, 2, 2]), ...commonRule() },
    // Half an hour to answer, updates every half business day.
    HIGH: { firstResponseMinutes: 30, progressUpdateMinutes: 240, escalationLadder: ladder([2, 1, 1]), ...commonRule() },
    // A quarter hour to answer, hourly updates, one business day per level.
    URGENT: { firstResponseMinutes: 15, progressUpdateMinutes: 60, escalationLadder: ladder([1, 1, 1]), ...commonRule() },
  },
});

// ---------------------------------------------------------------------------
// Validation.

export class SlaPolicyError extends Error {
  override name = 'SlaPolicyError';
}

function fail(path: string, msg: string): never {
  throw new SlaPolicyError(`${path}: ${msg}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail(path, `must be a positive number, got ${JSON.stringify(v)}`);
  return v;
}

function positiveInteger(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(path, `must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}

function nonEmptyString(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail(path, `must be a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function validateLadder(v: unknown, path: string): EscalationStep[] {
  if (!Array.isArray(v)) fail(path, 'must be an array of escalation steps');
  return v.map((step: unknown, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(step)) fail(p, 'must be an object');
    const toLevel = positiveInteger(step.toLevel, `${p}.toLevel`);
    // Levels go 1, 2, 3 ... so "level toLevel-1" always exists and order is unambiguous.
    if (toLevel !== i + 1) fail(`${p}.toLevel`, `ladder must be ordered by level 1, 2, 3, ...; expected ${i + 1}, got ${toLevel}`);
    return {
      toLevel,
      afterBusinessDays: positiveInteger(step.afterBusinessDays, `${p}.afterBusinessDays`),
      unit: nonEmptyString(step.unit, `${p}.unit`),
    };
  });
}

function validateRule(v: unknown, path: string): SlaRule {
  if (!isObject(v)) fail(path, 'must be an object');
  const pauses = v.waitingPauses;
  if (!Array.isArray(pauses)) fail(`${path}.waitingPauses`, 'must be an array');
  for (const c of pauses) {
    if (!(PAUSABLE_CLOCKS as readonly unknown[]).includes(c)) {
      fail(`${path}.waitingPauses`, `unknown clock ${JSON.stringify(c)} (known: ${PAUSABLE_CLOCKS.join(', ')})`);
    }
  }
  if (new Set(pauses).size !== pauses.length) fail(`${path}.waitingPauses`, 'has duplicates');
  const aw = v.appealWindow;
  if (!isObject(aw)) fail(`${path}.appealWindow`, 'must be { days, kind }');
  if (aw.kind !== 'calendar' && aw.kind !== 'business') {
    fail(`${path}.appealWindow.kind`, `must be 'calendar' or 'business', got ${JSON.stringify(aw.kind)}`);
  }
  const wf = v.warningFraction;
  if (typeof wf !== 'number' || !(wf > 0 && wf < 1)) fail(`${path}.warningFraction`, `must be in (0, 1), got ${JSON.stringify(wf)}`);
  return {
    firstResponseMinutes: positiveNumber(v.firstResponseMinutes, `${path}.firstResponseMinutes`),
    progressUpdateMinutes: positiveNumber(v.progressUpdateMinutes, `${path}.progressUpdateMinutes`),
    escalationLadder: validateLadder(v.escalationLadder, `${path}.escalationLadder`),
    waitingOnCustomerTimeoutBusinessDays: positiveInteger(v.waitingOnCustomerTimeoutBusinessDays, `${path}.waitingOnCustomerTimeoutBusinessDays`),
    waitingPauses: [...(pauses as PausableClock[])],
    appealWindow: { days: positiveInteger(aw.days, `${path}.appealWindow.days`), kind: aw.kind },
    appealReviewBusinessDays: positiveInteger(v.appealReviewBusinessDays, `${path}.appealReviewBusinessDays`),
    compensationApprovalBusinessDays: positiveInteger(v.compensationApprovalBusinessDays, `${path}.compensationApprovalBusinessDays`),
    warningFraction: wf,
  };
}

const RULE_KEYS: readonly string[] = [
  'firstResponseMinutes', 'progressUpdateMinutes', 'escalationLadder', 'waitingOnCustomerTimeoutBusinessDays',
  'waitingPauses', 'appealWindow', 'appealReviewBusinessDays', 'compensationApprovalBusinessDays', 'warningFraction',
];

/** Validates a policy (throws SlaPolicyError) and returns a clean copy without unknown fields. */
export function validateSlaPolicy(p: unknown): SlaPolicy {
  if (!isObject(p)) fail('policy', 'must be an object');
  const rulesIn = p.rules;
  if (!isObject(rulesIn)) fail('rules', 'must be an object keyed by priority');
  const rules = {} as Record<Priority, SlaRule>;
  for (const prio of PRIORITIES) rules[prio] = validateRule(rulesIn[prio], `rules.${prio}`);
  for (const key of Object.keys(rulesIn)) {
    if (!(PRIORITIES as readonly string[]).includes(key)) fail(`rules.${key}`, `unknown priority (known: ${PRIORITIES.join(', ')})`);
  }
  const out: SlaPolicy = {
    id: nonEmptyString(p.id, 'id'),
    version: positiveInteger(p.version, 'version'),
    name: nonEmptyString(p.name, 'name'),
    calendarId: nonEmptyString(p.calendarId, 'calendarId'),
    rules,
  };
  if (p.categoryOverrides !== undefined) {
    if (!isObject(p.categoryOverrides)) fail('categoryOverrides', 'must be an object keyed by category');
    const overrides: NonNullable<SlaPolicy['categoryOverrides']> = {};
    for (const [category, byPrio] of Object.entries(p.categoryOverrides)) {
      const path = `categoryOverrides.${category}`;
      if (!isObject(byPrio)) fail(path, 'must be an object keyed by priority');
      overrides[category] = {};
      for (const [prio, partial] of Object.entries(byPrio)) {
        if (!(PRIORITIES as readonly string[]).includes(prio)) fail(`${path}.${prio}`, 'unknown priority');
        if (!isObject(partial)) fail(`${path}.${prio}`, 'must be an object');
        for (const key of Object.keys(partial)) if (!RULE_KEYS.includes(key)) fail(`${path}.${prio}.${key}`, 'unknown rule field');
        // Validate the merged rule, so an override cannot produce a bad effective rule.
        const merged = validateRule({ ...rules[prio as Priority], ...partial }, `${path}.${prio}`);
        const clean: Partial<SlaRule> = {};
        for (const key of Object.keys(partial) as (keyof SlaRule)[]) (clean as Record<string, unknown>)[key] = merged[key];
        overrides[category]![prio as Priority] = clean;
      }
    }
    out.categoryOverrides = overrides;
  }
  return out;
}

/** The effective rule for a priority and optional category (a fresh copy). */
export function resolveSlaRule(policy: SlaPolicy, priority: Priority, category?: string): SlaRule {
  const base = policy.rules[priority];
  if (!base) throw new SlaPolicyError(`unknown priority ${JSON.stringify(priority)} (known: ${PRIORITIES.join(', ')})`);
  const override = category === undefined ? undefined : policy.categoryOverrides?.[category]?.[priority];
  return cloneRule({ ...base, ...override });
}

// ---------------------------------------------------------------------------
// Deadline arithmetic.

/** The instant when `fraction` of the business time between start and due has elapsed. */
export function warningAt(cal: BusinessCalendar, start: Date, due: Date, fraction: number): Date {
  if (typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) {
    throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  }
  const span = cal.businessMinutesBetween(start, due);
  // No business time in between (or due before start): warn at the deadline itself.
  if (span <= 0) return new Date(due.getTime());
  const at = cal.addBusinessMinutes(start, span * fraction);
  return at.getTime() > due.getTime() ? new Date(due.getTime()) : at;
}

function deadline(cal: BusinessCalendar, start: Date, due: Date, fraction: number): Deadline {
  return { due, warnAt: warningAt(cal, start, due, fraction) };
}

export function previewDeadlines(rule: SlaRule, calendar: BusinessCalendar, openedAt: Date): DeadlinePreview {
  const f = rule.warningFraction;
  const frDue = calendar.addBusinessMinutes(openedAt, rule.firstResponseMinutes);
  const puDue = calendar.addBusinessMinutes(frDue, rule.progressUpdateMinutes);
  const escalations: DeadlinePreview['escalations'] = [];
  let from = openedAt;
  for (const step of rule.escalationLadder) {
    const due = calendar.addBusinessDays(from, step.afterBusinessDays);
    escalations.push({ toLevel: step.toLevel, unit: step.unit, ...deadline(calendar, from, due, f) });
    from = due;
  }
  return {
    openedAt: new Date(openedAt.getTime()),
    firstResponse: deadline(calendar, openedAt, frDue, f),
    progressUpdate: deadline(calendar, frDue, puDue, f),
    escalations,
    waitingOnCustomerTimeoutBusinessDays: rule.waitingOnCustomerTimeoutBusinessDays,
    appealWindow: { ...rule.appealWindow },
    appealReviewBusinessDays: rule.appealReviewBusinessDays,
    compensationApprovalBusinessDays: rule.compensationApprovalBusinessDays,
  };
}

/** End (24:00 local) of the Nth calendar or business date after the local date of resolution. */
export function appealWindowCloses(rule: Pick<SlaRule, 'appealWindow'>, calendar: BusinessCalendar, resolvedAt: Date): Date {
  const { days, kind } = rule.appealWindow;
  const resolvedOn = calendar.localDateOf(resolvedAt);
  const lastDay = kind === 'calendar' ? addCalendarDays(resolvedOn, days) : calendar.nthBusinessDate(resolvedOn, days);
  return calendar.startOfLocalDate(addCalendarDays(lastDay, 1));
}

// ---------------------------------------------------------------------------

function cloneRule(r: SlaRule): SlaRule {
  return {
    ...r,
    escalationLadder: r.escalationLadder.map((s) => ({ ...s })),
    waitingPauses: [...r.waitingPauses],
    appealWindow: { ...r.appealWindow },
  };
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
