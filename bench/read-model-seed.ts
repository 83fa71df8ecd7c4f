// A read model shaped like a year of service, for the list and report phases: most cases
// closed, a working set open with deadlines from two hours overdue to five days out,
// 500 customers, 50 agents, and snapshots as wide as real ones (recent interactions,
// breaches, escalations, grants, appeals, feedback), bulk-inserted with generate_series
// into the phase's own database and analysed.
import { CASE_STATUSES, CATEGORIES, PRIORITIES, UNITS } from '../domain/case-types';
import type { BenchDatabase } from './database';
import { nowMs } from './stats';

/** The period the seeded cases were opened in: the year before the seed ran. */
export const SEEDED_DAYS = 365;

const sqlArray = (values: readonly string[]): string => `array[${values.map((v) => `'${v}'`).join(',')}]`;

/** Seeds `rows` cases; answers the seconds it took. */
export async function seedReadModel(db: BenchDatabase, rows: number): Promise<number> {
  const started = nowMs();
  // Weighted statuses: index into this array with a uniform draw.
  const statuses = [...Array(14).fill('CLOSED'), 'OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'ESCALATED'];
  for (const s of statuses) if (!(CASE_STATUSES as readonly string[]).includes(s)) throw new Error(`unknown status ${s}`);
  await db.sql.unsafe(`
    insert into cases (case_id, customer_id, subject, status, close_reason, priority, category, channel, level, unit, assignee,
                       sla_breached, next_deadline_at, next_deadline_kind, next_deadline_warned, opened_at, resolved_at, closed_at,
                       updated_at, version, snapshot, first_response_minutes, resolution_minutes,
                       first_responded_at, first_response_breached, appeal_outcome, report_tallies)
    select 'seed-' || g, 'cust-' || (g % 500), 'Cannot export reports ' || g, st,
           case when st = 'CLOSED' then 'ACCEPTED' end,
           (${sqlArray(PRIORITIES)})[1 + (g * 7) % ${PRIORITIES.length}],
           (${sqlArray(CATEGORIES)})[1 + (g * 5) % ${CATEGORIES.length}],
           'ONLINE', lvl,
           (${sqlArray(UNITS)})[1 + (case when lvl > 0 then 1 + (g % ${UNITS.length - 1}) else 0 end)],
           case when st = 'OPEN' then null else 'agent-' || (g % 50) end,
           breached,
           due, case when due is not null then 'PROGRESS_UPDATE' end, due is not null and g % 7 = 0,
           opened,
           case when st in ('RESOLVED', 'CLOSED') then opened + interval '2 days' end,
           case when st = 'CLOSED' then opened + interval '9 days' end,
           opened + interval '1 hour', 1,
           jsonb_build_object(
             'caseId', 'seed-' || g, 'status', st, 'subject', 'Cannot export reports ' || g,
             'description', repeat(md5(g::text) || ' the export button spins forever. ', 16),
             'firstRespondedAt', case when st <> 'OPEN' then opened + interval '25 minutes' end,
             'breaches', case when breached then jsonb_build_array(jsonb_build_object('clock', 'FIRST_RESPONSE', 'deadlineId', 'FIRST_RESPONSE-1', 'due', opened, 'at', opened)) else '[]' end,
             'escalations', case when lvl > 0 then jsonb_build_array(jsonb_build_object('fromLevel', 0, 'toLevel', lvl, 'unit', 'specialist', 'reason', 'needs a specialist', 'trigger', (array['CLOCK','AGENT','DISPUTE','CATEGORY'])[1 + g % 4], 'by', 'system', 'at', opened)) else '[]' end,
             'appeal', case when g % 23 = 0 and st in ('RESOLVED', 'CLOSED') then jsonb_build_object('filedAt', opened, 'filedBy', 'u', 'grounds', 'unfair', 'status', 'DECIDED', 'decision', (array['UPHELD','OVERTURNED'])[1 + g % 2]) end,
             'compensation', case when g % 17 = 0 then jsonb_build_array(jsonb_build_object('id', 'g1', 'amount', 100 * (g % 90), 'currency', (array['CNY','EUR'])[1 + g % 2], 'reason', 'outage', 'requestedBy', 'agent-1', 'requestedAt', opened, 'status', (array['GRANTED','PENDING_APPROVAL','APPROVED','REJECTED'])[1 + g % 4])) else '[]' end,
             'feedback', case when st = 'CLOSED' and g % 3 = 0 then jsonb_build_array(jsonb_build_object('rating', 1 + g % 5, 'at', opened)) else '[]' end,
             'recentInteractions', (select jsonb_agg(jsonb_build_object('seq', k, 'at', opened, 'actorId', 'agent-1', 'actorRole', 'agent', 'channel', 'ONLINE', 'kind', 'AGENT_REPLY',
                                      'content', repeat(md5((g * 31 + k)::text), 4), 'visibleToCustomer', true)) from generate_series(1, 8) k)),
           case when st <> 'OPEN' then 25 end,
           case when st in ('RESOLVED', 'CLOSED') then 480 + (g % 2000) end,
           -- The report's facts, as the writer derives them from the snapshot above.
           case when st <> 'OPEN' then opened + interval '25 minutes' end,
           breached,
           case when g % 23 = 0 and st in ('RESOLVED', 'CLOSED') then (array['UPHELD','OVERTURNED'])[1 + g % 2] end,
           (case when breached then '[["breach", "FIRST_RESPONSE"]]'::jsonb else '[]' end)
             || (case when lvl > 0 then jsonb_build_array(jsonb_build_array('level', lvl::text), jsonb_build_array('trigger', (array['CLOCK','AGENT','DISPUTE','CATEGORY'])[1 + g % 4])) else '[]' end)
             || (case when g % 17 = 0 then jsonb_build_array(jsonb_build_array('compensation', (array['CNY','EUR'])[1 + g % 2] || ' ' || (array['GRANTED','PENDING_APPROVAL','APPROVED','REJECTED'])[1 + g % 4], 100 * (g % 90))) else '[]' end)
             || (case when st = 'CLOSED' and g % 3 = 0 then jsonb_build_array(jsonb_build_array('rating', (1 + g % 5)::text)) else '[]' end)
    from (
      select g, st, opened, lvl, (g % 11 = 0) as breached,
             case when st in ('CLOSED', 'RESOLVED') then null
                  else now() - interval '2 hours' + ((g * 7919) % 7200) * interval '1 minute' end as due
      from (
        select g, st, case when st = 'ESCALATED' then 1 + g % 2 else 0 end as lvl,
               now() - (g::double precision / ${rows}) * interval '${SEEDED_DAYS} days' as opened
        from (select g, (${sqlArray(statuses)})[1 + floor(random() * ${statuses.length})::int] as st from generate_series(1, ${rows}) as g) s0
      ) s1
    ) s`);
  await db.sql`analyze cases`;
  return (nowMs() - started) / 1000;
}
