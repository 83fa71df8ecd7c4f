// Marks what lies past the calendar's horizon as provisional: the one place that decides
// it for every read of a case (staff and customer views, action and opening answers) and
// for the case list. Pure: the horizon is looked up by the caller.
import { isPastHorizon, type CalendarHorizon } from '../../domain/calendar-horizon';
import type { CaseView } from '../../workflows/case/contract';

/** What a marked time carries: `provisional: true`, or nothing. */
export type Provisional = { provisional?: true };

/** `{ provisional: true }` when the object was marked, else nothing: for copying the mark. */
export const provisionalOf = (o: object): Provisional => ((o as Provisional).provisional ? { provisional: true } : {});

/** The view with `calendarHorizon`, and `provisional: true` on each time still to come that lies past it. */
export function markProvisionalDeadlines(view: CaseView, horizon: CalendarHorizon | undefined): CaseView & { calendarHorizon?: string } {
  if (!horizon) return view;
  const past = (due: string | undefined): boolean => due !== undefined && isPastHorizon(horizon, due);
  // Only running clocks: a settled one's due time no longer promises anything.
  const mark = <D extends { due: string; status: string }>(d: D): D & Provisional => (d.status === 'PENDING' && past(d.due) ? { ...d, provisional: true } : d);
  const c = view.customerDeadlines;
  const customerTimes = [c.firstResponseDue, c.nextUpdateDue, c.replyBy, c.appealWindowClosesAt, c.appealReviewDue];
  const next: (NonNullable<CaseView['nextDeadline']> & Provisional) | undefined = view.nextDeadline && past(view.nextDeadline.due) ? { ...view.nextDeadline, provisional: true } : view.nextDeadline;
  const customerDeadlines: CaseView['customerDeadlines'] & Provisional = customerTimes.some(past) ? { ...c, provisional: true } : c;
  return {
    ...view,
    calendarHorizon: horizon.coveredThrough,
    deadlines: view.deadlines.map(mark),
    openDeadlines: view.openDeadlines.map(mark),
    ...(next ? { nextDeadline: next } : {}),
    customerDeadlines,
  };
}

/** A list row's next deadline marked the same way. */
export function markProvisionalListItem<T extends { nextDeadlineAt: string | null }>(row: T, horizon: CalendarHorizon | undefined): T & { nextDeadlineProvisional?: true } {
  return row.nextDeadlineAt !== null && isPastHorizon(horizon, row.nextDeadlineAt) ? { ...row, nextDeadlineProvisional: true } : row;
}
