// zod schemas for query strings and the read endpoints' parameters.
import { z } from 'zod';
import { CASE_STATUSES, CATEGORIES, PRIORITIES, UNITS } from '../../domain/case-types';

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
    assignee: z.string().min(1).max(128).optional(),
    unit: z.enum(UNITS).optional(),
    breached: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    openedFrom: z.iso.datetime({ offset: true }).optional(),
    openedTo: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListCasesQuery = z.infer<typeof listCasesQuery>;

export const historyQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
