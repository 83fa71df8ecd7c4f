// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>", hex, sent as
// `Casekeeper-Signature: v1=<hex>` with `Casekeeper-Timestamp` (Unix seconds), so a
// receiver can reject forgeries and replays. Receivers de-duplicate by event ID.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyWebhook(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
