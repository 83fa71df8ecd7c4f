// The idempotency_keys table, one statement per step. PostgreSQL decides every race:
// a claim is one INSERT … ON CONFLICT, so of any number of concurrent requests with one
// (principal, key) exactly one gets a row back. Times are the database's, never this process's.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';

/** What a request holding a key knows of its claim. */
export interface Claim {
  /** When this life of the key began: IDs derived from it differ once the key expired and was reused. */
  generation: string;
  /** The lease's end, also its fencing token: only this holder's writes match it. */
  lease: Date;
}

export interface KeyState {
  requestHash: string;
  status: number;
  response: unknown;
  /** Nobody holds the key (the holder released it, or died and its lease ran out). */
  free: boolean;
  /** Older than the time to live: the key counts as unused. */
  expired: boolean;
}

/** Status of a row whose request has not answered yet. */
export const PENDING = 0;

export class IdempotencyStore {
  constructor(
    private readonly db: Db,
    private readonly ttlHours: number,
    private readonly leaseSeconds: number,
  ) {}

  private readonly row = (principal: string, key: string) => and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key));
  private readonly expiredBefore = () => sql`now() - make_interval(hours => ${this.ttlHours}::int)`;

  /**
   * Takes the key if it is unused, expired, or left free by a holder with the same request.
   * Millisecond lease times so the token survives the round trip through a JavaScript Date.
   */
  async claim(principal: string, key: string, requestHash: string): Promise<Claim | undefined> {
    const t = idempotencyKeys;
    const lease = sql`date_trunc('milliseconds', now()) + make_interval(secs => ${this.leaseSeconds}::float8)`;
    const expired = sql`${t.createdAt} < ${this.expiredBefore()}`;
    const [won] = await this.db
      .insert(t)
      .values({ principal, key, requestHash, status: PENDING, createdAt: sql`now()`, lockedUntil: lease })
      .onConflictDoUpdate({
        target: [t.principal, t.key],
        set: {
          requestHash: sql`excluded.request_hash`,
          status: PENDING,
          response: null,
          lockedUntil: sql`excluded.locked_until`,
          // A takeover continues the same life (same derived IDs); an expired key starts a new one.
          createdAt: sql`case when ${expired} then excluded.created_at else ${t.createdAt} end`,
        },
        setWhere: sql`${expired} or (${t.status} = ${PENDING} and ${t.requestHash} = excluded.request_hash
          and (${t.lockedUntil} is null or ${t.lockedUntil} < now()))`,
      })
      .returning({ createdAt: t.createdAt, lockedUntil: t.lockedUntil });
    if (!won) return undefined;
    return { generation: won.createdAt.getTime().toString(36), lease: won.lockedUntil! };
  }

  async read(principal: string, key: string): Promise<KeyState | undefined> {
    const t = idempotencyKeys;
    const [state] = await this.db
      .select({
        requestHash: t.requestHash,
        status: t.status,
        response: t.response,
        free: sql<boolean>`${t.lockedUntil} is null or ${t.lockedUntil} < now()`,
        expired: sql<boolean>`${t.createdAt} < ${this.expiredBefore()}`,
      })
      .from(t)
      .where(this.row(principal, key));
    return state;
  }

  /** Records the answer, if this holder still holds the key. */
  async settle(principal: string, key: string, claim: Claim, status: number, response: unknown): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({ status, response: response as object, lockedUntil: null })
      .where(and(this.row(principal, key), eq(idempotencyKeys.lockedUntil, claim.lease)));
  }

  /** Lets a retry of the same request run; the key stays bound to this request's body. */
  async release(principal: string, key: string, claim: Claim): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({ lockedUntil: null })
      .where(and(this.row(principal, key), eq(idempotencyKeys.lockedUntil, claim.lease)));
  }

  /** Deletes up to `limit` expired keys, oldest first (walks the created_at index). */
  async sweep(limit = 100): Promise<void> {
    const t = idempotencyKeys;
    const oldest = this.db
      .select({ principal: t.principal, key: t.key })
      .from(t)
      .where(sql`${t.createdAt} < ${this.expiredBefore()}`)
      .orderBy(t.createdAt)
      .limit(limit);
    await this.db.delete(t).where(sql`(${t.principal}, ${t.key}) in ${oldest}`);
  }
}
