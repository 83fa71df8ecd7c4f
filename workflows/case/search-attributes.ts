// The custom search attributes engineers filter cases by in the Temporal UI and CLI.
// Registered on every server the project starts (dev server, test server, compose).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CaseStatusKey = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CasePriorityKey = defineSearchAttributeKey('CasePriority', SearchAttributeType.KEYWORD);
export const CaseCategoryKey = defineSearchAttributeKey('CaseCategory', SearchAttributeType.KEYWORD);
export const CustomerIdKey = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);
export const AssignedAgentKey = defineSearchAttributeKey('AssignedAgent', SearchAttributeType.KEYWORD);
export const DepartmentKey = defineSearchAttributeKey('Department', SearchAttributeType.KEYWORD);
export const EscalationLevelKey = defineSearchAttributeKey('EscalationLevel', SearchAttributeType.INT);
export const SlaBreachedKey = defineSearchAttributeKey('SlaBreached', SearchAttributeType.BOOL);
export const NextDeadlineKey = defineSearchAttributeKey('NextDeadline', SearchAttributeType.DATETIME);
/** Set (true) while the database refuses the case's writes; unset otherwise. */
export const ReadModelStalledKey = defineSearchAttributeKey('ReadModelStalled', SearchAttributeType.BOOL);

export const CASE_SEARCH_ATTRIBUTES = [
  CaseStatusKey,
  CasePriorityKey,
  CaseCategoryKey,
  CustomerIdKey,
  AssignedAgentKey,
  DepartmentKey,
  EscalationLevelKey,
  SlaBreachedKey,
  NextDeadlineKey,
  ReadModelStalledKey,
];
