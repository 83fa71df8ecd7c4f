// Turns one row of the report statement (report-sla.ts) into the group the API answers:
// renames, fills the counts nobody reached with 0, rounds. No figure is computed here
// but the feedback mean, which the rating distribution gives exactly.
import {
  BREACHABLE_CLOCKS,
  COMPENSATION_OUTCOMES,
  ESCALATION_TRIGGERS,
  RATINGS,
  type SlaReportGroup,
} from '../schemas/reports';

/** What a tally names: a breached clock, a level, a trigger, a rating, or "<currency> <status>". */
type Tally = [what: 'breach' | 'level' | 'trigger' | 'rating' | 'compensation', name: string, n: number, amount: number | null];

export interface ReportRow {
  grp: string;
  opened: number;
  resolved: number;
  closed: number;
  fr_met: number;
  fr_missed: number;
  fr_median: number | null;
  fr_p90: number | null;
  res_median: number | null;
  res_p90: number | null;
  appeals_filed: number;
  appeals_upheld: number;
  appeals_overturned: number;
  tallies: Tally[];
}

const STATUS_OUTCOME: Record<string, (typeof COMPENSATION_OUTCOMES)[number]> = {
  GRANTED: 'granted',
  PENDING_APPROVAL: 'pendingApproval',
  APPROVED: 'approved',
  REJECTED: 'rejected',
};

const round = (x: number | null, digits: number): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function reportGroup(row: ReportRow): SlaReportGroup {
  const breaches = zeros(BREACHABLE_CLOCKS);
  const byTrigger = zeros(ESCALATION_TRIGGERS);
  const byLevel: Record<string, number> = {};
  const distribution = zeros(RATINGS);
  const compensation: SlaReportGroup['compensation'] = {};
  for (const [what, name, n, amount] of row.tallies) {
    if (what === 'breach' && name in breaches) breaches[name as keyof typeof breaches] = n;
    else if (what === 'trigger' && name in byTrigger) byTrigger[name as keyof typeof byTrigger] = n;
    else if (what === 'level') byLevel[name] = n;
    else if (what === 'rating' && name in distribution) distribution[name as keyof typeof distribution] = n;
    else if (what === 'compensation') {
      const [currency, status] = name.split(' ') as [string, string];
      const outcome = STATUS_OUTCOME[status];
      if (!outcome) continue;
      compensation[currency] ??= Object.fromEntries(COMPENSATION_OUTCOMES.map((o) => [o, { count: 0, amountMinor: 0 }])) as SlaReportGroup['compensation'][string];
      compensation[currency][outcome] = { count: n, amountMinor: Number(amount ?? 0) };
    }
  }
  const rated = RATINGS.reduce((sum, r) => sum + distribution[r], 0);
  const ratingSum = RATINGS.reduce((sum, r) => sum + Number(r) * distribution[r], 0);
  const settled = row.fr_met + row.fr_missed;
  return {
    key: row.grp === '' ? null : row.grp,
    opened: row.opened,
    resolved: row.resolved,
    closed: row.closed,
    firstResponse: {
      met: row.fr_met,
      missed: row.fr_missed,
      attainmentPct: settled === 0 ? null : round((100 * row.fr_met) / settled, 1),
      medianMinutes: round(row.fr_median, 1),
      p90Minutes: round(row.fr_p90, 1),
    },
    resolution: { medianMinutes: round(row.res_median, 1), p90Minutes: round(row.res_p90, 1) },
    breaches,
    escalations: { byLevel, byTrigger },
    appeals: { filed: row.appeals_filed, upheld: row.appeals_upheld, overturned: row.appeals_overturned },
    compensation,
    feedback: { count: rated, average: rated === 0 ? null : round(ratingSum / rated, 2), distribution },
  };
}
