// Delivering a result and what the customer may do with it: accept it, dispute it (the
// case escalates) or appeal within the window to a reviewer who never handled the case.
import { REVIEWER_ROLES } from '../authority';
import { ActionRejected } from '../case-errors';
import { pending, startClock, stopClocks } from '../clocks';
import { requireCustomerSide, requireStaff, requireStatus } from './guards';
import type { HandlersFor } from './handler';
import { closeCase, firstResponse, resolveCase } from './lifecycle';
import { record, SYSTEM } from './outcome';
import { escalate, SPECIALIST_UNITS } from './routing';

export const resolutionAndAppealHandlers: HandlersFor<'resolve' | 'accept' | 'dispute' | 'appeal' | 'decideAppeal'> = {
  /** C3.2: the result; C1.4: a specialist category is not resolved at front line; C5.1: the appeal window opens. */
  resolve(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'resolving');
    requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER'], 'resolving');
    const unit = SPECIALIST_UNITS[state.category];
    if (unit && state.level === 0) {
      throw new ActionRejected(`a ${state.category} case must be handled by the ${unit} unit: record a preliminary finding or escalate first (C1.4)`);
    }
    firstResponse(state, ctx);
    resolveCase(state, out, ctx, actor, { result: cmd.result, noResponse: false, ...(cmd.procedure ? { procedure: cmd.procedure } : {}), ...(cmd.policyRequest ? { policyRequest: cmd.policyRequest } : {}) }, cmd.measures);
  },

  /** The customer accepts the result: the case closes without waiting for the window. */
  accept(state, _cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'accepting the result');
    requireStatus(state, ['RESOLVED'], 'accepting the result');
    closeCase(state, out, ctx, actor, 'ACCEPTED');
  },

  /** C3.4: a customer rejecting the result escalates the case; the old result is kept. */
  dispute(state, cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'disputing the result');
    requireStatus(state, ['RESOLVED'], 'disputing the result');
    stopClocks(state, 'APPEAL_WINDOW', ctx.now, 'CANCELLED');
    if (state.resolution) state.previousResolutions = [...(state.previousResolutions ?? []), state.resolution];
    delete state.resolution;
    delete state.resolvedAt;
    record(state, out, ctx.now, actor, { kind: 'RESULT_DISPUTED', content: cmd.reason, visibleToCustomer: true, channel: cmd.channel });
    escalate(state, out, ctx, SYSTEM, { reason: `customer disputes the result: ${cmd.reason}`, trigger: 'DISPUTE' });
    startClock(state, 'PROGRESS_UPDATE', ctx.now, ctx);
  },

  /** C5.1: a formal appeal with grounds, only while the appeal window is open; the review clock starts. */
  appeal(state, cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'appealing');
    requireStatus(state, ['RESOLVED'], 'appealing');
    if (pending(state, 'APPEAL_WINDOW').length === 0) throw new ActionRejected('the appeal window has closed');
    stopClocks(state, 'APPEAL_WINDOW', ctx.now, 'MET');
    state.status = 'APPEALED';
    state.appeal = { filedAt: ctx.now.toISOString(), filedBy: actor.id, grounds: cmd.grounds, status: 'UNDER_REVIEW' };
    const review = startClock(state, 'APPEAL_REVIEW', ctx.now, ctx);
    record(state, out, ctx.now, actor, { kind: 'APPEAL_FILED', content: cmd.grounds, result: `review due by ${review.due}`, visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.appealed', audience: ['customer', 'supervisor', 'manager'], summary: 'Formal appeal filed', data: { reviewDue: review.due } });
  },

  /** C5.1: decided by a reviewer who never handled the case; C5.2: fault finding and remedy; then the case closes. */
  decideAppeal(state, cmd, actor, ctx, out) {
    if (!REVIEWER_ROLES.has(actor.role)) throw new ActionRejected('appeals are decided by a supervisor or manager', 'FORBIDDEN');
    requireStatus(state, ['APPEALED'], 'deciding an appeal');
    if (state.handlers.includes(actor.id)) {
      throw new ActionRejected('the reviewer must not have handled the case (C5.1)', 'FORBIDDEN');
    }
    if (cmd.decision === 'OVERTURNED' && !cmd.newResult) throw new ActionRejected('an overturned appeal needs a new result', 'INVALID');
    const appeal = state.appeal!;
    Object.assign(appeal, {
      status: 'DECIDED', reviewer: actor.id, decision: cmd.decision, decidedAt: ctx.now.toISOString(),
      ...(cmd.newResult ? { newResult: cmd.newResult } : {}),
      ...(cmd.faultFinding ? { faultFinding: cmd.faultFinding } : {}),
      ...(cmd.remedy ? { remedy: cmd.remedy } : {}),
    });
    if (cmd.decision === 'OVERTURNED' && state.resolution) state.resolution = { ...state.resolution, result: cmd.newResult!, by: actor.id, at: ctx.now.toISOString() };
    stopClocks(state, 'APPEAL_REVIEW', ctx.now, 'MET');
    record(state, out, ctx.now, actor, {
      kind: 'APPEAL_DECIDED',
      content: cmd.reasoning,
      result: cmd.decision + (cmd.newResult ? `: ${cmd.newResult}` : ''),
      ...(cmd.faultFinding || cmd.remedy ? { measures: [cmd.faultFinding && `fault: ${cmd.faultFinding}`, cmd.remedy && `remedy: ${cmd.remedy}`].filter(Boolean).join('; ') } : {}),
      visibleToCustomer: true,
      channel: cmd.channel,
    });
    out.notices.push({ type: 'case.appeal_decided', audience: ['customer', 'assignee'], summary: `Appeal ${cmd.decision.toLowerCase()}`, data: { decision: cmd.decision } });
    closeCase(state, out, ctx, actor, 'APPEAL_DECIDED');
  },
};
