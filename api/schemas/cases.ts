// zod schemas for case requests: the API's contract with clients, and the source of
// the OpenAPI document. Nothing reaches a workflow without passing one of these.
import { z } from 'zod';
import {
  CATEGORIES,
  CHANNELS,
  POLICY_REQUESTS,
  PRIORITIES,
  STANDARD_PROCEDURES,
  UNITS,
} from '../../domain/case-types';

const text = (max: number) => z.string().trim().min(1).max(max);
const message = text(10_000);

export const caseIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a case ID is 1–64 letters, digits, _ or -');

export const createCaseBody = z
  .object({
    customerId: text(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only'),
    subject: text(200),
    description: message,
    category: z.enum(CATEGORIES),
    priority: z.enum(PRIORITIES).default('NORMAL'),
    channel: z.enum(CHANNELS),
    contact: z
      .object({ name: text(200).optional(), email: z.email().max(320).optional(), phone: text(40).optional() })
      .strict()
      .optional(),
    /** Staff only, and only for an organisation without a service contract in force (issue 12). */
    slaPolicyId: text(64).optional(),
  })
  .strict();
export type CreateCaseBody = z.infer<typeof createCaseBody>;

const channel = { channel: z.enum(CHANNELS).optional() };

/** One body schema per action; the route name is the action's name. */
export const actionBodies = {
  acknowledge: z.object({ ...channel, message: message.optional() }).strict(),
  reply: z.object({ ...channel, message, measures: text(2_000).optional() }).strict(),
  requestInfo: z.object({ ...channel, message }).strict(),
  customerReply: z.object({ ...channel, message }).strict(),
  assign: z.object({ ...channel, assignee: text(128) }).strict(),
  recordFinding: z.object({ ...channel, finding: message }).strict(),
  escalate: z
    .object({ ...channel, reason: text(2_000), toLevel: z.number().int().min(1).max(10).optional(), unit: z.enum(UNITS).optional() })
    .strict(),
  grantCompensation: z
    .object({
      ...channel,
      amount: z.number().int().positive().max(1_000_000_000),
      currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY'),
      reason: text(2_000),
    })
    .strict(),
  decideCompensation: z.object({ ...channel, grantId: text(32), approve: z.boolean(), note: text(2_000).optional() }).strict(),
  resolve: z
    .object({
      ...channel,
      result: message,
      measures: text(2_000).optional(),
      procedure: z.enum(STANDARD_PROCEDURES).optional(),
      policyRequest: z.enum(POLICY_REQUESTS).optional(),
    })
    .strict(),
  accept: z.object({ ...channel }).strict(),
  dispute: z.object({ ...channel, reason: text(2_000) }).strict(),
  appeal: z.object({ ...channel, grounds: message }).strict(),
  decideAppeal: z
    .object({
      ...channel,
      decision: z.enum(['UPHELD', 'OVERTURNED']),
      reasoning: message,
      newResult: message.optional(),
      faultFinding: text(2_000).optional(),
      remedy: text(2_000).optional(),
    })
    .strict()
    .refine((b) => b.decision !== 'OVERTURNED' || b.newResult, { message: 'an overturned appeal needs newResult', path: ['newResult'] }),
  feedback: z.object({ ...channel, rating: z.number().int().min(1).max(5), comment: text(2_000).optional() }).strict(),
  withdraw: z.object({ ...channel, reason: text(2_000).optional() }).strict(),
} as const;

export type ActionName = keyof typeof actionBodies;
