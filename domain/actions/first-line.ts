// Front-line work on a case: acknowledging, answering, asking the customer for more,
// the customer's own replies, assignment and the preliminary finding.
import { ActionRejected } from '../case-errors';
import { pauseClocks, startClock, stopClocks } from '../clocks';
import { requireCustomerSide, requireStaff, requireStatus } from './guards';
import type { HandlersFor } from './handler';
import { firstResponse, leaveWaiting, restartProgressClock } from './lifecycle';
import { record } from './outcome';
import { routeIfRequired } from './routing';

export const firstLineHandlers: HandlersFor<'acknowledge' | 'reply' | 'requestInfo' | 'customerReply' | 'assign' | 'recordFinding'> = {
  /** C3.2: the first response; C2.1(e): progress updates are due from now on; C1.4 routing. */
  acknowledge(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'acknowledging');
    requireStatus(state, ['OPEN'], 'acknowledging');
    firstResponse(state, ctx);
    startClock(state, 'PROGRESS_UPDATE', ctx.now, ctx);
    state.assignee ??= actor.id;
    record(state, out, ctx.now, actor, { kind: 'ACKNOWLEDGED', content: cmd.message ?? 'Your case has been received and is being handled.', visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.acknowledged', audience: ['customer'], summary: 'Case acknowledged' });
    routeIfRequired(state, out, ctx);
  },

  /** C3.2 and C2.1(e): an answer meets the first response and resets the progress clock while work goes on. */
  reply(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'replying');
    requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER', 'APPEALED'], 'replying');
    firstResponse(state, ctx);
    if (state.status !== 'WAITING_ON_CUSTOMER' && state.status !== 'APPEALED') restartProgressClock(state, ctx);
    record(state, out, ctx.now, actor, { kind: 'AGENT_REPLY', content: cmd.message, ...(cmd.measures ? { measures: cmd.measures } : {}), visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.reply', audience: ['customer'], summary: 'New reply from customer service' });
    routeIfRequired(state, out, ctx);
  },

  /** C2.1(d): collecting what is needed; the case waits on the customer with the policy's clocks paused. */
  requestInfo(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'requesting information');
    requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED'], 'requesting information');
    firstResponse(state, ctx);
    stopClocks(state, 'PROGRESS_UPDATE', ctx.now, 'MET');
    state.resumeStatus = state.status;
    state.status = 'WAITING_ON_CUSTOMER';
    pauseClocks(state, ctx.now, ctx);
    const wait = startClock(state, 'CUSTOMER_REPLY', ctx.now, ctx);
    record(state, out, ctx.now, actor, { kind: 'INFO_REQUESTED', content: cmd.message, result: `reply needed by ${wait.due}`, visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.info_requested', audience: ['customer'], summary: 'Customer service needs more information', data: { replyBy: wait.due } });
    routeIfRequired(state, out, ctx);
  },

  /** The customer's answer ends a wait on them; in any other status it is simply logged. */
  customerReply(state, cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'replying as the customer');
    if (state.status === 'WAITING_ON_CUSTOMER') leaveWaiting(state, ctx, 'MET');
    record(state, out, ctx.now, actor, { kind: 'CUSTOMER_REPLY', content: cmd.message, visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.customer_reply', audience: ['assignee'], summary: 'The customer replied' });
  },

  /** Agents may only take a case themselves; supervisors, managers and admins assign anyone. */
  assign(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'assigning');
    if (actor.role === 'agent' && cmd.assignee !== actor.id) {
      throw new ActionRejected('agents may assign cases only to themselves', 'FORBIDDEN');
    }
    const previous = state.assignee;
    state.assignee = cmd.assignee;
    if (!state.handlers.includes(cmd.assignee)) state.handlers.push(cmd.assignee); // four-eyes (C5.1)
    record(state, out, ctx.now, actor, { kind: 'ASSIGNED', result: previous ? `reassigned from ${previous} to ${cmd.assignee}` : `assigned to ${cmd.assignee}`, visibleToCustomer: false, channel: cmd.channel });
    out.notices.push({ type: 'case.assigned', audience: ['assignee'], summary: `Case assigned to ${cmd.assignee}`, data: { assignee: cmd.assignee } });
  },

  /** C2.1(d), C1.4: the preliminary look front line records before a specialist case is routed. */
  recordFinding(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'recording a finding');
    requireStatus(state, ['OPEN', 'IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER'], 'recording a finding');
    state.preliminaryFinding = cmd.finding;
    record(state, out, ctx.now, actor, { kind: 'FINDING', content: cmd.finding, visibleToCustomer: false, channel: cmd.channel });
    routeIfRequired(state, out, ctx);
  },
};
