// What engineers see of a case in the Temporal UI and CLI: search attributes and the
// current-details line. Only attributes whose value changed are upserted: each upsert is
// a billable action and a history event.
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseView, WriteStall } from './contract';
import { ReadModelStalledKey } from './search-attributes';
import { searchAttributesOf, summaryOf } from './view';

export function showCase(view: CaseView, stall: WriteStall | undefined): void {
  const wanted = [...searchAttributesOf(view), { key: ReadModelStalledKey, value: stall ? true : null }] as SearchAttributeUpdatePair[];
  const current = workflowInfo().typedSearchAttributes;
  const changed = wanted.filter((p) => !sameValue(current.get(p.key), p.value));
  if (changed.length > 0) upsertSearchAttributes(changed);
  const stallLine = stall ? `\n\n⚠ read model behind since ${stall.since}: the database refused ${stall.attempts} write(s)${stall.code ? ` (SQLSTATE ${stall.code})` : ''}; \`npm run ops -- redrive <caseId>\` retries now` : '';
  setCurrentDetails(summaryOf(view) + stallLine);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return a === b;
}
