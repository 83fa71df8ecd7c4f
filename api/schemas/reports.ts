// zod schemas of the SLA report: its query and its answer (api/services/report-sla.ts).
import { z } from 'zod';
import type { ClockKind } from '../../domain/case-state';
import { boundedInstant } from './instant';

const instant = boundedInstant;

/** The longest period one report covers: it bounds what one request makes PostgreSQL read. */
export const REPORT_MAX_DAYS = 366;
const DAY_MS = 86_400_000;

export const REPORT_GROUPS = ['customer', 'category', 'priority', 'unit', 'agent'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export const slaReportQuery = z
  .object({
    from: instant.describe('start of the period (inclusive): cases opened at or after'),
    to: instant.describe(`end of the period (exclusive): cases opened before; at most ${REPORT_MAX_DAYS} days after \`from\``),
    groupBy: z.enum(REPORT_GROUPS).describe('one row per customer organisation, category, priority, unit or assigned agent'),
  })
  .strict();
export type SlaReportQuery = z.infer<typeof slaReportQuery>;

/** The span rule, checked after parsing (a refinement would stop the schema being extended). */
export function periodProblem(q: SlaReportQuery): string | undefined {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (span <= 0) return '`to` must be later than `from`';
  if (span > REPORT_MAX_DAYS * DAY_MS) return `a report covers at most ${REPORT_MAX_DAYS} days`;
  return undefined;
}

/** Clocks that are service promises: only these breach (windows expire, they do not breach). */
export const BREACHABLE_CLOCKS = ['FIRST_RESPONSE', 'PROGRESS_UPDATE', 'APPEAL_REVIEW', 'COMPENSATION_APPROVAL'] as const satisfies readonly ClockKind[];
export const ESCALATION_TRIGGERS = ['CLOCK', 'AGENT', 'DISPUTE', 'CATEGORY', 'LATE_APPEAL_REVIEW'] as const;
export const COMPENSATION_OUTCOMES = ['granted', 'pendingApproval', 'approved', 'rejected'] as const;
export const RATINGS = ['1', '2', '3', '4', '5'] as const;

const count = z.number().int().min(0);
const minutes = z.number().min(0).nullable().describe('business minutes; null when no case has the figure');
const counts = <K extends readonly [string, ...string[]]>(keys: K) => z.object(Object.fromEntries(keys.map((k) => [k, count])) as Record<K[number], typeof count>);
const money = z.object({ count, amountMinor: z.number().int().min(0).describe('sum in minor units of the currency') });

export const slaReportGroupSchema = z.object({
  key: z.string().nullable().describe('the group: customer ID, category, priority, unit or agent ID (null: unassigned)'),
  opened: count,
  resolved: count.describe('of the cases opened, how many stand resolved now (or were, before closing)'),
  closed: count,
  firstResponse: z.object({
    met: count,
    missed: count,
    attainmentPct: z.number().min(0).max(100).nullable().describe('met / (met + missed) × 100, one decimal; null when neither'),
    medianMinutes: minutes,
    p90Minutes: minutes,
  }),
  resolution: z.object({ medianMinutes: minutes, p90Minutes: minutes }),
  breaches: counts(BREACHABLE_CLOCKS),
  escalations: z.object({
    byLevel: z.record(z.string().regex(/^\d+$/), count).describe('by the level escalated to'),
    byTrigger: counts(ESCALATION_TRIGGERS).describe('CLOCK: a level\'s time ran out or an appeal review was late (LATE_APPEAL_REVIEW); AGENT: by staff; DISPUTE: the customer disputed the result; CATEGORY: routed to a specialist unit'),
  }),
  appeals: z.object({ filed: count, upheld: count, overturned: count }),
  compensation: z
    .record(z.string().regex(/^[A-Z]{3}$/), z.object(Object.fromEntries(COMPENSATION_OUTCOMES.map((k) => [k, money])) as Record<(typeof COMPENSATION_OUTCOMES)[number], typeof money>))
    .describe('by currency: grants within the granter\'s authority, awaiting approval, approved, rejected'),
  feedback: z.object({
    count,
    average: z.number().min(1).max(5).nullable().describe('mean rating, two decimals'),
    distribution: counts(RATINGS),
  }),
});
export type SlaReportGroup = z.infer<typeof slaReportGroupSchema>;

export const slaReportSchema = z.object({
  from: instant,
  to: instant,
  groupBy: z.enum(REPORT_GROUPS),
  groups: z.array(slaReportGroupSchema),
});
export type SlaReport = z.infer<typeof slaReportSchema>;
