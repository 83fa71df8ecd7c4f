// The SLA report's figures computed again, independently, in plain TypeScript over the
// scripted cases (report-fixture.ts): what the SQL must agree with, cell for cell.
import type { ScriptedCase } from './report-fixture';

/** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
const round = (x: number | null, d: number) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);
const countOf = (xs: string[], keys: string[]) => Object.fromEntries(keys.map((k) => [k, xs.filter((x) => x === k).length]));

const KEY: Record<string, (c: ScriptedCase) => string | null> = {
  customer: (c) => c.customerId,
  category: (c) => c.category,
  priority: (c) => c.priority,
  unit: (c) => c.unit,
  agent: (c) => c.assignee,
};

export function expectedGroups(all: ScriptedCase[], from: string, to: string, groupBy: string) {
  const inPeriod = all.filter((c) => c.openedAt >= from && c.openedAt < to);
  // Byte order of the key, no key (unassigned) first: the API's order.
  const keys = [...new Set(inPeriod.map(KEY[groupBy]!))].sort((a, b) => ((a ?? '') < (b ?? '') ? -1 : 1));
  return keys.map((key) => {
    const g = inPeriod.filter((c) => KEY[groupBy]!(c) === key);
    const missed = g.filter((c) => c.breaches.includes('FIRST_RESPONSE')).length;
    const met = g.filter((c) => c.firstResponseMinutes !== null && !c.breaches.includes('FIRST_RESPONSE')).length;
    const fr = g.flatMap((c) => (c.firstResponseMinutes === null ? [] : [c.firstResponseMinutes]));
    const res = g.flatMap((c) => (c.resolutionMinutes === null ? [] : [c.resolutionMinutes]));
    const escalations = g.flatMap((c) => c.escalations);
    const ratings = g.flatMap((c) => c.ratings);
    const grants = g.flatMap((c) => c.compensation);
    const levels = [...new Set(escalations.map((e) => String(e.toLevel)))];
    const money = (currency: string, status: string) => {
      const these = grants.filter((x) => x.currency === currency && x.status === status);
      return { count: these.length, amountMinor: these.reduce((s, x) => s + x.amount, 0) };
    };
    return {
      key,
      opened: g.length,
      resolved: g.filter((c) => c.resolutionMinutes !== null).length,
      closed: g.filter((c) => c.closed).length,
      firstResponse: {
        met,
        missed,
        attainmentPct: met + missed === 0 ? null : round((100 * met) / (met + missed), 1),
        medianMinutes: round(percentile(fr, 0.5), 1),
        p90Minutes: round(percentile(fr, 0.9), 1),
      },
      resolution: { medianMinutes: round(percentile(res, 0.5), 1), p90Minutes: round(percentile(res, 0.9), 1) },
      breaches: countOf(g.flatMap((c) => c.breaches), ['FIRST_RESPONSE', 'PROGRESS_UPDATE', 'APPEAL_REVIEW', 'COMPENSATION_APPROVAL']),
      escalations: {
        byLevel: countOf(escalations.map((e) => String(e.toLevel)), levels),
        byTrigger: countOf(escalations.map((e) => e.trigger), ['CLOCK', 'AGENT', 'DISPUTE', 'CATEGORY', 'LATE_APPEAL_REVIEW']),
      },
      appeals: {
        filed: g.filter((c) => c.appeal !== null).length,
        upheld: g.filter((c) => c.appeal === 'UPHELD').length,
        overturned: g.filter((c) => c.appeal === 'OVERTURNED').length,
      },
      compensation: Object.fromEntries(
        [...new Set(grants.map((x) => x.currency))].map((cur) => [
          cur,
          { granted: money(cur, 'GRANTED'), pendingApproval: money(cur, 'PENDING_APPROVAL'), approved: money(cur, 'APPROVED'), rejected: money(cur, 'REJECTED') },
        ]),
      ),
      feedback: {
        count: ratings.length,
        average: ratings.length === 0 ? null : round(ratings.reduce((s, x) => s + x, 0) / ratings.length, 2),
        distribution: countOf(ratings.map(String), ['1', '2', '3', '4', '5']),
      },
    };
  });
}
