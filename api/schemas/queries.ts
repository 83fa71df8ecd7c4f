// zod schemas for query strings and the read endpoints' parameters.
import { z } from 'zod';
import { CASE_STATUSES, CATEGORIES, PRIORITIES, UNITS } from '../../domain/case-types';
import { isAdmissible } from '../edge/admissible';
import { boundedInstant } from './instant';

/** The largest value of a PostgreSQL `integer` column (int4), which `after` is compared with. */
export const INT4_MAX = 2_147_483_647;

// A cursor is base64url of JSON this API wrote; what it decodes to reaches SQL, so it
// is held to the same text rule as everything a client sends in the clear.
const cursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]*$/, 'a cursor from a previous page')
  .refine((c) => isAdmissible(Buffer.from(c, 'base64url').toString('utf8')), 'a cursor from a previous page');

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));

export const listCasesQuery = z
  .object({
    status: csv(CASE_STATUSES).optional(),
    priority: csv(PRIORITIES).optional(),
    category: csv(CATEGORIES).optional(),
    customerId: z.string().min(1).max(64).optional(),
    assignee: z.string().min(1).max(128).optional().describe('a member of staff, or `me` for the caller'),
    unassigned: z.literal('true').transform(() => true).optional().describe('only cases nobody is assigned to'),
    unit: z.enum(UNITS).optional(),
    // Digits only: coercion would read an empty `level=` as level 0.
    level: z.string().regex(/^(?:1?\d|20)$/, 'a level from 0 to 20').transform(Number).optional().describe('escalation level (0 = front line), 0–20'),
    breached: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    dueBefore: boundedInstant.optional().describe('only cases whose next deadline falls before this instant'),
    openedFrom: boundedInstant.optional(),
    openedTo: boundedInstant.optional(),
    sort: z
      .enum(['openedAt', 'nextDeadline'])
      .default('openedAt')
      .describe('`openedAt`: newest first; `nextDeadline` (staff only): at risk first (the next deadline has warned), then by due time; cases without a running clock last'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: cursor.optional(),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const historyQuery = z
  .object({
    after: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
