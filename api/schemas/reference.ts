// zod schemas for SLA policies, calendars and the SLA preview (C4.2). The domain's
// own validators run after these for rules zod cannot express (ordered ladders,
// non-overlapping hours, real time zones).
import { z } from 'zod';
import { CATEGORIES, PRIORITIES } from '../../domain/case-types';
import { PAUSABLE_CLOCKS } from '../../domain/sla-policy';
import { boundedInstant } from './instant';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM (00:00–24:00)');
const interval = z.tuple([hhmm, hhmm]);
const day = z.array(interval).max(12);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and -');

export const calendarSpecSchema = z
  .object({
    timezone: z.string().min(1).max(64),
    weekly: z.object({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }).partial().strict(),
    holidays: z.array(localDate).max(2000).optional(),
    extraWorkdays: z.array(localDate).max(2000).optional(),
    extraWorkdayHours: day.optional(),
    horizon: localDate.optional().describe('the last date the holiday data covers (docs/BUSINESS-TIME.md); derived from the lists when absent'),
  })
  .strict();

export const calendarBody = z.object({ id: idSchema, name: z.string().min(1).max(200), spec: calendarSpecSchema }).strict();

const positive = z.number().positive().max(1_000_000);
export const slaRuleSchema = z
  .object({
    firstResponseMinutes: positive,
    progressUpdateMinutes: positive,
    escalationLadder: z.array(z.object({ toLevel: z.number().int().min(1).max(10), afterBusinessDays: positive, unit: z.string().min(1).max(64) }).strict()).max(10),
    waitingOnCustomerTimeoutBusinessDays: positive,
    waitingPauses: z.array(z.enum(PAUSABLE_CLOCKS)).max(3),
    appealWindow: z.object({ days: z.number().int().min(1).max(365), kind: z.enum(['calendar', 'business']) }).strict(),
    appealReviewBusinessDays: positive,
    compensationApprovalBusinessDays: positive,
    warningFraction: z.number().gt(0).lt(1),
  })
  .strict();

export const slaPolicyBody = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(200),
    calendarId: idSchema,
    rules: z.object(Object.fromEntries(PRIORITIES.map((p) => [p, slaRuleSchema])) as Record<(typeof PRIORITIES)[number], typeof slaRuleSchema>).strict(),
    categoryOverrides: z.partialRecord(z.enum(CATEGORIES), z.partialRecord(z.enum(PRIORITIES), slaRuleSchema.partial())).optional(),
  })
  .strict();

export const previewBody = z
  .object({
    priority: z.enum(PRIORITIES).default('NORMAL'),
    category: z.enum(CATEGORIES).optional(),
    /** Staff: whose contract to preview (a customer's own is always used). */
    organisationId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an organisation (customer) ID').optional(),
    slaPolicyId: idSchema.optional(),
    openedAt: boundedInstant.optional(),
  })
  .strict();
