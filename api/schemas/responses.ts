// zod schemas for every response body: the other half of the API's contract. The
// OpenAPI document is generated from them and the API tests check answers against
// them, so a response that drifts from its documentation fails a test.
import { z } from 'zod';
import {
  CASE_STATUSES,
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  POLICY_REQUESTS,
  PRIORITIES,
  ROLES,
  STANDARD_PROCEDURES,
  UNITS,
} from '../../domain/case-types';
import { CLOCK_KINDS } from '../../domain/case-state';
import { PAUSABLE_CLOCKS } from '../../domain/sla-policy';
import { calendarHorizonField, localDateSchema, provisionalFlag } from './calendar-horizon';

// Times leave the API as ISO 8601 strings; the offset form covers both Z and +08:00.
const instant = z.iso.datetime({ offset: true });
const level = z.number().int().min(0);

// --- The case (workflows/case/contract.ts CaseView over domain/case-state.ts CaseState)

export const deadlineSchema = z.object({
  id: z.string(),
  kind: z.enum(CLOCK_KINDS),
  startedAt: instant,
  due: instant,
  warnAt: instant,
  status: z.enum(['PENDING', 'MET', 'BREACHED', 'EXPIRED', 'CANCELLED']),
  warned: z.boolean(),
  pausedMinutes: z.number().min(0),
  pausedAt: instant.optional(),
  ref: z.string().optional(),
  endedAt: instant.optional(),
  provisional: provisionalFlag,
});

export const breachSchema = z.object({ clock: z.enum(CLOCK_KINDS), deadlineId: z.string(), due: instant, at: instant });

export const interactionSchema = z.object({
  seq: z.number().int().min(0),
  at: instant,
  actorId: z.string(),
  actorRole: z.enum(ROLES),
  channel: z.enum(CHANNELS),
  kind: z.string(),
  content: z.string().optional(),
  measures: z.string().optional(),
  result: z.string().optional(),
  visibleToCustomer: z.boolean(),
});

export const compensationGrantSchema = z.object({
  id: z.string(),
  amount: z.number().int().describe('minor currency units'),
  currency: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: instant,
  status: z.enum(['GRANTED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED']),
  decidedBy: z.string().optional(),
  decidedAt: instant.optional(),
  note: z.string().optional(),
});

export const resolutionSchema = z.object({
  result: z.string(),
  procedure: z.enum(STANDARD_PROCEDURES).optional(),
  policyRequest: z.enum(POLICY_REQUESTS).optional(),
  by: z.string(),
  at: instant,
  noResponse: z.boolean(),
});

export const appealSchema = z.object({
  filedAt: instant,
  filedBy: z.string(),
  grounds: z.string(),
  status: z.enum(['UNDER_REVIEW', 'DECIDED']),
  reviewer: z.string().optional(),
  decision: z.enum(['UPHELD', 'OVERTURNED']).optional(),
  newResult: z.string().optional(),
  faultFinding: z.string().optional(),
  remedy: z.string().optional(),
  decidedAt: instant.optional(),
});

export const escalationSchema = z.object({
  fromLevel: level,
  toLevel: level,
  unit: z.enum(UNITS),
  reason: z.string(),
  trigger: z.enum(['AGENT', 'CLOCK', 'CATEGORY', 'DISPUTE', 'LATE_APPEAL_REVIEW']),
  by: z.string(),
  at: instant,
});

export const feedbackSchema = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().optional(), at: instant });

export const caseViewSchema = z.object({
  caseId: z.string(),
  customerId: z.string(),
  subject: z.string(),
  description: z.string(),
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  contact: z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() }).optional(),
  status: z.enum(CASE_STATUSES),
  closeReason: z.enum(CLOSE_REASONS).optional(),
  level,
  unit: z.enum(UNITS),
  assignee: z.string().optional(),
  openedAt: instant,
  openedBy: z.string(),
  firstRespondedAt: instant.optional(),
  resolvedAt: instant.optional(),
  closedAt: instant.optional(),
  resumeStatus: z.enum(CASE_STATUSES).optional(),
  // Staff only: a customer's view leaves it out.
  preliminaryFinding: z.string().optional(),
  resolution: resolutionSchema.optional(),
  previousResolutions: z.array(resolutionSchema).optional().describe('results the customer disputed, oldest first'),
  appeal: appealSchema.optional(),
  escalations: z.array(escalationSchema),
  compensation: z.array(compensationGrantSchema),
  feedback: z.array(feedbackSchema),
  deadlines: z.array(deadlineSchema),
  breaches: z.array(breachSchema),
  handlers: z.array(z.string()).describe('staff who acted on the case; empty in a customer\'s view'),
  policy: z.object({ id: z.string(), version: z.number().int().min(1) }),
  calendarId: z.string(),
  calendarVersion: z.number().int().min(1).optional().describe('the calendar version the case runs on (absent on cases opened before it was recorded)'),
  seq: z.number().int().min(0),
  revision: z.number().int().min(0),
  noticeCount: z.number().int().min(0),
  clocksStarted: z.number().int().min(0).optional(),
  recentInteractions: z.array(interactionSchema),
  slaBreached: z.boolean(),
  nextDeadline: z.object({ kind: z.enum(CLOCK_KINDS), due: instant, id: z.string(), provisional: provisionalFlag }).optional(),
  openDeadlines: z.array(deadlineSchema).describe('deadlines of running clocks (paused ones included, with `pausedAt`), soonest first'),
  customerDeadlines: z
    .object({
      firstResponseDue: instant.optional(),
      nextUpdateDue: instant.optional(),
      replyBy: instant.optional(),
      appealWindowClosesAt: instant.optional(),
      appealReviewDue: instant.optional(),
      clocksPaused: z.boolean().describe('true while waiting on the customer: our clocks are paused'),
      provisional: provisionalFlag.describe('present when one of these times lies past the calendar\'s horizon and may move'),
    })
    .describe('what the customer may expect and by when; a time is absent when its clock is not running'),
  escalationPath: z.string().describe('where the case goes next if it stays unresolved or the customer is not satisfied'),
  calendarHorizon: calendarHorizonField,
});

/**
 * What a customer sees of a case (api/projection/customer-view.ts builds it): an allow-list
 * of the staff view's fields. Staff appear under neutral labels; findings, handlers,
 * internal clocks and bookkeeping are left out.
 */
export const customerCaseViewSchema = caseViewSchema
  .pick({
    caseId: true, customerId: true, subject: true, description: true, category: true, priority: true, channel: true,
    contact: true, status: true, closeReason: true, level: true, unit: true, assignee: true, openedAt: true,
    openedBy: true, firstRespondedAt: true, resolvedAt: true, closedAt: true, resolution: true,
    previousResolutions: true, appeal: true, escalations: true, compensation: true, feedback: true, deadlines: true,
    breaches: true, seq: true, recentInteractions: true, slaBreached: true, nextDeadline: true, openDeadlines: true,
    customerDeadlines: true, escalationPath: true, calendarHorizon: true,
  })
  .describe('a case as its customer sees it: people on staff appear as `customer-service`, `reviewer` or `system`');
export type CustomerCaseView = z.infer<typeof customerCaseViewSchema>;

export const actionResultSchema = z.object({
  result: z.object({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    seq: z.number().int().min(0),
    appended: z.array(z.number().int()).describe('interaction log entries this action appended'),
  }),
  case: z.union([caseViewSchema, customerCaseViewSchema]).describe('the case after the action, as the caller may see it'),
});

// --- Reads from the read model (api/services/case-queries.ts)

export const caseListPageSchema = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      customerId: z.string(),
      subject: z.string().nullable().describe('what the customer wrote as the title'),
      status: z.enum(CASE_STATUSES),
      closeReason: z.enum(CLOSE_REASONS).nullable(),
      priority: z.enum(PRIORITIES),
      category: z.enum(CATEGORIES),
      channel: z.enum(CHANNELS),
      level,
      unit: z.enum(UNITS),
      assignee: z.string().nullable(),
      slaBreached: z.boolean(),
      nextDeadlineAt: instant.nullable(),
      nextDeadlineKind: z.enum(CLOCK_KINDS).nullable(),
      nextDeadlineProvisional: provisionalFlag,
      openedAt: instant,
      updatedAt: instant,
    }),
  ),
  nextCursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last page'),
});

// The log's columns are nullable where the view's fields are optional.
export const historyPageSchema = z.object({
  items: z.array(
    interactionSchema.extend({ content: z.string().nullable(), measures: z.string().nullable(), result: z.string().nullable() }),
  ),
  nextAfter: z.number().int().nullable().describe('pass as `after` for the next page; null on the last page'),
});

// --- Reference data (api/services/reference-data.ts)

const hoursInterval = z.tuple([z.string(), z.string()]);
const weekdayHours = z.array(hoursInterval);

export const calendarSchema = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  name: z.string(),
  spec: z.object({
    timezone: z.string(),
    weekly: z.object({ mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours, sat: weekdayHours, sun: weekdayHours }).partial(),
    holidays: z.array(z.string()).optional(),
    extraWorkdays: z.array(z.string()).optional(),
    extraWorkdayHours: weekdayHours.optional(),
    horizon: localDateSchema.optional().describe('the last date the holiday data covers; deadlines past it are provisional'),
  }),
});
export const calendarListSchema = z.object({ items: z.array(calendarSchema) });

const slaRule = z.object({
  firstResponseMinutes: z.number(),
  progressUpdateMinutes: z.number(),
  escalationLadder: z.array(z.object({ toLevel: z.number().int(), afterBusinessDays: z.number(), unit: z.string() })),
  waitingOnCustomerTimeoutBusinessDays: z.number(),
  waitingPauses: z.array(z.enum(PAUSABLE_CLOCKS)),
  appealWindow: z.object({ days: z.number().int(), kind: z.enum(['calendar', 'business']) }),
  appealReviewBusinessDays: z.number(),
  compensationApprovalBusinessDays: z.number(),
  warningFraction: z.number(),
});

export const slaPolicySchema = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  name: z.string(),
  calendarId: z.string(),
  rules: z.object({ LOW: slaRule, NORMAL: slaRule, HIGH: slaRule, URGENT: slaRule }),
  categoryOverrides: z.record(z.string(), z.record(z.string(), slaRule.partial())).optional(),
});
export const slaPolicyListSchema = z.object({ items: z.array(slaPolicySchema) });

const previewDeadline = z.object({ due: instant, warnAt: instant });
export const slaPreviewSchema = z.object({
  policy: z.object({ id: z.string(), version: z.number().int().min(1) }),
  calendarId: z.string(),
  priority: z.enum(PRIORITIES),
  category: z.enum(CATEGORIES).optional(),
  openedAt: instant,
  firstResponse: previewDeadline,
  progressUpdate: previewDeadline,
  escalations: z.array(previewDeadline.extend({ toLevel: z.number().int(), unit: z.string() })),
  waitingOnCustomerTimeoutBusinessDays: z.number(),
  appealWindow: z.object({ days: z.number().int(), kind: z.enum(['calendar', 'business']) }),
  appealReviewBusinessDays: z.number(),
  compensationApprovalBusinessDays: z.number(),
});

// --- Customer accounts (api/services/accounts.ts)

export const accountSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  details: z.record(z.string(), z.unknown()),
  updatedAt: instant,
});

export const lookupAuditSchema = z.object({
  items: z.array(
    z.object({ id: z.number().int(), at: instant, actorId: z.string(), caseId: z.string(), customerId: z.string(), purpose: z.string() }),
  ),
});

// --- Probes

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  temporal: z.boolean().describe('the Temporal server answers'),
  database: z.boolean().describe('PostgreSQL answers'),
  calendarHorizons: z
    .array(z.object({ calendarId: z.string(), version: z.number().int(), coveredThrough: localDateSchema, daysLeft: z.number().int() }))
    .optional()
    .describe('a warning, not a failure: calendars in force whose holiday data ends within 60 days (or has ended)'),
});

// --- Errors: RFC 9457 problem details (api/problem.ts)

export const problemSchema = z
  .object({
    type: z.string().describe('`about:blank`: the status and title say what went wrong'),
    status: z.number().int().min(400).max(599),
    title: z.string(),
    detail: z.string().optional(),
    instance: z.string().describe('the request path this problem is about'),
    errors: z
      .array(z.object({ path: z.string().describe('dotted path of the field, or `(root)`'), message: z.string() }))
      .optional()
      .describe('for a 400: each invalid field'),
  })
  .catchall(z.unknown());
