// zod schemas of the provider's authority matrix (C2.2(d)): what an admin saves and
// what the API answers. Limits are in each currency's minor units (fen for CNY).
import { z } from 'zod';
import { ROLES } from '../../domain/case-types';

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY');
/** As large as the largest grant the API accepts. */
const minorUnits = z.number().int().min(0).max(1_000_000_000);
/** Versions are PostgreSQL integers. */
const MAX_VERSION = 2 ** 31 - 1;
/** A staff member's ID, as their token's `sub` carries it. */
const actorId = z.string().min(1).max(128);
/** Customers and back-office systems never grant, so the matrix has no limits for them. */
const grantingRole = z.enum(ROLES).exclude(['customer', 'system']);

export const currencyLimitsSchema = z
  .record(currencyCode, minorUnits)
  .describe('Limit per ISO 4217 code, in minor units. A currency left out is 0: grants in it wait for someone whose limit covers them.')
  // What the key schema enforces, shown in the OpenAPI document (the generator leaves record keys out).
  .meta({ propertyNames: { type: 'string', pattern: '^[A-Z]{3}$' } });

const matrixFields = {
  roles: z
    .partialRecord(grantingRole, currencyLimitsSchema)
    .describe('What each staff role may grant on its own; a role left out may grant nothing.')
    .meta({ additionalProperties: false }),
  agents: z
    .record(actorId, currencyLimitsSchema)
    .describe('Per-person overrides by staff ID: each currency named here replaces the role\'s limit in that currency.')
    .meta({ propertyNames: { type: 'string', minLength: 1, maxLength: 128 } }),
};

export const authorityMatrixBody = z
  .object({
    basedOnVersion: z
      .number()
      .int()
      .min(0)
      .max(MAX_VERSION - 1)
      .describe('The version this edit starts from (GET answers it): if another admin saved since, the save is refused (409) and nothing changes.'),
    ...matrixFields,
  })
  .strict();
export type AuthorityMatrixBody = z.infer<typeof authorityMatrixBody>;

export const authorityMatrixSchema = z.object({
  version: z.number().int().min(0).describe('0 is the built-in matrix, before any admin saved one.'),
  ...matrixFields,
  savedBy: z.string().nullable().describe('The admin who saved this version; null for version 0.'),
  savedAt: z.iso.datetime({ offset: true }).nullable(),
});

export const authorityVersionsQuery = z
  .object({
    before: z.coerce.number().int().min(1).max(MAX_VERSION).optional().describe('Only versions older than this one (the previous page\'s `nextBefore`).'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type AuthorityVersionsQuery = z.infer<typeof authorityVersionsQuery>;

export const authorityVersionsSchema = z.object({
  items: z.array(authorityMatrixSchema).describe('Saved versions, newest first: who saved what, and when.'),
  nextBefore: z.number().int().nullable(),
});
