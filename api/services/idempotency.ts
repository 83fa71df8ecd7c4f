// Idempotency-Key handling: a repeat of a request returns the first answer; the same
// key with a different body is refused. Keys are scoped to the authenticated caller.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { unprocessable } from '../problem';

export interface Stored {
  status: number;
  body: unknown;
}

export const requestHash = (parts: unknown): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** A stable ID derived from the caller and its key: the same request names the same thing. */
export const derivedId = (principal: string, key: string, size = 24): string =>
  createHash('sha256').update(`${principal}\u0000${key}`).digest('base64url').slice(0, size);

/**
 * Runs `fn` once per (principal, key). A replay with the same body gets the stored
 * answer; a different body is a 422. If an earlier attempt died midway, `fn` runs
 * again: it must itself be idempotent (Temporal workflow and update IDs make it so).
 */
export async function once(db: Db, principal: string, key: string, hash: string, fn: () => Promise<Stored>): Promise<Stored> {
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  if (existing && existing.requestHash !== hash) {
    throw unprocessable('this Idempotency-Key was used with a different request');
  }
  if (existing?.response !== undefined && existing.response !== null) return { status: existing.status, body: existing.response };
  if (!existing) {
    await db.insert(idempotencyKeys).values({ principal, key, requestHash: hash, status: 0 }).onConflictDoNothing();
  }
  const result = await fn();
  await db
    .update(idempotencyKeys)
    .set({ status: result.status, response: result.body as object })
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  return result;
}
