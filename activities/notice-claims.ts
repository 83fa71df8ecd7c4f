// The outbox as a delivery queue. A case's notices go out in order: only the case's
// earliest undelivered notice (its head) may be sent. Whoever sends it first claims it
// with a lease (state SENDING, next_attempt_at = lease end, attempts + 1) in one
// statement, so the case's own activity and the relay never send the same notice at
// the same moment; a sender that dies mid-way leaves a lease that simply runs out.
import { and, asc, eq, inArray, isNull, lte, min, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export type OutboxRow = typeof outbox.$inferSelect;

/** Longer than one HTTP attempt (10 s) plus the database writes around it. */
export const LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LAST_RETRY_MS = 60 * 60_000;

/** Capped exponential back-off: 1 min after the first failure, doubling to 1 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
}

const UNDELIVERED = ['PENDING', 'FAILED', 'SENDING'];

/**
 * Claims the case's head notice, or returns undefined when it has none or another sender
 * holds it. `honourBackOff`: a FAILED head is taken only once its next attempt is due
 * (the relay); the case's own activity runs on Temporal's retry schedule instead.
 */
export async function claimHead(db: Db, caseId: string, now: Date, honourBackOff: boolean): Promise<OutboxRow | undefined> {
  // FOR UPDATE, not SKIP LOCKED: skipping a locked head would let a later notice overtake it.
  const head = sql`(select ${outbox.eventId} from ${outbox} where ${outbox.caseId} = ${caseId}
    and ${outbox.state} in ('PENDING', 'FAILED', 'SENDING') order by ${outbox.eventSeq} limit 1 for update)`;
  const due = or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now));
  const [row] = await db
    .update(outbox)
    .set({ state: 'SENDING', attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(outbox.eventId, head),
        or(
          eq(outbox.state, 'PENDING'),
          and(eq(outbox.state, 'FAILED'), honourBackOff ? due : undefined),
          and(eq(outbox.state, 'SENDING'), lte(outbox.nextAttemptAt, now)), // an abandoned lease
        ),
      ),
    )
    .returning();
  return row;
}

/** Whether the case still has notices to send (claimed by someone else, say). */
export async function hasUndelivered(db: Db, caseId: string): Promise<boolean> {
  const rows = await db.select({ id: outbox.eventId }).from(outbox).where(and(eq(outbox.caseId, caseId), inArray(outbox.state, UNDELIVERED))).limit(1);
  return rows.length > 0;
}

export async function markDelivered(db: Db, row: OutboxRow): Promise<void> {
  await db.update(outbox).set({ state: 'DELIVERED', deliveredAt: new Date(), lastError: null, nextAttemptAt: null }).where(eq(outbox.eventId, row.eventId));
}

/** Fenced by the attempt count: a sender whose lease ran out does not overwrite a newer attempt. */
export async function markFailed(db: Db, row: OutboxRow, errorCode: string, now: Date): Promise<Date> {
  const next = new Date(now.getTime() + retryDelayMs(row.attempts));
  await db
    .update(outbox)
    .set({ state: 'FAILED', lastError: errorCode, nextAttemptAt: next })
    .where(and(eq(outbox.eventId, row.eventId), eq(outbox.state, 'SENDING'), eq(outbox.attempts, row.attempts)));
  return next;
}

/** Without a webhook URL nothing is sent: the case's waiting notices are set aside. */
export async function skipUndelivered(db: Db, caseId: string): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ state: 'SKIPPED', nextAttemptAt: null })
    .where(and(eq(outbox.caseId, caseId), inArray(outbox.state, ['PENDING', 'FAILED'])))
    .returning({ id: outbox.eventId });
  return rows.length;
}

/** A notice still PENDING this long after it was written lost its sender (its case's attempts went on database errors). */
const ORPHANED_AFTER_MS = 10 * 60_000;

/** Cases whose head failed and is due again, whose sender abandoned its lease, or whose notice was never tried. */
export async function casesDue(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ caseId: outbox.caseId })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.state, 'FAILED'), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))),
        and(eq(outbox.state, 'SENDING'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.state, 'PENDING'), lte(outbox.createdAt, new Date(now.getTime() - ORPHANED_AFTER_MS))),
      ),
    )
    .orderBy(asc(outbox.caseId))
    .limit(limit);
  return rows.map((r) => r.caseId);
}

/** When the relay next has something to do: the earliest retry or lease end. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db.select({ at: min(outbox.nextAttemptAt) }).from(outbox).where(inArray(outbox.state, ['FAILED', 'SENDING']));
  return row?.at ?? null;
}
