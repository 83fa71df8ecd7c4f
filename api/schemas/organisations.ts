// zod schemas for customer organisations, their service contracts (issue 12) and the
// service standards a customer reads (C4.2): requests and answers, and the OpenAPI source.
import { z } from 'zod';
import { CATEGORIES, PRIORITIES } from '../../domain/case-types';
import { idSchema, slaPolicyBody, slaRuleSchema } from './reference';
import { boundedInstant } from './instant';

const instant = boundedInstant;

/** An organisation's ID is the `customerId` its cases and its customers' tokens carry. */
export const organisationIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an organisation ID (its customers\' customerId)');
export const contractVersionParam = z.string().regex(/^[1-9]\d{0,8}$/, 'a contract version number (1, 2, ...)');

export const organisationBody = z.object({ name: z.string().trim().min(1).max(200) }).strict();

const contractTerms = {
  calendarId: idSchema.describe('C3.1: the service-hours calendar'),
  rules: slaPolicyBody.shape.rules.describe('per priority: first response, progress updates, escalation ladder, waiting on the customer, appeal window, review time'),
  categoryOverrides: slaPolicyBody.shape.categoryOverrides.describe('where a category differs from its priority'),
  escalationPath: z.string().trim().min(1).max(2000).describe('C3.4: the escalation path as the contract tells the customer'),
};
export const contractTermsSchema = z.object(contractTerms).strict();

export const contractVersionBody = z
  .object({
    effectiveFrom: instant.optional().describe('when this version takes effect (default: now); never before the latest version\'s'),
    ...contractTerms,
  })
  .strict();

export const contractVersionSchema = z
  .object({
    organisationId: organisationIdSchema,
    version: z.number().int().min(1),
    effectiveFrom: instant,
    createdAt: instant,
    terms: contractTermsSchema,
  })
  .strict();

/** POST …/contract-versions answers the saved version and the roll-out that brings it to open cases. */
export const savedContractVersionSchema = contractVersionSchema
  .extend({
    rollout: z
      .object({ id: z.string(), href: z.string(), startsAt: instant })
      .strict()
      .describe('moves the organisation\'s open cases onto this version when it takes effect (GET `href` once it has started)'),
  })
  .strict();

export const organisationSchema = z
  .object({
    id: organisationIdSchema,
    name: z.string(),
    createdAt: instant,
    updatedAt: instant,
    contractInForce: z.number().int().min(1).nullable().describe('the contract version in force now; null: the provider default policy applies'),
    contractVersions: z.array(z.object({ version: z.number().int().min(1), effectiveFrom: instant, createdAt: instant }).strict()),
  })
  .strict();
export const organisationListSchema = z.object({ items: z.array(organisationSchema) }).strict();

export const ORGANISATION_AUDIT_ACTIONS = ['ORGANISATION_CREATED', 'ORGANISATION_RENAMED', 'CONTRACT_VERSION_ADDED', 'CONTRACT_ROLLED_OUT'] as const;
export const organisationAuditSchema = z
  .object({
    items: z.array(
      z.object({ at: instant, actorId: z.string(), action: z.enum(ORGANISATION_AUDIT_ACTIONS), detail: z.record(z.string(), z.unknown()) }).strict(),
    ),
  })
  .strict();

export const serviceStandardsQuery = z.object({ organisationId: organisationIdSchema.optional() }).strict();

const standardsByPriority = z
  .object({
    priority: z.enum(PRIORITIES),
    firstResponseMinutes: z.number(),
    progressUpdateMinutes: z.number(),
    escalationLadder: slaRuleSchema.shape.escalationLadder,
    waitingOnCustomerTimeoutBusinessDays: z.number(),
    appealWindow: slaRuleSchema.shape.appealWindow,
    appealReviewBusinessDays: z.number(),
  })
  .strict();

export const serviceStandardsSchema = z
  .object({
    organisationId: organisationIdSchema,
    contract: z.object({ version: z.number().int().min(1), effectiveFrom: instant }).strict().nullable().describe('null: no contract in force, the provider default applies'),
    serviceHours: z
      .object({
        calendarId: z.string(),
        timezone: z.string(),
        weekly: z.record(z.string(), z.array(z.tuple([z.string(), z.string()]))),
        holidays: z.array(z.string()).describe('local dates without service'),
        extraWorkdays: z.array(z.string()).describe('make-up working days'),
      })
      .strict(),
    responseTimes: z.array(standardsByPriority).describe('C3.2, C3.4, C5.1: per priority, in business minutes and days of the service hours'),
    categoryExceptions: z.array(standardsByPriority.partial().extend({ category: z.enum(CATEGORIES), priority: z.enum(PRIORITIES) }).strict()),
    escalationPath: z.string(),
  })
  .strict();
