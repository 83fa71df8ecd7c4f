// The SLA report, computed in PostgreSQL: one statement over the read model for the
// cases opened in the period (a cohort: every figure is about those cases, as they
// stand now). Node only renames what comes back (report-shape.ts); no case is loaded.
//
// Plain columns answer the per-case figures; `report_tallies` (a few small entries per
// case, written beside the snapshot by activities/case-figures.ts) answers the counts of
// breaches, escalations, ratings and grants. Snapshots are never read: parsing 100,000
// of them took five times as long as the whole report does now (docs/REPORTS.md).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { resultRows } from '../../db/result-rows';
import { cases } from '../../db/schema';
import type { ReportGroup, SlaReport, SlaReportQuery } from '../schemas/reports';
import { reportGroup, type ReportRow } from './report-shape';

// '' stands for "no agent" (IDs are never empty), so groups join by plain equality.
const GROUP_COLUMNS: Record<ReportGroup, SQL> = {
  customer: sql`${cases.customerId}`,
  category: sql`${cases.category}`,
  priority: sql`${cases.priority}`,
  unit: sql`${cases.unit}`,
  agent: sql`coalesce(${cases.assignee}, '')`,
};

export function slaReportStatement(q: SlaReportQuery): SQL {
  // One pass over the period's rows: the per-case figures aggregate as they go, and each
  // group's non-empty tally lists are collected, then counted per group (few, small).
  return sql`
    with base as (
      select ${GROUP_COLUMNS[q.groupBy]} as grp,
             count(*)::int as opened, count(${cases.resolvedAt})::int as resolved, count(${cases.closedAt})::int as closed,
             count(*) filter (where ${cases.firstRespondedAt} is not null and not ${cases.firstResponseBreached})::int as fr_met,
             count(*) filter (where ${cases.firstResponseBreached})::int as fr_missed,
             percentile_cont(0.5) within group (order by ${cases.firstResponseMinutes}) as fr_median,
             percentile_cont(0.9) within group (order by ${cases.firstResponseMinutes}) as fr_p90,
             percentile_cont(0.5) within group (order by ${cases.resolutionMinutes}) as res_median,
             percentile_cont(0.9) within group (order by ${cases.resolutionMinutes}) as res_p90,
             count(${cases.appealOutcome})::int as appeals_filed,
             count(*) filter (where ${cases.appealOutcome} = 'UPHELD')::int as appeals_upheld,
             count(*) filter (where ${cases.appealOutcome} = 'OVERTURNED')::int as appeals_overturned,
             array_agg(${cases.reportTallies}) filter (where ${cases.reportTallies} <> '[]'::jsonb) as lists
        from ${cases}
       where ${cases.openedAt} >= ${q.from}::timestamptz and ${cases.openedAt} < ${q.to}::timestamptz
       group by 1
    )
    select grp, opened, resolved, closed, fr_met, fr_missed, fr_median, fr_p90, res_median, res_p90,
           appeals_filed, appeals_upheld, appeals_overturned,
           (select coalesce(jsonb_agg(jsonb_build_array(what, name, n, amount)), '[]'::jsonb)
              from (select t->>0 as what, t->>1 as name, count(*)::int as n, sum((t->>2)::bigint) as amount
                      from unnest(lists) as list cross join lateral jsonb_array_elements(list) as t
                     group by 1, 2) counted) as tallies
      from base
     order by grp collate "C"`;
}

export async function slaReport(db: Db, q: SlaReportQuery): Promise<SlaReport> {
  // 100,000 rows sort for the medians: room for that in memory instead of temporary files.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '32MB'`);
    return tx.execute(slaReportStatement(q));
  });
  const rows = resultRows(result).map((r) => ({
    ...r,
    // A driver that leaves jsonb unparsed hands over text.
    tallies: typeof r.tallies === 'string' ? JSON.parse(r.tallies) : r.tallies,
  })) as unknown as ReportRow[];
  return { from: q.from, to: q.to, groupBy: q.groupBy, groups: rows.map(reportGroup) };
}
