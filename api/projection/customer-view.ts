// What a customer sees: the one place that decides it, for every customer-facing read
// (the case, action and opening answers, the history, the list). Pure: no I/O.
//
// Each projection builds its answer from the fields a customer may see (an allow-list),
// so a field added to the case later stays hidden until someone decides to show it.
// People on staff never appear by ID: a customer sees `customer-service`, `reviewer`
// or `system` instead; their own organisation's users keep their IDs.
import type { CompensationGrant, Resolution } from '../../domain/case-state';
import type { Actor } from '../../domain/case-types';
import type { CaseView } from '../../workflows/case/contract';
import type { CustomerCaseView } from '../schemas/responses';
import { provisionalOf } from './provisional-deadlines';
import { actorLabel, identities, REVIEWER_LABEL, STAFF_LABEL, SYSTEM_LABEL, type Identify } from './customer-labels';

/** Clocks that run for staff only: a customer is never told about them. */
const INTERNAL_CLOCKS: ReadonlySet<string> = new Set(['COMPENSATION_APPROVAL']);

/** A log entry, from the case view (optional texts) or the log table (nullable texts). */
interface LogEntry<R extends string, C extends string, Text> {
  seq: number;
  at: string;
  actorId: string;
  actorRole: R;
  channel: C;
  kind: string;
  content?: Text;
  measures?: Text;
  result?: Text;
  visibleToCustomer: boolean;
}

/** One log entry as a customer sees it, or undefined when it was not shared with them. */
export function customerLogEntry<R extends string, C extends string, Text>(e: LogEntry<R, C, Text>): LogEntry<R, C, Text> | undefined {
  if (!e.visibleToCustomer) return undefined;
  return {
    seq: e.seq,
    at: e.at,
    actorId: actorLabel(e.actorId, e.actorRole, e.kind),
    actorRole: e.actorRole,
    channel: e.channel,
    kind: e.kind,
    ...(e.content !== undefined ? { content: e.content } : {}),
    ...(e.measures !== undefined ? { measures: e.measures } : {}),
    ...(e.result !== undefined ? { result: e.result } : {}),
    visibleToCustomer: true,
  };
}

/** One row of the case list as a customer sees it. */
export function customerListItem<T extends { assignee: string | null; nextDeadlineKind: string | null; nextDeadlineAt: string | null }>(row: T): T {
  // The list row knows only the soonest clock; when that one is internal, no time is shown.
  const internal = row.nextDeadlineKind !== null && INTERNAL_CLOCKS.has(row.nextDeadlineKind);
  return {
    ...row,
    assignee: row.assignee === null ? null : STAFF_LABEL,
    ...(internal ? { nextDeadlineKind: null, nextDeadlineAt: null } : {}),
  };
}

/** The case as its customer sees it; `reader` is the customer asking. */
export function customerCaseView(view: CaseView & { calendarHorizon?: string }, reader: Actor): CustomerCaseView {
  const who = identities(view, reader);
  const isShared = <D extends { kind: string }>(d: D): boolean => !INTERNAL_CLOCKS.has(d.kind);
  const openDeadlines = view.openDeadlines.filter(isShared);
  const breaches = view.breaches.filter((b) => !INTERNAL_CLOCKS.has(b.clock));
  const next = openDeadlines[0];
  return {
    caseId: view.caseId,
    customerId: view.customerId,
    subject: view.subject,
    description: view.description,
    category: view.category,
    priority: view.priority,
    channel: view.channel,
    ...(view.contact ? { contact: view.contact } : {}),
    status: view.status,
    ...(view.closeReason ? { closeReason: view.closeReason } : {}),
    level: view.level,
    unit: view.unit,
    ...(view.assignee ? { assignee: STAFF_LABEL } : {}),
    openedAt: view.openedAt,
    openedBy: who(view.openedBy, STAFF_LABEL),
    ...(view.firstRespondedAt ? { firstRespondedAt: view.firstRespondedAt } : {}),
    ...(view.resolvedAt ? { resolvedAt: view.resolvedAt } : {}),
    ...(view.closedAt ? { closedAt: view.closedAt } : {}),
    ...(view.resolution ? { resolution: customerResolution(view.resolution) } : {}),
    ...(view.previousResolutions ? { previousResolutions: view.previousResolutions.map(customerResolution) } : {}),
    ...(view.appeal ? { appeal: customerAppeal(view.appeal, who) } : {}),
    escalations: view.escalations.map((e) => ({
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      unit: e.unit,
      reason: e.reason,
      trigger: e.trigger,
      // Only an agent's escalation is a person's; the rest are the clocks' and the rules'.
      by: e.trigger === 'AGENT' ? STAFF_LABEL : SYSTEM_LABEL,
      at: e.at,
    })),
    compensation: view.compensation.filter((g) => g.status === 'GRANTED' || g.status === 'APPROVED').map(customerGrant),
    feedback: view.feedback.map((f) => ({ rating: f.rating, ...(f.comment !== undefined ? { comment: f.comment } : {}), at: f.at })),
    deadlines: view.deadlines.filter(isShared),
    breaches,
    seq: view.seq,
    recentInteractions: view.recentInteractions.flatMap((i) => customerLogEntry(i) ?? []),
    slaBreached: breaches.length > 0,
    ...(next ? { nextDeadline: { kind: next.kind, due: next.due, id: next.id, ...provisionalOf(next) } } : {}),
    openDeadlines,
    customerDeadlines: view.customerDeadlines,
    escalationPath: view.escalationPath,
    ...(view.calendarHorizon ? { calendarHorizon: view.calendarHorizon } : {}),
  };
}

function customerResolution(r: Resolution): Resolution {
  return {
    result: r.result,
    ...(r.procedure ? { procedure: r.procedure } : {}),
    ...(r.policyRequest ? { policyRequest: r.policyRequest } : {}),
    by: r.noResponse ? SYSTEM_LABEL : STAFF_LABEL,
    at: r.at,
    noResponse: r.noResponse,
  };
}

function customerAppeal(a: NonNullable<CaseView['appeal']>, who: Identify): NonNullable<CaseView['appeal']> {
  return {
    filedAt: a.filedAt,
    // Only the customer side files appeals: a back-office system when not a customer.
    filedBy: who(a.filedBy, SYSTEM_LABEL),
    grounds: a.grounds,
    status: a.status,
    ...(a.reviewer ? { reviewer: REVIEWER_LABEL } : {}),
    ...(a.decision ? { decision: a.decision } : {}),
    ...(a.newResult ? { newResult: a.newResult } : {}),
    ...(a.faultFinding ? { faultFinding: a.faultFinding } : {}),
    ...(a.remedy ? { remedy: a.remedy } : {}),
    ...(a.decidedAt ? { decidedAt: a.decidedAt } : {}),
  };
}

function customerGrant(g: CompensationGrant): CompensationGrant {
  return {
    id: g.id,
    amount: g.amount,
    currency: g.currency,
    reason: g.reason,
    requestedBy: STAFF_LABEL,
    requestedAt: g.requestedAt,
    status: g.status,
    ...(g.decidedBy ? { decidedBy: STAFF_LABEL } : {}),
    ...(g.decidedAt ? { decidedAt: g.decidedAt } : {}),
    ...(g.note !== undefined ? { note: g.note } : {}),
  };
}
