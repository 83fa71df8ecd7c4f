// Per-client rate limiting: a token bucket per authenticated principal (role and
// subject). Over the limit → 429 with Retry-After. It runs after authentication, so a
// request without a valid token is refused with 401 before it gets here and is not
// counted; the address key only serves a mount that has no authentication in front.
// Where the buckets live is the caller's choice: in PostgreSQL (rate-limit-postgres.ts)
// the limit holds across every API replica; in memory (rate-limit-memory.ts) each
// process enforces its own. Should the shared buckets fail to answer, this process's own
// buckets decide meanwhile: a database hiccup neither refuses nor un-limits everyone.
import type { RequestHandler } from 'express';
import { Problem } from './problem';
import { memoryBuckets } from './rate-limit-memory';

export interface TokenBuckets {
  /** Takes a token from `key`'s bucket (size and refill: `perMinute`) at `atMs`; `tokens` is what is left. */
  take(key: string, perMinute: number, atMs: number): Promise<{ allowed: boolean; tokens: number }>;
}

export function rateLimit(perMinute: number, buckets: TokenBuckets = memoryBuckets(), now: () => number = Date.now): RequestHandler {
  const fallback = memoryBuckets();
  const refillPerSecond = perMinute / 60;
  return (req, _res, next) => {
    const key = req.actor ? `${req.actor.role}:${req.actor.id}` : `ip:${req.ip}`;
    const at = now();
    buckets
      .take(key, perMinute, at)
      .catch(() => fallback.take(key, perMinute, at))
      .then(({ allowed, tokens }) => {
        if (allowed) return next();
        const wait = Math.max(1, Math.ceil((1 - tokens) / refillPerSecond));
        next(new Problem({ status: 429, title: 'Too Many Requests', detail: `limit is ${perMinute} requests a minute` }, { 'retry-after': String(wait) }));
      }, next);
  };
}
