// The case as `getCase` shows it and as the UI and search attributes summarise it.
import { escalationPath } from '../../domain/case-machine';
import type { CaseState, ClockKind } from '../../domain/case-state';
import type { ClockContext } from '../../domain/clocks';
import { nextDeadline, pending } from '../../domain/clocks';
import type { CaseView } from './contract';
import {
  AssignedAgentKey,
  CaseCategoryKey,
  CasePriorityKey,
  CaseStatusKey,
  CustomerIdKey,
  DepartmentKey,
  EscalationLevelKey,
  NextDeadlineKey,
  SlaBreachedKey,
} from './search-attributes';
import type { SearchAttributeUpdatePair } from '@temporalio/common';

export function toView(state: CaseState, ctx: ClockContext): CaseView {
  const next = nextDeadline(state);
  const open = pending(state).sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  const dueOf = (kind: ClockKind): string | undefined => open.find((d) => d.kind === kind && !d.pausedAt)?.due;
  const customerDeadlines: CaseView['customerDeadlines'] = { clocksPaused: open.some((d) => d.pausedAt !== undefined) };
  const named: [keyof CaseView['customerDeadlines'], ClockKind][] = [
    ['firstResponseDue', 'FIRST_RESPONSE'],
    ['nextUpdateDue', 'PROGRESS_UPDATE'],
    ['replyBy', 'CUSTOMER_REPLY'],
    ['appealWindowClosesAt', 'APPEAL_WINDOW'],
    ['appealReviewDue', 'APPEAL_REVIEW'],
  ];
  for (const [field, kind] of named) {
    const due = dueOf(kind);
    if (due) (customerDeadlines as Record<string, unknown>)[field] = due;
  }
  return {
    ...state,
    slaBreached: state.breaches.length > 0,
    ...(next ? { nextDeadline: { kind: next.kind, due: next.due, id: next.id } } : {}),
    openDeadlines: open,
    customerDeadlines,
    escalationPath: escalationPath(state, ctx),
  };
}

export function searchAttributesOf(view: CaseView): SearchAttributeUpdatePair[] {
  return [
    { key: CaseStatusKey, value: view.status },
    { key: CasePriorityKey, value: view.priority },
    { key: CaseCategoryKey, value: view.category },
    { key: CustomerIdKey, value: view.customerId },
    { key: AssignedAgentKey, value: view.assignee ?? null },
    { key: DepartmentKey, value: view.unit },
    { key: EscalationLevelKey, value: view.level },
    { key: SlaBreachedKey, value: view.slaBreached },
    { key: NextDeadlineKey, value: view.nextDeadline ? new Date(view.nextDeadline.due) : null },
  ] as SearchAttributeUpdatePair[];
}
