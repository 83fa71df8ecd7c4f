// Recognises "a server we depend on is not answering" so the API can say 503 with
// Retry-After instead of 500: nothing was half-applied, the client may retry.
const TRANSIENT_GRPC = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);
const PG_CONNECTION = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECTION_(CLOSED|DESTROYED|ENDED)|CONNECT_TIMEOUT|57P0[1-3]|08\d{3})$/;

export function isOutage(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { name?: string; code?: unknown; message?: string };
    if (typeof x.code === 'number' && TRANSIENT_GRPC.has(x.code)) return true;
    if (typeof x.code === 'string' && PG_CONNECTION.test(x.code)) return true;
    if (x.name === 'ServiceError' && /unavailable|deadline|connect/i.test(x.message ?? '')) return true;
  }
  return false;
}
