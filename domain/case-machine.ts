// The case lifecycle as a pure state machine: what each actor may do in each status,
// and what it changes. The workflow calls `applyCommand` on a copy in its Update
// validators (so a rejection changes nothing) and on the real state in the handlers.
import { compensationLimit, CUSTOMER_SIDE_ROLES, isStaff, REVIEWER_ROLES } from './authority';
import type { CaseCommand, Notice } from './case-commands';
import { ActionRejected } from './case-errors';
import type { CaseState, Interaction } from './case-state';
import { RECENT_INTERACTIONS_KEPT } from './case-state';
import type { Actor, CaseStatus, Category, Channel, Unit } from './case-types';
import {
  escalationStepFrom,
  pauseClocks,
  pending,
  resumeClocks,
  startClock,
  stopClocks,
  type ClockContext,
} from './clocks';

/** What an action or a clock produced besides the new state: log entries and notices. */
export interface Outcome {
  interactions: Interaction[];
  notices: Notice[];
}

const ACTIVE: CaseStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED'];

// C1.4: categories that must leave front line for their specialist unit.
export const SPECIALIST_UNITS: Partial<Record<Category, Unit>> = {
  SECURITY_VULNERABILITY: 'security',
  BILLING_ERROR: 'billing',
  CORE_TECHNICAL_FAILURE: 'technical-support',
  MAJOR_DEFECT: 'r-and-d',
};

export interface Ctx extends ClockContext {
  now: Date;
}

export function newOutcome(): Outcome {
  return { interactions: [], notices: [] };
}

/** Appends an interaction to the log (C2.1(f)); sequence numbers are gap-free per case. */
export function record(
  state: CaseState,
  out: Outcome,
  now: Date,
  actor: Pick<Actor, 'id' | 'role'>,
  entry: Omit<Interaction, 'seq' | 'at' | 'actorId' | 'actorRole' | 'channel'> & { channel?: Channel },
): Interaction {
  state.seq += 1;
  const { channel, ...rest } = entry;
  const i: Interaction = {
    ...rest,
    seq: state.seq,
    at: now.toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    channel: channel ?? state.channel,
  };
  state.recentInteractions.push(i);
  if (state.recentInteractions.length > RECENT_INTERACTIONS_KEPT) state.recentInteractions.shift();
  out.interactions.push(i);
  return i;
}

const SYSTEM: Pick<Actor, 'id' | 'role'> = { id: 'casekeeper', role: 'system' };
export { SYSTEM };

function requireStatus(state: CaseState, allowed: CaseStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw new ActionRejected(`${action} is not allowed while the case is ${state.status}`);
  }
}

function requireStaff(actor: Actor, action: string): void {
  if (!isStaff(actor)) throw new ActionRejected(`${action} is for customer-service staff`, 'FORBIDDEN');
}

function requireCustomerSide(state: CaseState, actor: Actor, action: string): void {
  if (!CUSTOMER_SIDE_ROLES.has(actor.role)) {
    throw new ActionRejected(`${action} is for the customer`, 'FORBIDDEN');
  }
  if (actor.role === 'customer' && actor.customerId !== state.customerId) {
    throw new ActionRejected('this case belongs to another customer', 'FORBIDDEN');
  }
}

function noteHandler(state: CaseState, actor: Actor): void {
  if (isStaff(actor) && !state.handlers.includes(actor.id)) state.handlers.push(actor.id);
}

/** The first staff answer to the customer meets the first-response clock (C3.2). */
function firstResponse(state: CaseState, ctx: Ctx): void {
  if (state.firstRespondedAt) return;
  state.firstRespondedAt = ctx.now.toISOString();
  stopClocks(state, 'FIRST_RESPONSE', ctx.now, 'MET');
  if (state.status === 'OPEN') state.status = state.level > 0 ? 'ESCALATED' : 'IN_PROGRESS';
}

/** Each update to the customer resets the progress clock (C2.1(e)). */
function restartProgressClock(state: CaseState, ctx: Ctx): void {
  stopClocks(state, 'PROGRESS_UPDATE', ctx.now, 'MET');
  startClock(state, 'PROGRESS_UPDATE', ctx.now, ctx);
}

/** Back from waiting: paused clocks resume and, as work goes on, so does the progress clock. */
function leaveWaiting(state: CaseState, ctx: Ctx, how: 'MET' | 'CANCELLED'): void {
  if (state.status !== 'WAITING_ON_CUSTOMER') return;
  stopClocks(state, 'CUSTOMER_REPLY', ctx.now, how);
  resumeClocks(state, ctx.now, ctx);
  state.status = state.resumeStatus ?? 'IN_PROGRESS';
  delete state.resumeStatus;
  restartProgressClock(state, ctx);
}

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

/** C1.4: a specialist category goes to its unit once front line has acknowledged and recorded a finding. */
function routeIfRequired(state: CaseState, out: Outcome, ctx: Ctx): void {
  const unit = SPECIALIST_UNITS[state.category];
  if (!unit || state.level > 0 || !state.firstRespondedAt || !state.preliminaryFinding) return;
  escalate(state, out, ctx, SYSTEM, {
    reason: `category ${state.category} is handled by the ${unit} unit`,
    trigger: 'CATEGORY',
    toLevel: 1,
    unit,
  });
}

/** Delivers a result (C3.2) and opens the appeal window (C5.1). */
export function resolveCase(
  state: CaseState,
  out: Outcome,
  ctx: Ctx,
  by: Pick<Actor, 'id' | 'role'>,
  res: Omit<NonNullable<CaseState['resolution']>, 'by' | 'at'>,
  measures?: string,
): void {
  leaveWaiting(state, ctx, 'CANCELLED');
  for (const kind of ['FIRST_RESPONSE', 'PROGRESS_UPDATE', 'ESCALATION'] as const) {
    stopClocks(state, kind, ctx.now, kind === 'ESCALATION' ? 'CANCELLED' : 'MET');
  }
  state.status = 'RESOLVED';
  state.resolvedAt = ctx.now.toISOString();
  state.resolution = { ...res, by: by.id, at: state.resolvedAt };
  const window = startClock(state, 'APPEAL_WINDOW', ctx.now, ctx);
  const detail = [res.procedure && `standard procedure ${res.procedure}`, res.policyRequest && `policy request ${res.policyRequest}`]
    .filter(Boolean)
    .join('; ');
  record(state, out, ctx.now, by, {
    kind: res.noResponse ? 'RESOLVED_NO_RESPONSE' : 'RESOLVED',
    content: res.result,
    ...(measures || detail ? { measures: [measures, detail].filter(Boolean).join('; ') } : {}),
    result: `appeal possible until ${window.due}`,
    visibleToCustomer: true,
  });
  out.notices.push({
    type: 'case.resolved',
    audience: ['customer', 'assignee'],
    summary: res.noResponse ? 'Case resolved: no response from the customer' : 'Case resolved',
    data: { appealWindowCloses: window.due, noResponse: res.noResponse },
  });
}

export function closeCase(state: CaseState, out: Outcome, ctx: Ctx, by: Pick<Actor, 'id' | 'role'>, reason: NonNullable<CaseState['closeReason']>, note?: string): void {
  for (const d of pending(state)) {
    d.status = 'CANCELLED';
    d.endedAt = ctx.now.toISOString();
  }
  state.status = 'CLOSED';
  state.closeReason = reason;
  state.closedAt = ctx.now.toISOString();
  record(state, out, ctx.now, by, { kind: 'CLOSED', result: reason, ...(note ? { content: note } : {}), visibleToCustomer: true });
  out.notices.push({ type: 'case.closed', audience: ['customer', 'assignee'], summary: `Case closed: ${reason}`, data: { closeReason: reason } });
}

/**
 * Applies one action to the state (mutating it) or throws ActionRejected, leaving the
 * caller to discard the state. Call it on a copy to validate.
 */
export function applyCommand(state: CaseState, cmd: CaseCommand, actor: Actor, ctx: Ctx): Outcome {
  const out = newOutcome();
  const now = ctx.now;
  const channel = cmd.channel;
  // A closed case still takes feedback (C4.4), and decisions on grants still pending,
  // while its workflow lingers; nothing else.
  if (state.status === 'CLOSED' && cmd.type !== 'feedback' && cmd.type !== 'decideCompensation') {
    throw new ActionRejected(`the case is closed (${state.closeReason})`);
  }
  switch (cmd.type) {
    case 'acknowledge': {
      requireStaff(actor, 'acknowledging');
      requireStatus(state, ['OPEN'], 'acknowledging');
      firstResponse(state, ctx);
      startClock(state, 'PROGRESS_UPDATE', now, ctx);
      state.assignee ??= actor.id;
      record(state, out, now, actor, { kind: 'ACKNOWLEDGED', content: cmd.message ?? 'Your case has been received and is being handled.', visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.acknowledged', audience: ['customer'], summary: 'Case acknowledged' });
      routeIfRequired(state, out, ctx);
      break;
    }
    case 'reply': {
      requireStaff(actor, 'replying');
      requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER', 'APPEALED'], 'replying');
      firstResponse(state, ctx);
      if (state.status !== 'WAITING_ON_CUSTOMER' && state.status !== 'APPEALED') restartProgressClock(state, ctx);
      record(state, out, now, actor, { kind: 'AGENT_REPLY', content: cmd.message, ...(cmd.measures ? { measures: cmd.measures } : {}), visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.reply', audience: ['customer'], summary: 'New reply from customer service' });
      routeIfRequired(state, out, ctx);
      break;
    }
    case 'requestInfo': {
      requireStaff(actor, 'requesting information');
      requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED'], 'requesting information');
      firstResponse(state, ctx);
      stopClocks(state, 'PROGRESS_UPDATE', now, 'MET');
      state.resumeStatus = state.status;
      state.status = 'WAITING_ON_CUSTOMER';
      pauseClocks(state, now, ctx);
      const wait = startClock(state, 'CUSTOMER_REPLY', now, ctx);
      record(state, out, now, actor, { kind: 'INFO_REQUESTED', content: cmd.message, result: `reply needed by ${wait.due}`, visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.info_requested', audience: ['customer'], summary: 'Customer service needs more information', data: { replyBy: wait.due } });
      routeIfRequired(state, out, ctx);
      break;
    }
    case 'customerReply': {
      requireCustomerSide(state, actor, 'replying as the customer');
      const wasWaiting = state.status === 'WAITING_ON_CUSTOMER';
      if (wasWaiting) leaveWaiting(state, ctx, 'MET');
      record(state, out, now, actor, { kind: 'CUSTOMER_REPLY', content: cmd.message, visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.customer_reply', audience: ['assignee'], summary: 'The customer replied' });
      break;
    }
    case 'assign': {
      requireStaff(actor, 'assigning');
      if (actor.role === 'agent' && cmd.assignee !== actor.id) {
        throw new ActionRejected('agents may assign cases only to themselves', 'FORBIDDEN');
      }
      const previous = state.assignee;
      state.assignee = cmd.assignee;
      if (!state.handlers.includes(cmd.assignee)) state.handlers.push(cmd.assignee); // four-eyes (C5.1)
      record(state, out, now, actor, { kind: 'ASSIGNED', result: previous ? `reassigned from ${previous} to ${cmd.assignee}` : `assigned to ${cmd.assignee}`, visibleToCustomer: false, channel });
      out.notices.push({ type: 'case.assigned', audience: ['assignee'], summary: `Case assigned to ${cmd.assignee}`, data: { assignee: cmd.assignee } });
      break;
    }
    case 'recordFinding': {
      requireStaff(actor, 'recording a finding');
      requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER'], 'recording a finding');
      state.preliminaryFinding = cmd.finding;
      record(state, out, now, actor, { kind: 'FINDING', content: cmd.finding, visibleToCustomer: false, channel });
      routeIfRequired(state, out, ctx);
      break;
    }
    case 'escalate': {
      requireStaff(actor, 'escalating');
      requireStatus(state, ACTIVE, 'escalating');
      if (cmd.toLevel !== undefined && cmd.toLevel <= state.level) {
        throw new ActionRejected(`the case is already at level ${state.level}`);
      }
      if (state.level >= topLevel(ctx)) throw new ActionRejected(`the case is at the top escalation level (${state.level}) already`);
      if (cmd.unit === 'front-line') throw new ActionRejected('an escalation goes above front line', 'INVALID');
      noteHandler(state, actor);
      escalate(state, out, ctx, actor, { reason: cmd.reason, trigger: 'AGENT', ...(cmd.toLevel !== undefined ? { toLevel: cmd.toLevel } : {}), ...(cmd.unit ? { unit: cmd.unit } : {}) });
      break;
    }
    case 'grantCompensation': {
      requireStaff(actor, 'granting compensation');
      requireStatus(state, ['IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'APPEALED'], 'granting compensation');
      const id = `G${state.compensation.length + 1}`;
      const within = cmd.amount <= compensationLimit(actor);
      state.compensation.push({ id, amount: cmd.amount, currency: cmd.currency, reason: cmd.reason, requestedBy: actor.id, requestedAt: now.toISOString(), status: within ? 'GRANTED' : 'PENDING_APPROVAL' });
      if (!within) startClock(state, 'COMPENSATION_APPROVAL', now, ctx, id);
      record(state, out, now, actor, {
        kind: within ? 'COMPENSATION_GRANTED' : 'COMPENSATION_REQUESTED',
        content: cmd.reason,
        measures: `${cmd.amount} ${cmd.currency} (grant ${id})`,
        result: within ? 'granted within authority' : `above the limit of ${compensationLimit(actor)}: waiting for approval`,
        visibleToCustomer: within,
        channel,
      });
      out.notices.push(within
        ? { type: 'compensation.granted', audience: ['customer'], summary: `Compensation of ${cmd.amount} ${cmd.currency} granted`, data: { grantId: id } }
        : { type: 'compensation.approval_needed', audience: ['supervisor', 'manager'], summary: `Compensation of ${cmd.amount} ${cmd.currency} needs approval`, data: { grantId: id } });
      break;
    }
    case 'decideCompensation': {
      requireStaff(actor, 'deciding on compensation');
      const grant = state.compensation.find((g) => g.id === cmd.grantId);
      if (!grant) throw new ActionRejected(`no compensation grant ${cmd.grantId}`, 'INVALID');
      if (grant.status !== 'PENDING_APPROVAL') throw new ActionRejected(`grant ${grant.id} is already ${grant.status}`);
      if (grant.requestedBy === actor.id) throw new ActionRejected('a grant must be approved by someone other than its requester', 'FORBIDDEN');
      if (cmd.approve && grant.amount > compensationLimit(actor)) {
        throw new ActionRejected(`approving ${grant.amount} exceeds your limit of ${compensationLimit(actor)}`, 'FORBIDDEN');
      }
      grant.status = cmd.approve ? 'APPROVED' : 'REJECTED';
      grant.decidedBy = actor.id;
      grant.decidedAt = now.toISOString();
      if (cmd.note) grant.note = cmd.note;
      stopClocks(state, 'COMPENSATION_APPROVAL', now, 'MET', grant.id);
      record(state, out, now, actor, { kind: cmd.approve ? 'COMPENSATION_APPROVED' : 'COMPENSATION_REJECTED', measures: `${grant.amount} ${grant.currency} (grant ${grant.id})`, ...(cmd.note ? { content: cmd.note } : {}), visibleToCustomer: cmd.approve, channel });
      out.notices.push({ type: 'compensation.decided', audience: cmd.approve ? ['customer', 'assignee'] : ['assignee'], summary: `Compensation ${grant.id} ${grant.status.toLowerCase()}`, data: { grantId: grant.id, status: grant.status } });
      break;
    }
    case 'resolve': {
      requireStaff(actor, 'resolving');
      requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER'], 'resolving');
      const unit = SPECIALIST_UNITS[state.category];
      if (unit && state.level === 0) {
        throw new ActionRejected(`a ${state.category} case must be handled by the ${unit} unit: record a preliminary finding or escalate first (C1.4)`);
      }
      firstResponse(state, ctx);
      resolveCase(state, out, ctx, actor, { result: cmd.result, noResponse: false, ...(cmd.procedure ? { procedure: cmd.procedure } : {}), ...(cmd.policyRequest ? { policyRequest: cmd.policyRequest } : {}) }, cmd.measures);
      break;
    }
    case 'accept': {
      requireCustomerSide(state, actor, 'accepting the result');
      requireStatus(state, ['RESOLVED'], 'accepting the result');
      closeCase(state, out, ctx, actor, 'ACCEPTED');
      break;
    }
    case 'dispute': {
      requireCustomerSide(state, actor, 'disputing the result');
      requireStatus(state, ['RESOLVED'], 'disputing the result');
      stopClocks(state, 'APPEAL_WINDOW', now, 'CANCELLED');
      if (state.resolution) state.previousResolutions = [...(state.previousResolutions ?? []), state.resolution];
      delete state.resolution;
      delete state.resolvedAt;
      record(state, out, now, actor, { kind: 'RESULT_DISPUTED', content: cmd.reason, visibleToCustomer: true, channel });
      escalate(state, out, ctx, SYSTEM, { reason: `customer disputes the result: ${cmd.reason}`, trigger: 'DISPUTE' });
      startClock(state, 'PROGRESS_UPDATE', now, ctx);
      break;
    }
    case 'appeal': {
      requireCustomerSide(state, actor, 'appealing');
      requireStatus(state, ['RESOLVED'], 'appealing');
      if (pending(state, 'APPEAL_WINDOW').length === 0) throw new ActionRejected('the appeal window has closed');
      stopClocks(state, 'APPEAL_WINDOW', now, 'MET');
      state.status = 'APPEALED';
      state.appeal = { filedAt: now.toISOString(), filedBy: actor.id, grounds: cmd.grounds, status: 'UNDER_REVIEW' };
      const review = startClock(state, 'APPEAL_REVIEW', now, ctx);
      record(state, out, now, actor, { kind: 'APPEAL_FILED', content: cmd.grounds, result: `review due by ${review.due}`, visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.appealed', audience: ['customer', 'supervisor', 'manager'], summary: 'Formal appeal filed', data: { reviewDue: review.due } });
      break;
    }
    case 'decideAppeal': {
      if (!REVIEWER_ROLES.has(actor.role)) throw new ActionRejected('appeals are decided by a supervisor or manager', 'FORBIDDEN');
      requireStatus(state, ['APPEALED'], 'deciding an appeal');
      if (state.handlers.includes(actor.id)) {
        throw new ActionRejected('the reviewer must not have handled the case (C5.1)', 'FORBIDDEN');
      }
      if (cmd.decision === 'OVERTURNED' && !cmd.newResult) throw new ActionRejected('an overturned appeal needs a new result', 'INVALID');
      const appeal = state.appeal!;
      Object.assign(appeal, {
        status: 'DECIDED', reviewer: actor.id, decision: cmd.decision, decidedAt: now.toISOString(),
        ...(cmd.newResult ? { newResult: cmd.newResult } : {}),
        ...(cmd.faultFinding ? { faultFinding: cmd.faultFinding } : {}),
        ...(cmd.remedy ? { remedy: cmd.remedy } : {}),
      });
      if (cmd.decision === 'OVERTURNED' && state.resolution) state.resolution = { ...state.resolution, result: cmd.newResult!, by: actor.id, at: now.toISOString() };
      stopClocks(state, 'APPEAL_REVIEW', now, 'MET');
      record(state, out, now, actor, {
        kind: 'APPEAL_DECIDED',
        content: cmd.reasoning,
        result: cmd.decision + (cmd.newResult ? `: ${cmd.newResult}` : ''),
        ...(cmd.faultFinding || cmd.remedy ? { measures: [cmd.faultFinding && `fault: ${cmd.faultFinding}`, cmd.remedy && `remedy: ${cmd.remedy}`].filter(Boolean).join('; ') } : {}),
        visibleToCustomer: true,
        channel,
      });
      out.notices.push({ type: 'case.appeal_decided', audience: ['customer', 'assignee'], summary: `Appeal ${cmd.decision.toLowerCase()}`, data: { decision: cmd.decision } });
      closeCase(state, out, ctx, actor, 'APPEAL_DECIDED');
      break;
    }
    case 'feedback': {
      requireCustomerSide(state, actor, 'giving feedback');
      state.feedback.push({ rating: cmd.rating, ...(cmd.comment ? { comment: cmd.comment } : {}), at: now.toISOString() });
      record(state, out, now, actor, { kind: 'FEEDBACK', result: `rating ${cmd.rating}/5`, ...(cmd.comment ? { content: cmd.comment } : {}), visibleToCustomer: true, channel });
      out.notices.push({ type: 'case.feedback', audience: ['supervisor'], summary: `Customer feedback: ${cmd.rating}/5` });
      break;
    }
    case 'withdraw': {
      requireCustomerSide(state, actor, 'withdrawing');
      closeCase(state, out, ctx, actor, 'WITHDRAWN', cmd.reason);
      break;
    }
  }
  noteHandler(state, actor);
  return out;
}
