// Token buckets in this process's memory: the limit of a single API process, and the
// fallback while the shared buckets' database cannot answer.
import type { TokenBuckets } from './rate-limit';

const MAX_PRINCIPALS = 100_000; // bound memory under principal churn

export function memoryBuckets(): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key, perMinute, at) {
      const refillPerMs = perMinute / 60_000;
      const b = buckets.get(key) ?? { tokens: perMinute, at };
      b.tokens = Math.min(perMinute, b.tokens + Math.max(0, at - b.at) * refillPerMs);
      b.at = Math.max(b.at, at);
      const allowed = b.tokens >= 1;
      if (allowed) b.tokens -= 1;
      if (!buckets.has(key) && buckets.size >= MAX_PRINCIPALS) buckets.clear();
      buckets.set(key, b);
      return { allowed, tokens: b.tokens };
    },
  };
}
