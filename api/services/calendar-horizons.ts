// Looks up the horizon of each case's calendar (db/calendar-horizons.ts) and marks its
// deadlines (api/projection/provisional-deadlines.ts).
import { inArray } from 'drizzle-orm';
import { caseCalendarColumns, horizonOfCase, horizonsOfCases } from '../../db/calendar-horizons';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { CaseView } from '../../workflows/case/contract';
import { markProvisionalDeadlines, markProvisionalListItem } from '../projection/provisional-deadlines';

export async function withProvisionalDeadlines(db: Db, view: CaseView): Promise<CaseView> {
  return markProvisionalDeadlines(view, await horizonOfCase(db, view));
}

/** A page of the case list with `nextDeadlineProvisional` where the next deadline lies past its calendar's horizon. */
export async function withProvisionalListItems<T extends { caseId: string; nextDeadlineAt: string | null }>(db: Db, page: { items: T[] }): Promise<{ items: T[] }> {
  const ids = page.items.filter((i) => i.nextDeadlineAt !== null).map((i) => i.caseId);
  if (ids.length === 0) return page;
  // The list's rows leave the calendar out; it lives in the snapshot.
  const refs = await db
    .select({ caseId: cases.caseId, ...caseCalendarColumns })
    .from(cases)
    .where(inArray(cases.caseId, ids));
  const horizons = await horizonsOfCases(db, refs);
  const byCase = new Map(refs.map((r, i) => [r.caseId, horizons[i]]));
  return { ...page, items: page.items.map((item) => markProvisionalListItem(item, byCase.get(item.caseId))) };
}
