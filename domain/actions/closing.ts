// What the customer side may do to end or rate a case: feedback (even after it has
// closed) and withdrawal.
import { requireCustomerSide } from './guards';
import type { HandlersFor } from './handler';
import { closeCase } from './lifecycle';
import { record } from './outcome';

export const closingHandlers: HandlersFor<'feedback' | 'withdraw'> = {
  /** C4.4: the customer may rate the service; supervisors hear of it. */
  feedback(state, cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'giving feedback');
    state.feedback.push({ rating: cmd.rating, ...(cmd.comment ? { comment: cmd.comment } : {}), at: ctx.now.toISOString() });
    record(state, out, ctx.now, actor, { kind: 'FEEDBACK', result: `rating ${cmd.rating}/5`, ...(cmd.comment ? { content: cmd.comment } : {}), visibleToCustomer: true, channel: cmd.channel });
    out.notices.push({ type: 'case.feedback', audience: ['supervisor'], summary: `Customer feedback: ${cmd.rating}/5` });
  },

  /** The customer side may withdraw the case at any point before it closes; every running clock is cancelled. */
  withdraw(state, cmd, actor, ctx, out) {
    requireCustomerSide(state, actor, 'withdrawing');
    closeCase(state, out, ctx, actor, 'WITHDRAWN', cmd.reason);
  },
};
