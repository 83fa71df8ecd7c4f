// Which horizon a case's deadlines were computed against: the calendar version the case
// pinned (its snapshot's `calendarVersion`, kept current by roll-outs).
//
// Cases pinned before the version was recorded name only the calendar's ID: for them it is
// the version in force when the case opened (the newest created at or before its opening),
// so one a roll-out has since moved is judged by the older version. That errs on the side of
// warning: a deadline is never called firm when its calendar lacked the dates.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { calendarHorizon, type CalendarHorizon } from '../domain/calendar-horizon';
import type { CalendarSpec } from '../domain/business-calendar';
import type { Db } from './client';
import { calendars, cases } from './schema';

export interface CaseCalendarRef {
  calendarId: string;
  /** The pinned version, where the case recorded one. */
  calendarVersion?: number | null;
  openedAt: string | Date;
}

/** The read-model columns behind CaseCalendarRef (the pin lives in the snapshot). */
export const caseCalendarColumns = {
  calendarId: sql<string>`${cases.snapshot}->>'calendarId'`,
  calendarVersion: sql<number | null>`(${cases.snapshot}->>'calendarVersion')::int`,
  openedAt: cases.openedAt,
};

// A calendar version never changes once saved, so its horizon is cached for good (per
// database: tests run several databases in one process).
const cachedHorizons = new WeakMap<Db, Map<string, CalendarHorizon | null>>();

async function horizonOfVersion(db: Db, id: string, version: number): Promise<CalendarHorizon | undefined> {
  let cache = cachedHorizons.get(db);
  if (!cache) cachedHorizons.set(db, (cache = new Map()));
  const key = `${version}@${id}`;
  if (!cache.has(key)) {
    const [row] = await db.select({ spec: calendars.spec }).from(calendars).where(and(eq(calendars.id, id), eq(calendars.version, version)));
    if (!row) return undefined;
    cache.set(key, calendarHorizon(row.spec as CalendarSpec) ?? null);
  }
  return cache.get(key) ?? undefined;
}

/** Each case's horizon, in the order given; undefined where its calendar has none. */
export async function horizonsOfCases(db: Db, refs: readonly CaseCalendarRef[]): Promise<(CalendarHorizon | undefined)[]> {
  // A snapshot without a calendar ID (none is expected) is simply not marked.
  const ids = [...new Set(refs.map((r) => r.calendarId).filter((id): id is string => typeof id === 'string'))];
  if (ids.length === 0) return refs.map(() => undefined);
  const versions = await db
    .select({ id: calendars.id, version: calendars.version, createdAt: calendars.createdAt })
    .from(calendars)
    .where(inArray(calendars.id, ids))
    .orderBy(asc(calendars.id), asc(calendars.version));
  return Promise.all(
    refs.map((ref) => {
      if (typeof ref.calendarVersion === 'number') return horizonOfVersion(db, ref.calendarId, ref.calendarVersion);
      const opened = new Date(ref.openedAt).getTime();
      const mine = versions.filter((v) => v.id === ref.calendarId);
      // The version in force at opening; a case older than every version takes the first.
      const inForce = mine.filter((v) => v.createdAt.getTime() <= opened).at(-1) ?? mine[0];
      return inForce ? horizonOfVersion(db, inForce.id, inForce.version) : undefined;
    }),
  );
}

/** The horizon of one case's calendar (see horizonsOfCases). */
export async function horizonOfCase(db: Db, ref: CaseCalendarRef): Promise<CalendarHorizon | undefined> {
  return (await horizonsOfCases(db, [ref]))[0];
}

/** The horizon of a case's calendar by case ID, from the read model; undefined before its first write. */
export async function horizonOfCaseId(db: Db, caseId: string): Promise<CalendarHorizon | undefined> {
  const [ref] = await db
    .select(caseCalendarColumns)
    .from(cases)
    .where(eq(cases.caseId, caseId));
  return ref ? horizonOfCase(db, ref) : undefined;
}

export interface CalendarInForce {
  calendarId: string;
  version: number;
  horizon: CalendarHorizon;
}

/** The newest version of every calendar that has a horizon: what new cases pin today. */
export async function horizonsInForce(db: Db): Promise<CalendarInForce[]> {
  const newest = await db.selectDistinctOn([calendars.id], { id: calendars.id, version: calendars.version }).from(calendars).orderBy(calendars.id, desc(calendars.version));
  const found = await Promise.all(newest.map(async (c) => ({ calendarId: c.id, version: c.version, horizon: await horizonOfVersion(db, c.id, c.version) })));
  return found.filter((c): c is CalendarInForce => c.horizon !== undefined);
}
