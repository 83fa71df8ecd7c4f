// zod schemas of the admin notice routes: which notices to list, and what an admin sees
// of one. No payload: the notice's text can hold what a customer wrote.
import { z } from 'zod';

export const NOTICE_STATES = ['PENDING', 'SENDING', 'FAILED', 'DELIVERED', 'SKIPPED'] as const;

/** Event IDs are `<caseId>-<n>`; case IDs are letters, digits and `_.:-`. */
export const eventIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'an event ID');

export const listNoticesQuery = z
  .object({
    state: z.enum(NOTICE_STATES).default('FAILED'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(300).optional(),
  })
  .strict();
export type ListNoticesQuery = z.infer<typeof listNoticesQuery>;

const instant = z.iso.datetime({ offset: true });

export const noticeSchema = z.object({
  eventId: z.string(),
  caseId: z.string(),
  eventSeq: z.number().int(),
  type: z.string(),
  state: z.enum(NOTICE_STATES),
  attempts: z.number().int().min(0),
  createdAt: instant,
  /** A FAILED notice's next try; a SENDING one's lease end. */
  nextAttemptAt: instant.nullable(),
  /** Why the last attempt failed, as a code: HTTP_<status>, TIMEOUT, NETWORK_ERROR. */
  lastError: z.string().nullable(),
  deliveredAt: instant.nullable(),
});

export const noticePageSchema = z.object({ items: z.array(noticeSchema), nextCursor: z.string().nullable() });
export const redriveAllSchema = z.object({ redriven: z.number().int().min(0) });
