// The SLA report, computed in PostgreSQL: one statement over the read model for the
// cases opened in the period (a cohort: every figure is about those cases, as they
// stand now). Node only renames what comes back (report-shape.ts); no case is loaded.
//
// Columns answer the simple figures; the snapshot's lists (breaches, escalations, the
// appeal, compensation grants, feedback) answer the rest. `jsonb_to_record` reads each
// snapshot once: `snapshot->'x'` would de-TOAST the whole document once per field.
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

const FIRST_RESPONSE_BREACHED = sql.raw(`'[{"clock":"FIRST_RESPONSE"}]'::jsonb`);

export function slaReportStatement(q: SlaReportQuery): SQL {
  return sql`
    with c as materialized (
      select ${GROUP_COLUMNS[q.groupBy]} as grp,
             ${cases.resolvedAt} as resolved_at, ${cases.closedAt} as closed_at,
             ${cases.firstResponseMinutes} as fr_minutes, ${cases.resolutionMinutes} as res_minutes,
             s."firstRespondedAt" is not null as answered,
             coalesce(s.breaches, '[]') as breaches, coalesce(s.escalations, '[]') as escalations, s.appeal,
             coalesce(s.compensation, '[]') as compensation, coalesce(s.feedback, '[]') as feedback
        from ${cases}
        cross join lateral jsonb_to_record(${cases.snapshot})
             as s("firstRespondedAt" text, breaches jsonb, escalations jsonb, appeal jsonb, compensation jsonb, feedback jsonb)
       where ${cases.openedAt} >= ${q.from}::timestamptz and ${cases.openedAt} < ${q.to}::timestamptz
    ),
    base as (
      select grp,
             count(*)::int as opened, count(resolved_at)::int as resolved, count(closed_at)::int as closed,
             count(*) filter (where answered and not breaches @> ${FIRST_RESPONSE_BREACHED})::int as fr_met,
             count(*) filter (where breaches @> ${FIRST_RESPONSE_BREACHED})::int as fr_missed,
             percentile_cont(0.5) within group (order by fr_minutes) as fr_median,
             percentile_cont(0.9) within group (order by fr_minutes) as fr_p90,
             percentile_cont(0.5) within group (order by res_minutes) as res_median,
             percentile_cont(0.9) within group (order by res_minutes) as res_p90,
             count(appeal)::int as appeals_filed,
             count(*) filter (where appeal->>'decision' = 'UPHELD')::int as appeals_upheld,
             count(*) filter (where appeal->>'decision' = 'OVERTURNED')::int as appeals_overturned
        from c group by grp
    ),
    tallies as (
      select grp, 'breach' as what, b->>'clock' as name, count(*)::int as n, null::bigint as amount
        from c, jsonb_array_elements(breaches) b group by grp, 3
      union all
      select grp, 'level', e->>'toLevel', count(*)::int, null from c, jsonb_array_elements(escalations) e group by grp, 3
      union all
      select grp, 'trigger', e->>'trigger', count(*)::int, null from c, jsonb_array_elements(escalations) e group by grp, 3
      union all
      select grp, 'rating', f->>'rating', count(*)::int, null from c, jsonb_array_elements(feedback) f group by grp, 3
      union all
      select grp, 'compensation', (g->>'currency') || ' ' || (g->>'status'), count(*)::int, sum((g->>'amount')::bigint)
        from c, jsonb_array_elements(compensation) g group by grp, 3
    ),
    by_group as (
      select grp, jsonb_agg(jsonb_build_array(what, name, n, amount)) as tallies from tallies group by grp
    )
    select base.*, coalesce(by_group.tallies, '[]'::jsonb) as tallies
      from base left join by_group on by_group.grp = base.grp
     order by base.grp collate "C"`;
}

export async function slaReport(db: Db, q: SlaReportQuery): Promise<SlaReport> {
  const rows = resultRows(await db.execute(slaReportStatement(q))).map((r) => ({
    ...r,
    // A driver that leaves jsonb unparsed hands over text.
    tallies: typeof r.tallies === 'string' ? JSON.parse(r.tallies) : r.tallies,
  })) as unknown as ReportRow[];
  return { from: q.from, to: q.to, groupBy: q.groupBy, groups: rows.map(reportGroup) };
}
