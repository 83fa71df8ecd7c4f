// Where a case goes up the escalation ladder and to whom: the specialist units of C1.4,
// the ladder of the case's SLA rule (C3.4), and the hand-over itself.
import type { CaseState } from '../case-state';
import type { Actor, Category, Unit } from '../case-types';
import { escalationStepFrom, startClock, stopClocks, type ClockContext } from '../clocks';
import { leaveWaiting } from './lifecycle';
import { record, SYSTEM, type Ctx, type Outcome } from './outcome';

// C1.4: categories that must leave front line for their specialist unit.
export const SPECIALIST_UNITS: Partial<Record<Category, Unit>> = {
  SECURITY_VULNERABILITY: 'security',
  BILLING_ERROR: 'billing',
  CORE_TECHNICAL_FAILURE: 'technical-support',
  MAJOR_DEFECT: 'r-and-d',
};

export const topLevel = (ctx: ClockContext): number => Math.max(1, ...ctx.rule.escalationLadder.map((s) => s.toLevel));

/**
 * Who handles a level: leaving front line, a C1.4 category goes to its specialist unit;
 * otherwise the ladder names the unit (management when it says nothing).
 */
function unitFor(state: CaseState, level: number, ctx: ClockContext): Unit {
  if (state.level === 0 && level === 1 && SPECIALIST_UNITS[state.category]) return SPECIALIST_UNITS[state.category]!;
  return (ctx.rule.escalationLadder.find((s) => s.toLevel === level)?.unit as Unit | undefined) ?? (level === 0 ? 'front-line' : 'management');
}

/** Escalation path for the customer (C3.4): where the case goes next, level by level. */
export function escalationPath(state: CaseState, ctx: ClockContext): string {
  const steps = ctx.rule.escalationLadder.filter((s) => s.toLevel > state.level).map((s) => unitFor(state, s.toLevel, ctx));
  return steps.length ? steps.join(' → ') : `${state.unit} (final level)`;
}

/**
 * Moves the case up (C3.4, C1.4, C2.2(e)): hands the whole history over, restarts the
 * ladder clock at the new level and tells the customer the escalation path.
 */
export function escalate(
  state: CaseState,
  out: Outcome,
  ctx: Ctx,
  by: Pick<Actor, 'id' | 'role'>,
  opts: { reason: string; trigger: CaseState['escalations'][number]['trigger']; toLevel?: number; unit?: Unit },
): void {
  // At the top of the ladder a further escalation is a re-assessment at the same level.
  const toLevel = Math.min(opts.toLevel ?? state.level + 1, Math.max(topLevel(ctx), state.level));
  const unit = opts.unit ?? unitFor(state, toLevel, ctx);
  leaveWaiting(state, ctx, 'CANCELLED');
  const fromLevel = state.level;
  state.escalations.push({ fromLevel, toLevel, unit, reason: opts.reason, trigger: opts.trigger, by: by.id, at: ctx.now.toISOString() });
  state.level = toLevel;
  state.unit = unit;
  if (state.status !== 'APPEALED') {
    state.status = state.firstRespondedAt || state.status !== 'OPEN' ? 'ESCALATED' : 'OPEN';
    stopClocks(state, 'ESCALATION', ctx.now, 'CANCELLED');
    if (escalationStepFrom(toLevel, ctx.rule)) startClock(state, 'ESCALATION', ctx.now, ctx, String(toLevel));
  }
  const path = escalationPath(state, ctx);
  record(state, out, ctx.now, by, {
    kind: 'ESCALATED',
    content: opts.reason,
    measures: `handed over to ${unit} (level ${toLevel}) with the full case history (${state.seq} entries)`,
    result: `further escalation path: ${path}`,
    visibleToCustomer: true,
  });
  out.notices.push({
    type: 'case.escalated',
    audience: ['customer', 'unit', 'supervisor'],
    summary: `Case escalated from level ${fromLevel} to level ${toLevel} (${unit}): ${opts.reason}`,
    data: { fromLevel, toLevel, unit, trigger: opts.trigger, escalationPath: path },
  });
}

/** C1.4: a specialist category goes to its unit once front line has answered the customer and recorded a finding. */
export function routeIfRequired(state: CaseState, out: Outcome, ctx: Ctx): void {
  const unit = SPECIALIST_UNITS[state.category];
  if (!unit || state.level > 0 || !state.firstRespondedAt || !state.preliminaryFinding) return;
  escalate(state, out, ctx, SYSTEM, {
    reason: `category ${state.category} is handled by the ${unit} unit`,
    trigger: 'CATEGORY',
    toLevel: 1,
    unit,
  });
}
