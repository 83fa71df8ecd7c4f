// What engineers see of a case in the Temporal UI and CLI: search attributes and the
// current details (case-file.ts). An upsert is a billable action and a history event, so only a
// changed attribute is sent, and NextDeadline on its own is sent only when it must be:
// it names when the case next wakes (its alarm), never later than the real next deadline.
// A reply that pushes the progress deadline out leaves the earlier value standing; the
// alarm rings then, and the true value goes out with that wake (or with any other change).
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { caseDetailsOf, type DetailsContext } from './case-file';
import type { CaseView } from './contract';
import { NextDeadlineKey, ReadModelStalledKey } from './search-attributes';
import { searchAttributesOf } from './view';

export function showCase(view: CaseView, details: DetailsContext): void {
  const wanted = [...searchAttributesOf(view), { key: ReadModelStalledKey, value: details.stall ? true : null }] as SearchAttributeUpdatePair[];
  const current = workflowInfo().typedSearchAttributes;
  const changed = wanted.filter((p) => !sameValue(current.get(p.key), p.value));
  const others = changed.filter((p) => p.key.name !== NextDeadlineKey.name);
  const deadline = changed.find((p) => p.key.name === NextDeadlineKey.name);
  if (others.length > 0 || (deadline && mustMove(current.get(NextDeadlineKey), deadline.value as Date | null))) upsertSearchAttributes(changed);
  setCurrentDetails(caseDetailsOf(view, details));
}

/** The indexed next deadline must change when it is missing, has passed, or the real one is earlier. */
function mustMove(indexed: Date | undefined, real: Date | null): boolean {
  if (!indexed) return real !== null;
  return real === null || indexed.getTime() <= Date.now() || real.getTime() < indexed.getTime();
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}
