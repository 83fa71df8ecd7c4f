// Idempotency-Key handling, scoped to the authenticated caller. Of concurrent requests with
// one key exactly one runs (api/services/idempotency-store.ts: one atomic claim); the others
// get its answer once it is known, 409 while it is still running, or 422 if their body differs.
// A caller is never told "accepted" for a body that was not applied.
import { createHash } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { DEFAULT_IDEMPOTENCY_TTL_HOURS } from '../../config/env';
import type { Db } from '../../db/client';
import { Problem, unprocessable } from '../problem';
import { IdempotencyStore, PENDING, type Claim } from './idempotency-store';

export interface Stored {
  status: number;
  body: unknown;
}

export const requestHash = (parts: unknown): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/** A stable ID derived from the caller and its key: the same request names the same thing. */
export const derivedId = (principal: string, key: string, size = 24): string =>
  createHash('sha256').update(`${principal}\u0000${key}`).digest('base64url').slice(0, size);

export interface IdempotencyOptions {
  /** How long a key is remembered (IDEMPOTENCY_KEY_TTL_HOURS). */
  ttlHours?: number;
  /** How long a holder keeps the key without answering before a retry may take over. */
  leaseSeconds?: number;
  /** How long a concurrent duplicate waits for the holder's answer before a 409. */
  waitMs?: number;
}

/** A client error the holder answered: stored, so every replay answers the same. */
interface StoredProblem {
  problem: Problem['fields'];
  headers: Record<string, string>;
}

/**
 * Runs `fn` once per (principal, key) and answers every request with that key the same.
 * `fn` gets the key's generation: IDs derived from key and generation (workflow ID, Update
 * ID) keep the effect single even when a retry takes over from a holder that died midway,
 * and differ when an expired key is used again for a new request.
 */
export async function once(
  db: Db,
  principal: string,
  key: string,
  hash: string,
  fn: (generation: string) => Promise<Stored>,
  options: IdempotencyOptions = {},
): Promise<Stored> {
  const store = new IdempotencyStore(db, options.ttlHours ?? DEFAULT_IDEMPOTENCY_TTL_HOURS, options.leaseSeconds ?? 30);
  const giveUpAt = Date.now() + (options.waitMs ?? 2000);
  for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
    const claim = await store.claim(principal, key, hash);
    if (claim) return runHolding(store, principal, key, claim, fn);
    const state = await store.read(principal, key);
    // Gone or expired (swept meanwhile), or free to take over: claim again at once.
    const claimable = !state || state.expired || (state.free && state.status === PENDING && state.requestHash === hash);
    if (!claimable && state.requestHash !== hash) throw unprocessable('this Idempotency-Key was used with a different request');
    if (!claimable && state.status !== PENDING) return replay(state.status, state.response);
    if (Date.now() + wait > giveUpAt) throw inProgress();
    if (!claimable) await pause(wait);
  }
}

async function runHolding(store: IdempotencyStore, principal: string, key: string, claim: Claim, fn: (generation: string) => Promise<Stored>): Promise<Stored> {
  await store.sweep();
  let result: Stored;
  try {
    result = await fn(claim.generation);
  } catch (err) {
    if (err instanceof Problem && err.fields.status >= 400 && err.fields.status < 500) {
      const stored: StoredProblem = { problem: err.fields, headers: err.headers };
      await store.settle(principal, key, claim, err.fields.status, stored);
    } else {
      // A server error or an outage: nothing to replay, so a retry of the same request may run.
      await store.release(principal, key, claim).catch(() => undefined);
    }
    throw err;
  }
  await store.settle(principal, key, claim, result.status, result.body);
  return result;
}

function replay(status: number, response: unknown): Stored {
  if (status < 400) return { status, body: response };
  const { problem, headers } = response as StoredProblem;
  throw new Problem(problem, headers);
}

const inProgress = (): Problem =>
  new Problem(
    { status: 409, title: 'Conflict', detail: 'a request with this Idempotency-Key is still in progress; retry it after Retry-After seconds' },
    { 'retry-after': '1' },
  );
