// The case's clocks as data: when each deadline falls, when to warn, pausing while
// waiting on the customer, and recomputation when the policy or calendar changes.
// Pure: the workflow sleeps until `nextWakeAt` and then calls the domain's `tick`.
import type { BusinessCalendar } from './business-calendar';
import type { ClockKind, Deadline, CaseState } from './case-state';
import { appealWindowCloses, warningAt, type SlaRule } from './sla-policy';

export interface ClockContext {
  rule: SlaRule;
  calendar: BusinessCalendar;
}

const iso = (d: Date): string => d.toISOString();

/** Which clocks the policy's `waitingPauses` names. */
const PAUSE_NAMES: Record<string, ClockKind> = {
  firstResponse: 'FIRST_RESPONSE',
  progressUpdate: 'PROGRESS_UPDATE',
  escalation: 'ESCALATION',
};

/** Windows are not service promises: their expiry moves the case on but is no breach. */
export const WINDOW_CLOCKS: ReadonlySet<ClockKind> = new Set(['APPEAL_WINDOW', 'CUSTOMER_REPLY', 'ESCALATION']);

/** The due time of a clock started at `startedAt`, ignoring pauses. */
export function baseDue(kind: ClockKind, startedAt: Date, ref: string | undefined, ctx: ClockContext): Date {
  const { rule, calendar } = ctx;
  switch (kind) {
    case 'FIRST_RESPONSE':
      return calendar.addBusinessMinutes(startedAt, rule.firstResponseMinutes);
    case 'PROGRESS_UPDATE':
      return calendar.addBusinessMinutes(startedAt, rule.progressUpdateMinutes);
    case 'ESCALATION': {
      const step = escalationStepFrom(Number(ref ?? 0), rule);
      if (!step) throw new Error(`no escalation step above level ${ref}`);
      return calendar.addBusinessDays(startedAt, step.afterBusinessDays);
    }
    case 'CUSTOMER_REPLY':
      return calendar.addBusinessDays(startedAt, rule.waitingOnCustomerTimeoutBusinessDays);
    case 'APPEAL_WINDOW': // C5.1: through the end of the Nth (calendar or business) day
      return appealWindowCloses(rule, calendar, startedAt);
    case 'APPEAL_REVIEW':
      return calendar.addBusinessDays(startedAt, rule.appealReviewBusinessDays);
    case 'COMPENSATION_APPROVAL':
      return calendar.addBusinessDays(startedAt, rule.compensationApprovalBusinessDays);
  }
}

/** The ladder step that leaves `level`, if the ladder goes higher. */
export function escalationStepFrom(level: number, rule: SlaRule) {
  return rule.escalationLadder.find((s) => s.toLevel === level + 1);
}

/** Sets `due` and `warnAt` from the start, the policy and the time spent paused. */
function schedule(d: Deadline, ctx: ClockContext): void {
  const start = new Date(d.startedAt);
  const due = baseDue(d.kind, start, d.ref, ctx);
  // Warn when the policy's fraction of the clock's business time has gone by.
  const warnBase = warningAt(ctx.calendar, start, due, ctx.rule.warningFraction);
  d.due = iso(shift(due, d.pausedMinutes, ctx));
  d.warnAt = iso(shift(warnBase, d.pausedMinutes, ctx));
}

const shift = (t: Date, minutes: number, ctx: ClockContext): Date =>
  minutes > 0 ? ctx.calendar.addBusinessMinutes(t, minutes) : t;

export function startClock(
  state: CaseState,
  kind: ClockKind,
  now: Date,
  ctx: ClockContext,
  ref?: string,
): Deadline {
  const d: Deadline = {
    id: `${kind}-${(state.clocksStarted = (state.clocksStarted ?? state.deadlines.length) + 1)}`,
    kind,
    startedAt: iso(now),
    due: '',
    warnAt: '',
    status: 'PENDING',
    warned: false,
    pausedMinutes: 0,
    ...(ref !== undefined ? { ref } : {}),
  };
  schedule(d, ctx);
  state.deadlines.push(d);
  pruneSettled(state);
  return d;
}

/** Settled clocks kept for the view; older ones live on in the interaction log and history. */
export const SETTLED_CLOCKS_KEPT = 20;

/**
 * Keeps the state (and so the continue-as-new input and every query answer) bounded on
 * a long case: all running clocks, and only the most recent settled ones.
 */
function pruneSettled(state: CaseState): void {
  const settled = state.deadlines.filter((d) => d.status !== 'PENDING');
  if (settled.length <= SETTLED_CLOCKS_KEPT) return;
  const drop = new Set(settled.slice(0, settled.length - SETTLED_CLOCKS_KEPT));
  state.deadlines = state.deadlines.filter((d) => !drop.has(d));
}

export const pending = (state: CaseState, kind?: ClockKind): Deadline[] =>
  state.deadlines.filter((d) => d.status === 'PENDING' && (kind === undefined || d.kind === kind));

/** Ends the pending clocks of a kind (optionally only one ref) as met or cancelled. */
export function stopClocks(
  state: CaseState,
  kind: ClockKind,
  now: Date,
  how: 'MET' | 'CANCELLED',
  ref?: string,
): void {
  for (const d of pending(state, kind)) {
    if (ref !== undefined && d.ref !== ref) continue;
    d.status = how;
    d.endedAt = iso(now);
    delete d.pausedAt;
  }
}

export function pauseClocks(state: CaseState, now: Date, ctx: ClockContext): void {
  const kinds = new Set(ctx.rule.waitingPauses.map((p) => PAUSE_NAMES[p]));
  for (const d of pending(state)) if (kinds.has(d.kind) && !d.pausedAt) d.pausedAt = iso(now);
}

export function resumeClocks(state: CaseState, now: Date, ctx: ClockContext): void {
  for (const d of pending(state)) {
    if (!d.pausedAt) continue;
    d.pausedMinutes += Math.max(0, ctx.calendar.businessMinutesBetween(new Date(d.pausedAt), now));
    delete d.pausedAt;
    schedule(d, ctx);
  }
}

/** A changed policy or calendar: every pending clock gets its due time anew. */
export function rescheduleAll(state: CaseState, ctx: ClockContext): void {
  for (const d of pending(state)) {
    if (d.kind === 'ESCALATION' && !escalationStepFrom(Number(d.ref ?? 0), ctx.rule)) {
      d.status = 'CANCELLED'; // the new ladder has no level above this one
      continue;
    }
    const before = d.due;
    schedule(d, ctx);
    if (d.due !== before) d.warned = false; // a moved deadline warns anew
  }
}

/** When a running clock next needs attention: its warning, or once warned, its due time. */
export const nextEventOf = (d: Deadline): number =>
  d.warned ? Date.parse(d.due) : Math.min(Date.parse(d.warnAt), Date.parse(d.due));

/** The earliest instant at which a running clock warns or falls due. */
export function nextWakeAt(state: CaseState): Date | undefined {
  let next: number | undefined;
  for (const d of pending(state)) {
    if (d.pausedAt) continue;
    const t = nextEventOf(d);
    if (next === undefined || t < next) next = t;
  }
  return next === undefined ? undefined : new Date(next);
}

/** The next due time of a running clock, for search attributes and summaries. */
export function nextDeadline(state: CaseState): Deadline | undefined {
  return pending(state)
    .filter((d) => !d.pausedAt)
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due))[0];
}

/** After a policy change: an active case below a (new) ladder step gets its clock. */
export function ensureLadderClock(state: CaseState, ctx: ClockContext, now: Date): void {
  const active = ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER'].includes(state.status);
  if (!active || pending(state, 'ESCALATION').length > 0 || !escalationStepFrom(state.level, ctx.rule)) return;
  const d = startClock(state, 'ESCALATION', now, ctx, String(state.level));
  if (state.status === 'WAITING_ON_CUSTOMER' && ctx.rule.waitingPauses.includes('escalation')) d.pausedAt = now.toISOString();
}
