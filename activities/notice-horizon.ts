// Whether a notice's times lie past the horizon of its case's calendar (the last date its
// holiday data covers): such a time is provisional, and the webhook says so. Decided when
// the notice is sent, from the case's calendar (db/calendar-horizons.ts), so a notice
// stored before an import still tells its receiver what was known when it went out.
import { horizonOfCaseId } from '../db/calendar-horizons';
import type { Db } from '../db/client';
import { isPastHorizon } from '../domain/calendar-horizon';
import type { OutboxRow } from './notice-claims';

/** The fields of a notice's `data` that hold a deadline (domain/case-clock-events.ts, domain/actions/*). */
const DEADLINE_FIELDS = ['due', 'firstResponseDue', 'replyBy', 'appealWindowCloses', 'reviewDue'] as const;

/** What the webhook adds to its `data` when a time in the notice is provisional. */
export interface ProvisionalMark {
  provisional: true;
  calendarHorizon: string;
}

export async function provisionalMark(db: Db, row: OutboxRow): Promise<ProvisionalMark | undefined> {
  const data = (row.payload as { data?: Record<string, unknown> }).data ?? {};
  const times = DEADLINE_FIELDS.map((f) => data[f]).filter((v): v is string => typeof v === 'string');
  if (times.length === 0) return undefined; // most notices carry no deadline: no look-up
  const horizon = await horizonOfCaseId(db, row.caseId);
  return horizon && times.some((t) => isPastHorizon(horizon, t)) ? { provisional: true, calendarHorizon: horizon.coveredThrough } : undefined;
}
