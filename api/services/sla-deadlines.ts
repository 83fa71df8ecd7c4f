// Computes a rule's deadlines on a calendar, or says (422) why it cannot: a calendar
// without business time ahead, or a limit so long the result lies centuries away. The
// API checks this before it saves a policy or calendar and before a case starts, since
// a workflow that cannot compute its first deadline fails its first task for ever.
import { createBusinessCalendar, NoBusinessTimeError, type CalendarSpec } from '../../domain/business-calendar';
import { previewDeadlines, type DeadlinePreview, type SlaRule } from '../../domain/sla-policy';
import { unprocessable, type Problem } from '../problem';

// Times leave the API as RFC 3339 strings, which have four-digit years.
const FIRST_INSTANT = Date.parse('0000-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

const cannotCompute = (what: string, why: string): Problem => unprocessable(`${what}: deadlines cannot be computed (${why})`);

export function computableDeadlines(rule: SlaRule, spec: CalendarSpec, openedAt: Date, what: string): DeadlinePreview {
  let p: DeadlinePreview;
  try {
    p = previewDeadlines(rule, createBusinessCalendar(spec), openedAt);
  } catch (e) {
    if (!(e instanceof NoBusinessTimeError) && !(e instanceof RangeError)) throw e;
    throw cannotCompute(what, e.message);
  }
  const instants = [p.openedAt, ...[p.firstResponse, p.progressUpdate, ...p.escalations].flatMap((d) => [d.due, d.warnAt])];
  if (instants.some((t) => t.getTime() < FIRST_INSTANT || t.getTime() > LAST_INSTANT)) {
    throw cannotCompute(what, 'they would fall outside the years 0000–9999 (UTC)');
  }
  return p;
}
