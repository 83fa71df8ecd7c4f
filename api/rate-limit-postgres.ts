// Token buckets in PostgreSQL, shared by every API replica: a principal's limit holds
// however requests spread over the replicas. A take is one atomic upsert: the row lock
// of INSERT … ON CONFLICT DO UPDATE orders concurrent takes of one bucket, and its WHERE
// leaves the row untouched when less than a token has refilled (no RETURNING row means
// refused). Tokens refill continuously from `refilled_at`, so a refusal needs no write.
import { createHash } from 'node:crypto';
import { eq, lt, sql, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rateLimitBuckets } from '../db/schema';
import type { TokenBuckets } from './rate-limit';

/** A bucket idle this long has refilled completely: its row says nothing and is pruned. */
const FULL_AFTER_MS = 60_000;
const PRUNE_EVERY = 1_000; // takes per process between prunes
const PRUNE_BATCH = 100;

export function postgresBuckets(db: Db): TokenBuckets {
  // Built and prepared once: a take is then one statement the server has already planned.
  const refilled = refilledLevel();
  const takeToken = db
    .insert(rateLimitBuckets)
    .values({ key: sql.placeholder('key'), tokens: sql`${sql.placeholder('size')}::float8 - 1`, refilledAt: sql`${sql.placeholder('at')}::timestamptz` })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: { tokens: sql`${refilled} - 1`, refilledAt: sql`greatest("rate_limit_buckets"."refilled_at", excluded.refilled_at)` },
      setWhere: sql`${refilled} >= 1`,
    })
    .returning({ tokens: rateLimitBuckets.tokens })
    .prepare('rate_limit_take');
  const readLevel = db
    .select({ tokens: sql<number>`${refilled}` })
    .from(rateLimitBuckets)
    .where(eq(rateLimitBuckets.key, sql.placeholder('key')))
    .prepare('rate_limit_level');
  let takes = 0;
  return {
    async take(principal, perMinute, atMs) {
      const args = { key: createHash('sha256').update(principal).digest('base64url'), size: perMinute, perSecond: perMinute / 60, at: new Date(atMs).toISOString() };
      const [taken] = await takeToken.execute(args);
      if (++takes % PRUNE_EVERY === 0) void prune(db, atMs).catch(() => undefined);
      if (taken) return { allowed: true, tokens: taken.tokens };
      const [left] = await readLevel.execute(args);
      return { allowed: false, tokens: Number(left?.tokens ?? 0) };
    },
  };
}

/** The bucket's level at `at`, capped at its size; a clock behind the row's adds nothing. */
function refilledLevel() {
  const elapsedSeconds = sql`greatest(0, extract(epoch from (${sql.placeholder('at')}::timestamptz - "rate_limit_buckets"."refilled_at")))`;
  return sql`least(${sql.placeholder('size')}::float8, "rate_limit_buckets"."tokens" + ${elapsedSeconds} * ${sql.placeholder('perSecond')}::float8)`;
}

async function prune(db: Db, atMs: number): Promise<void> {
  const idle = db
    .select({ key: rateLimitBuckets.key })
    .from(rateLimitBuckets)
    .where(lt(rateLimitBuckets.refilledAt, new Date(atMs - FULL_AFTER_MS)))
    .orderBy(rateLimitBuckets.refilledAt)
    .limit(PRUNE_BATCH);
  await db.delete(rateLimitBuckets).where(inArray(rateLimitBuckets.key, idle));
}
