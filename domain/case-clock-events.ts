// What happens when a clock warns or falls due: breaches are recorded and the
// responsible people told (never silently), windows move the case on, the
// escalation ladder climbs. Pure: the workflow calls `tick` when it wakes.
import type { Audience } from './case-commands';
import type { CaseState, Deadline } from './case-state';
import { nextEventOf, nextWakeAt, pending, startClock, WINDOW_CLOCKS } from './clocks';
import { closeCase, escalate, newOutcome, record, resolveCase, SYSTEM, topLevel, type Ctx, type Outcome } from './case-machine';

/** Who hears of a breach of each clock. */
const BREACH_AUDIENCE: Record<Deadline['kind'], Audience[]> = {
  FIRST_RESPONSE: ['supervisor', 'unit'],
  PROGRESS_UPDATE: ['supervisor', 'assignee'],
  ESCALATION: ['unit'],
  CUSTOMER_REPLY: ['assignee'],
  APPEAL_WINDOW: ['assignee'],
  APPEAL_REVIEW: ['manager', 'supervisor'],
  COMPENSATION_APPROVAL: ['manager', 'supervisor'],
};

/** Processes every warning and expiry due at or before `ctx.now`, earliest first. */
export function tick(state: CaseState, ctx: Ctx): Outcome {
  const out = newOutcome();
  const now = ctx.now.getTime();
  // Clocks started by one expiry (e.g. the next ladder level) may themselves be due;
  // loop until nothing is due, bounded in case a policy has zero-length clocks.
  for (let guard = 0; guard < 100; guard++) {
    const wake = nextWakeAt(state);
    if (!wake || wake.getTime() > now) break;
    const d = pending(state)
      .filter((x) => !x.pausedAt)
      .sort((a, b) => nextEventOf(a) - nextEventOf(b))[0]!;
    // A clock found already past due (worker down, late wake-up) gets no stale warning.
    const warnNow = Date.parse(d.warnAt) <= now && Date.parse(d.warnAt) < Date.parse(d.due) && Date.parse(d.due) > now;
    if (!d.warned && warnNow) warn(state, d, out);
    else expire(state, d, out, { ...ctx, now: new Date(Math.max(Date.parse(d.due), Date.parse(state.openedAt))) });
  }
  return out;
}

function warn(state: CaseState, d: Deadline, out: Outcome): void {
  d.warned = true;
  if (d.kind === 'APPEAL_WINDOW') return; // the customer's right, not a promise of ours
  if (d.kind === 'CUSTOMER_REPLY') {
    // Remind the customer before the case resolves without them.
    out.notices.push({ type: 'case.reply_reminder', audience: ['customer'], summary: `Please reply by ${d.due}, or the case will be resolved without your answer`, data: { replyBy: d.due } });
    return;
  }
  out.notices.push({
    type: 'deadline.warning',
    audience: d.kind === 'ESCALATION' ? ['assignee'] : ['assignee', 'supervisor'],
    summary: `${d.kind} due at ${d.due}`,
    data: { clock: d.kind, deadlineId: d.id, due: d.due, caseStatus: state.status },
  });
}

function expire(state: CaseState, d: Deadline, out: Outcome, ctx: Ctx): void {
  d.warned = true;
  d.endedAt = d.due;
  if (WINDOW_CLOCKS.has(d.kind)) {
    d.status = 'EXPIRED';
  } else {
    d.status = 'BREACHED';
    state.breaches.push({ clock: d.kind, deadlineId: d.id, due: d.due, at: d.due });
    record(state, out, ctx.now, SYSTEM, { kind: 'SLA_BREACHED', result: `${d.kind} deadline ${d.due} passed`, visibleToCustomer: false });
    out.notices.push({
      type: 'deadline.breached',
      audience: BREACH_AUDIENCE[d.kind],
      summary: `${d.kind} deadline breached (was due ${d.due})`,
      data: { clock: d.kind, deadlineId: d.id, due: d.due, ...(d.ref ? { ref: d.ref } : {}) },
    });
  }
  switch (d.kind) {
    case 'ESCALATION': // C3.4: unresolved N business days at this level
      escalate(state, out, ctx, SYSTEM, { reason: `unresolved at level ${d.ref ?? 0} by ${d.due}`, trigger: 'CLOCK' });
      break;
    case 'CUSTOMER_REPLY':
      resolveCase(state, out, ctx, SYSTEM, { result: 'Resolved without a response from the customer.', noResponse: true });
      break;
    case 'APPEAL_WINDOW':
      closeCase(state, out, ctx, SYSTEM, state.resolution?.noResponse ? 'CUSTOMER_UNRESPONSIVE' : 'APPEAL_WINDOW_EXPIRED');
      break;
    case 'APPEAL_REVIEW': // a late review goes to management, which gets a review clock of its own
      if (state.unit !== 'management') {
        escalate(state, out, ctx, SYSTEM, { reason: 'appeal review is late', trigger: 'LATE_APPEAL_REVIEW', unit: 'management', toLevel: topLevel(ctx) });
      }
      startClock(state, 'APPEAL_REVIEW', ctx.now, ctx);
      break;
    case 'PROGRESS_UPDATE': // still owed: the next interval runs from the breach
      startClock(state, 'PROGRESS_UPDATE', ctx.now, ctx);
      break;
    default:
      break;
  }
}
