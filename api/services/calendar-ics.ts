// Reads an iCalendar (.ics) file of official days off into holidays and make-up working
// days, with ical.js (RFC 5545). The rules, documented in docs/BUSINESS-TIME.md:
// - Every VEVENT is an all-day event (DTSTART;VALUE=DATE); it covers DTSTART up to but not
//   including DTEND (or DTSTART + DURATION; one day when neither is given).
// - An event whose SUMMARY or CATEGORIES says 班 (补班, 上班), "working day", "workday" or
//   "make-up" is a make-up working day; any other event is a holiday. Cancelled events
//   (STATUS:CANCELLED) are left out.
// - Recurring events (RRULE, RDATE) and events longer than 31 days are refused: official
//   lists name each date. Nothing from the file but its dates is kept.
import ICAL from 'ical.js';
import { addCalendarDays, parseLocalDate } from '../../domain/business-calendar';
import type { OfficialYear } from '../../domain/calendar-import';
import { Problem, unprocessable } from '../problem';

export const MAX_EVENTS = 1000;
const MAX_EVENT_DAYS = 31;
const WORKING_DAY = /班|working day|workday|make-up|makeup/i;

const refused = (why: string): Problem => unprocessable(`not a usable holiday calendar: ${why}`);
// ical.js's messages quote the offending line: keep only the error's kind.
const unreadable = (e: unknown, event?: number): Problem =>
  refused(`${event ? `event ${event}` : 'the iCalendar text'} does not parse (${e instanceof Error ? e.name : 'error'})`);

type Event = InstanceType<typeof ICAL.Component>;

function textsOf(ev: Event): string[] {
  const summary = ev.getFirstPropertyValue('summary');
  const categories = ev.getAllProperties('categories').flatMap((p) => p.getValues());
  return [summary, ...categories].filter((v): v is string => typeof v === 'string');
}

/** A DATE property's value as written: ical.js would quietly roll 2026-13-45 into 2027. */
function rawDate(prop: InstanceType<typeof ICAL.Property>, what: string): string {
  const written: unknown = prop.toJSON()[3];
  if (typeof written !== 'string' || Number.isNaN(parseLocalDate(written))) throw refused(`${what} is not a real date`);
  return written;
}

/** The local dates an all-day event covers. */
function datesOf(ev: Event, n: number): string[] {
  const start = ev.getFirstProperty('dtstart');
  if (!start || start.type !== 'date') throw refused(`event ${n} is not an all-day event (DTSTART;VALUE=DATE)`);
  if (ev.hasProperty('rrule') || ev.hasProperty('rdate')) throw refused(`event ${n} repeats (RRULE/RDATE); list each date`);
  const first = rawDate(start, `event ${n}: DTSTART`);
  let days = 1;
  const end = ev.getFirstProperty('dtend');
  const duration = ev.getFirstPropertyValue('duration');
  if (end) {
    if (end.type !== 'date') throw refused(`event ${n}: DTEND is not a date`);
    days = parseLocalDate(rawDate(end, `event ${n}: DTEND`)) - parseLocalDate(first);
  } else if (duration instanceof ICAL.Duration) {
    days = Math.round(duration.toSeconds() / 86_400);
  }
  if (!Number.isInteger(days) || days < 1 || days > MAX_EVENT_DAYS) throw refused(`event ${n} spans ${days} days (1-${MAX_EVENT_DAYS} allowed)`);
  return Array.from({ length: days }, (_, i) => addCalendarDays(first, i));
}

/** The holidays and make-up working days an .ics file lists, for `year`; a 422 when it cannot be read. */
export function officialYearFromIcs(text: string, year: number): OfficialYear {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (e) {
    throw unreadable(e);
  }
  // Several top-level components parse to a list of them.
  if (!Array.isArray(jcal) || typeof jcal[0] !== 'string') throw refused('expected one VCALENDAR');
  const root = new ICAL.Component(jcal);
  if (root.name !== 'vcalendar') throw refused('expected one VCALENDAR');
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) throw refused('it has no events');
  if (events.length > MAX_EVENTS) throw refused(`more than ${MAX_EVENTS} events`);
  const holidays: string[] = [], extraWorkdays: string[] = [];
  events.forEach((ev, i) => {
    try {
      if (String(ev.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') return;
      const dates = datesOf(ev, i + 1);
      (textsOf(ev).some((t) => WORKING_DAY.test(t)) ? extraWorkdays : holidays).push(...dates);
    } catch (e) {
      throw e instanceof Problem ? e : unreadable(e, i + 1); // ical.js decodes values lazily
    }
  });
  return { year, holidays, extraWorkdays };
}
