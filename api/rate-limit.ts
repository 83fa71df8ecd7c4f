// Per-client rate limiting: a token bucket per authenticated principal (role and
// subject). Over the limit → 429 with Retry-After. It runs after authentication, so a
// request without a valid token is refused with 401 before it gets here and is not
// counted; the address key only serves a mount that has no authentication in front.
// One process's view; behind several API processes each enforces its own share.
import type { RequestHandler } from 'express';
import { Problem } from './problem';

export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return (req, _res, next) => {
    const key = req.actor ? `${req.actor.role}:${req.actor.id}` : `ip:${req.ip}`;
    const t = now();
    const b = buckets.get(key) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * refillPerMs);
    b.at = t;
    if (b.tokens < 1) {
      buckets.set(key, b);
      const wait = Math.ceil((1 - b.tokens) / refillPerMs / 1000);
      return next(new Problem({ status: 429, title: 'Too Many Requests', detail: `limit is ${perMinute} requests a minute` }, { 'retry-after': String(wait) }));
    }
    b.tokens -= 1;
    buckets.set(key, b);
    if (buckets.size > 100_000) buckets.clear(); // bound memory under principal churn
    next();
  };
}
