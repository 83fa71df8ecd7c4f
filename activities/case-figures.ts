// Read-model columns the queue and the SLA report need beside the snapshot: the warning
// of the next deadline (it lives in the snapshot's clock list), business minutes to first
// response and to resolution (they need the business calendar), and the few facts the
// report counts, small enough that a report over 100,000 cases never parses a snapshot.
// A figure it cannot compute (no such calendar, instants centuries apart) is stored as null.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendars } from '../db/schema';
import { createBusinessCalendar, type BusinessCalendar, type CalendarSpec } from '../domain/business-calendar';
import type { CaseView } from '../workflows/case/contract';

/** What the report counts, one entry each: `[what, name]`, and for grants the amount too. */
export type ReportTally = ['breach' | 'level' | 'trigger' | 'rating', string] | ['compensation', string, number];

export interface ReportFacts {
  firstRespondedAt: Date | null;
  firstResponseBreached: boolean;
  appealOutcome: 'UNDER_REVIEW' | 'UPHELD' | 'OVERTURNED' | null;
  reportTallies: ReportTally[];
}

export interface CaseFigures extends ReportFacts {
  subject: string;
  nextDeadlineWarned: boolean;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

type FactSource = Pick<CaseView, 'firstRespondedAt' | 'breaches' | 'escalations' | 'appeal' | 'compensation' | 'feedback'>;

/** The facts of one case the SLA report counts (the report_facts migration derives the same in SQL). */
export function reportFacts(s: FactSource): ReportFacts {
  const breaches = s.breaches ?? [];
  const escalations = s.escalations ?? [];
  return {
    firstRespondedAt: s.firstRespondedAt ? new Date(s.firstRespondedAt) : null,
    firstResponseBreached: breaches.some((b) => b.clock === 'FIRST_RESPONSE'),
    appealOutcome: s.appeal ? (s.appeal.decision ?? 'UNDER_REVIEW') : null,
    reportTallies: [
      ...breaches.map((b): ReportTally => ['breach', b.clock]),
      ...escalations.map((e): ReportTally => ['level', String(e.toLevel)]),
      ...escalations.map((e): ReportTally => ['trigger', e.trigger]),
      ...(s.feedback ?? []).map((f): ReportTally => ['rating', String(f.rating)]),
      ...(s.compensation ?? []).map((g): ReportTally => ['compensation', `${g.currency} ${g.status}`, g.amount]),
    ],
  };
}

/** A calendar is read again after this long, so a new version reaches the figures. */
const CALENDAR_TTL_MS = 60_000;
const cache = new WeakMap<Db, Map<string, { readAt: number; calendar: Promise<BusinessCalendar | undefined> }>>();

// The calendar version the case pinned, the one its deadlines ran on; for a case pinned
// before the version was recorded, the calendar's newest version (the one it runs on once
// the policy that names it is rolled out).
function calendarOf(db: Db, calendarId: string, version: number | undefined): Promise<BusinessCalendar | undefined> {
  const byId = cache.get(db) ?? new Map();
  cache.set(db, byId);
  const key = `${calendarId}@${version ?? 'newest'}`;
  const hit = byId.get(key);
  if (hit && Date.now() - hit.readAt < CALENDAR_TTL_MS) return hit.calendar;
  const calendar = db
    .select({ spec: calendars.spec })
    .from(calendars)
    .where(version === undefined ? eq(calendars.id, calendarId) : and(eq(calendars.id, calendarId), eq(calendars.version, version)))
    .orderBy(desc(calendars.version))
    .limit(1)
    .then(([row]) => (row ? buildCalendar(row.spec as CalendarSpec) : undefined));
  // A failed read is not remembered: the write fails with it (like any database outage)
  // and its retry reads again, so a blip never stores a figure as unknown.
  calendar.catch(() => byId.delete(key));
  byId.set(key, { readAt: Date.now(), calendar });
  return calendar;
}

function buildCalendar(spec: CalendarSpec): BusinessCalendar | undefined {
  try {
    return createBusinessCalendar(spec);
  } catch {
    return undefined; // a stored spec this code cannot read: no figures, but the write goes on
  }
}

function minutesBetween(calendar: BusinessCalendar | undefined, from: string, to: string | undefined): number | null {
  if (!calendar || !to) return null;
  try {
    return Math.max(0, calendar.businessMinutesBetween(new Date(from), new Date(to)));
  } catch {
    return null; // an instant the calendar cannot walk to (centuries apart): no figure
  }
}

export async function caseFigures(db: Db, snapshot: CaseView): Promise<CaseFigures> {
  const next = snapshot.nextDeadline;
  const warned = next ? (snapshot.openDeadlines ?? []).some((d) => d.id === next.id && d.warned) : false;
  // Only answered or resolved cases need the calendar: a new case's write reads nothing.
  const needsCalendar = snapshot.firstRespondedAt !== undefined || snapshot.resolvedAt !== undefined;
  const calendar = needsCalendar ? await calendarOf(db, snapshot.calendarId, snapshot.calendarVersion) : undefined;
  return {
    ...reportFacts(snapshot),
    subject: snapshot.subject,
    nextDeadlineWarned: warned,
    firstResponseMinutes: minutesBetween(calendar, snapshot.openedAt, snapshot.firstRespondedAt),
    resolutionMinutes: minutesBetween(calendar, snapshot.openedAt, snapshot.resolvedAt),
  };
}
