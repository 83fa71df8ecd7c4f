// Imports a year's official holidays and make-up working days into a calendar as its next
// version (domain/calendar-import.ts decides the merge). New cases pin it from now on;
// open cases move to it only through a roll-out.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars } from '../../db/schema';
import { CalendarSpecError, createBusinessCalendar, NoBusinessTimeError, type CalendarSpec } from '../../domain/business-calendar';
import { CalendarImportError, importOfficialYear, type ImportOutcome, type OfficialYear } from '../../domain/calendar-import';
import { conflict, notFound, unprocessable } from '../problem';

export async function importCalendarYear(db: Db, calendarId: string, official: OfficialYear, now: Date) {
  const [base] = await db.select().from(calendars).where(eq(calendars.id, calendarId)).orderBy(desc(calendars.version)).limit(1);
  if (!base) throw notFound(`no calendar ${calendarId}`);
  let outcome: ImportOutcome;
  try {
    outcome = importOfficialYear(base.spec as CalendarSpec, official);
    // A calendar with no business time ahead would stall every case that used it.
    createBusinessCalendar(outcome.spec).nextBusinessTime(now);
  } catch (e) {
    if (e instanceof CalendarImportError || e instanceof CalendarSpecError || e instanceof NoBusinessTimeError) throw unprocessable(e.message);
    throw e;
  }
  const version = base.version + 1;
  const saved = await db.insert(calendars).values({ id: calendarId, version, name: base.name, spec: outcome.spec }).onConflictDoNothing().returning({ version: calendars.version });
  if (saved.length === 0) throw conflict(`calendar ${calendarId} gained version ${version} meanwhile; import again`);
  const { spec, ...counts } = outcome;
  return { id: calendarId, version, name: base.name, spec, imported: { year: official.year, ...counts } };
}
