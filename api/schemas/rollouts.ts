// zod schemas of roll-outs: the ID in the status path, the 202 answer that points at the
// status, and the status itself (case IDs and reason codes only: no personal data).
import { z } from 'zod';
import { ROLLOUT_FAILURE_REASONS } from '../../workflows/rollout/contract';

/** `<kind>-<target ID>-v<version>`, as rolloutId() builds it. */
export const rolloutIdSchema = z.string().regex(/^[a-z]+-[A-Za-z0-9_.:-]{1,100}-v\d{1,9}$/, 'a roll-out ID');

const target = z.object({ kind: z.string(), id: z.string() });
const instant = z.iso.datetime({ offset: true });

/** POST …/rollout: accepted; read its progress at `href` (also the Location header). */
export const rolloutAcceptedSchema = z.object({ id: z.string(), target, version: z.number().int().min(1), href: z.string() });

/** GET /v1/rollouts/{id}: where the roll-out stands. */
export const rolloutStatusSchema = z.object({
  id: z.string(),
  target,
  version: z.number().int().min(1),
  /**
   * SCHEDULED: waits for `startsAt` (a contract version saved ahead of its effective date);
   * FAILED: the roll-out workflow was terminated or failed, its counts are as far as it got.
   */
  state: z.enum(['SCHEDULED', 'RUNNING', 'COMPLETED', 'FAILED']),
  pagesDone: z.number().int().min(0),
  /** Cases signalled their new pin; each recomputes its pending deadlines on receipt. */
  moved: z.number().int().min(0),
  failedCount: z.number().int().min(0),
  /** The cases that could not be moved and why (the first 1,000; failedCount counts all). */
  failed: z.array(z.object({ caseId: z.string(), reason: z.enum(ROLLOUT_FAILURE_REASONS) })),
  startsAt: instant.optional(),
  startedAt: instant.optional(),
  finishedAt: instant.optional(),
  /** An organisation's roll-out that moved nothing because this later contract version was in force when it ran. */
  supersededBy: z.number().int().min(1).optional(),
});
export type RolloutStatus = z.infer<typeof rolloutStatusSchema>;
