// Compensation (C2.2(d)): staff grant within their own authority; above it a grant waits,
// under its own clock, for someone else whose limit covers it.
import { compensationLimitIn } from '../authority';
import { ActionRejected } from '../case-errors';
import { startClock, stopClocks } from '../clocks';
import { requireStaff, requireStatus } from './guards';
import type { HandlersFor } from './handler';
import { record } from './outcome';

export const compensationHandlers: HandlersFor<'grantCompensation' | 'decideCompensation'> = {
  /** C2.2(d): granted at once within the actor's limit, otherwise pending approval. */
  grantCompensation(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'granting compensation');
    requireStatus(state, ['IN_PROGRESS', 'ESCALATED', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'APPEALED'], 'granting compensation');
    const id = `G${state.compensation.length + 1}`;
    const limit = compensationLimitIn(actor, cmd.currency);
    const within = cmd.amount <= limit;
    state.compensation.push({ id, amount: cmd.amount, currency: cmd.currency, reason: cmd.reason, requestedBy: actor.id, requestedAt: ctx.now.toISOString(), status: within ? 'GRANTED' : 'PENDING_APPROVAL' });
    if (!within) startClock(state, 'COMPENSATION_APPROVAL', ctx.now, ctx, id);
    record(state, out, ctx.now, actor, {
      kind: within ? 'COMPENSATION_GRANTED' : 'COMPENSATION_REQUESTED',
      content: cmd.reason,
      measures: `${cmd.amount} ${cmd.currency} (grant ${id})`,
      result: within ? 'granted within authority' : `above the limit of ${limit}: waiting for approval`,
      visibleToCustomer: within,
      channel: cmd.channel,
    });
    out.notices.push(within
      ? { type: 'compensation.granted', audience: ['customer'], summary: `Compensation of ${cmd.amount} ${cmd.currency} granted`, data: { grantId: id } }
      : { type: 'compensation.approval_needed', audience: ['supervisor', 'manager'], summary: `Compensation of ${cmd.amount} ${cmd.currency} needs approval`, data: { grantId: id } });
  },

  /**
   * C2.2(d): a pending grant is decided by someone other than its requester whose limit
   * covers it; still allowed after the case has closed.
   */
  decideCompensation(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'deciding on compensation');
    const grant = state.compensation.find((g) => g.id === cmd.grantId);
    if (!grant) throw new ActionRejected(`no compensation grant ${cmd.grantId}`, 'INVALID');
    if (grant.status !== 'PENDING_APPROVAL') throw new ActionRejected(`grant ${grant.id} is already ${grant.status}`);
    if (grant.requestedBy === actor.id) throw new ActionRejected('a grant must be approved by someone other than its requester', 'FORBIDDEN');
    const limit = compensationLimitIn(actor, grant.currency);
    if (cmd.approve && grant.amount > limit) {
      throw new ActionRejected(`approving ${grant.amount} ${grant.currency} exceeds your limit of ${limit} ${grant.currency}`, 'FORBIDDEN');
    }
    grant.status = cmd.approve ? 'APPROVED' : 'REJECTED';
    grant.decidedBy = actor.id;
    grant.decidedAt = ctx.now.toISOString();
    if (cmd.note) grant.note = cmd.note;
    stopClocks(state, 'COMPENSATION_APPROVAL', ctx.now, 'MET', grant.id);
    record(state, out, ctx.now, actor, { kind: cmd.approve ? 'COMPENSATION_APPROVED' : 'COMPENSATION_REJECTED', measures: `${grant.amount} ${grant.currency} (grant ${grant.id})`, ...(cmd.note ? { content: cmd.note } : {}), visibleToCustomer: cmd.approve, channel: cmd.channel });
    out.notices.push({ type: 'compensation.decided', audience: cmd.approve ? ['customer', 'assignee'] : ['assignee'], summary: `Compensation ${grant.id} ${grant.status.toLowerCase()}`, data: { grantId: grant.id, status: grant.status } });
  },
};
