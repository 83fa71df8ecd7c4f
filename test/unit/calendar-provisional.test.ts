// The one rule every read path applies: a running clock due past the calendar's horizon is
// provisional; a settled one, or one due within it, is not.
import { markProvisionalDeadlines, markProvisionalListItem } from '../../api/projection/provisional-deadlines';
import { calendarHorizon } from '../../domain/calendar-horizon';
import { chinaMainlandCalendarSpec } from '../../domain/calendar-presets';
import type { CaseView } from '../../workflows/case/contract';

const horizon = calendarHorizon(chinaMainlandCalendarSpec())!; // through 2026-12-31, Shanghai
const JANUARY = '2027-01-04T01:00:00.000Z';
const DECEMBER = '2026-12-30T01:00:00.000Z';
const deadline = (id: string, due: string, status = 'PENDING') => ({ id, kind: 'ESCALATION', due, status, startedAt: DECEMBER, warnAt: DECEMBER, warned: false, pausedMinutes: 0 });

const view = {
  caseId: 'c1',
  deadlines: [deadline('d1', JANUARY), deadline('d2', JANUARY, 'MET'), deadline('d3', DECEMBER)],
  openDeadlines: [deadline('d3', DECEMBER), deadline('d1', JANUARY)],
  nextDeadline: { id: 'd3', kind: 'ESCALATION', due: DECEMBER },
  customerDeadlines: { firstResponseDue: DECEMBER, appealWindowClosesAt: JANUARY, clocksPaused: false },
} as unknown as CaseView;

describe('provisional deadlines', () => {
  it('when a running clock is due past the horizon, then only it is marked, with the horizon on the case', () => {
    const marked = markProvisionalDeadlines(view, horizon);
    expect(marked.calendarHorizon).toBe('2026-12-31');
    expect(marked.deadlines.map((d) => [d.id, (d as { provisional?: true }).provisional])).toEqual([['d1', true], ['d2', undefined], ['d3', undefined]]);
    expect(marked.openDeadlines.map((d) => (d as { provisional?: true }).provisional)).toEqual([undefined, true]);
    expect(marked.nextDeadline).toEqual(view.nextDeadline);
    expect(marked.customerDeadlines).toEqual({ ...view.customerDeadlines, provisional: true });
  });

  it('when the calendar has no horizon, then the view is left as it is', () => {
    expect(markProvisionalDeadlines(view, undefined)).toBe(view);
  });

  it('when a list row\'s next deadline is past the horizon, then the row says so; without a deadline it does not', () => {
    expect(markProvisionalListItem({ nextDeadlineAt: JANUARY }, horizon)).toEqual({ nextDeadlineAt: JANUARY, nextDeadlineProvisional: true });
    expect(markProvisionalListItem({ nextDeadlineAt: DECEMBER }, horizon)).toEqual({ nextDeadlineAt: DECEMBER });
    expect(markProvisionalListItem({ nextDeadlineAt: null }, horizon)).toEqual({ nextDeadlineAt: null });
  });
});
