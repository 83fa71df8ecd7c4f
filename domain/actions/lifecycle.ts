// Status moves shared by several actions and by the clocks: the first response, the
// progress clock, leaving the wait for the customer, delivering a result, closing.
import type { CaseState } from '../case-state';
import type { Actor } from '../case-types';
import { pending, resumeClocks, startClock, stopClocks } from '../clocks';
import { record, type Ctx, type Outcome } from './outcome';

/** The first staff answer to the customer meets the first-response clock (C3.2). */
export function firstResponse(state: CaseState, ctx: Ctx): void {
  if (state.firstRespondedAt) return;
  state.firstRespondedAt = ctx.now.toISOString();
  stopClocks(state, 'FIRST_RESPONSE', ctx.now, 'MET');
  if (state.status === 'OPEN') state.status = state.level > 0 ? 'ESCALATED' : 'IN_PROGRESS';
}

/** Each update to the customer resets the progress clock (C2.1(e)). */
export function restartProgressClock(state: CaseState, ctx: Ctx): void {
  stopClocks(state, 'PROGRESS_UPDATE', ctx.now, 'MET');
  startClock(state, 'PROGRESS_UPDATE', ctx.now, ctx);
}

/** Back from waiting: paused clocks resume and, as work goes on, so does the progress clock. */
export function leaveWaiting(state: CaseState, ctx: Ctx, how: 'MET' | 'CANCELLED'): void {
  if (state.status !== 'WAITING_ON_CUSTOMER') return;
  stopClocks(state, 'CUSTOMER_REPLY', ctx.now, how);
  resumeClocks(state, ctx.now, ctx);
  state.status = state.resumeStatus ?? 'IN_PROGRESS';
  delete state.resumeStatus;
  restartProgressClock(state, ctx);
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

/** Ends the case for good: every clock still running is cancelled, and the customer told why. */
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
