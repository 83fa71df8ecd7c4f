// Staff escalating a case on purpose (C2.2(e)); the clock and category triggers live in
// routing.ts and case-clock-events.ts.
import { ActionRejected } from '../case-errors';
import type { CaseStatus } from '../case-types';
import { requireStaff, requireStatus } from './guards';
import type { HandlersFor } from './handler';
import { escalate, topLevel } from './routing';

const ACTIVE: CaseStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'ESCALATED'];

export const escalationHandlers: HandlersFor<'escalate'> = {
  /** C2.2(e): beyond front line's capacity or authority; C3.4: the customer is told the path. */
  escalate(state, cmd, actor, ctx, out) {
    requireStaff(actor, 'escalating');
    requireStatus(state, ACTIVE, 'escalating');
    if (cmd.toLevel !== undefined && cmd.toLevel <= state.level) {
      throw new ActionRejected(`the case is already at level ${state.level}`);
    }
    if (state.level >= topLevel(ctx)) throw new ActionRejected(`the case is at the top escalation level (${state.level}) already`);
    if (cmd.unit === 'front-line') throw new ActionRejected('an escalation goes above front line', 'INVALID');
    escalate(state, out, ctx, actor, { reason: cmd.reason, trigger: 'AGENT', ...(cmd.toLevel !== undefined ? { toLevel: cmd.toLevel } : {}), ...(cmd.unit ? { unit: cmd.unit } : {}) });
  },
};
