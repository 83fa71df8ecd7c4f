// Webhook signatures per the Standard Webhooks specification (standardwebhooks.com), so
// receivers verify with an off-the-shelf library: `webhook-id` (the event ID, the same on
// every retry), `webhook-timestamp` (Unix seconds of this attempt) and
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`.
// Verifying (the library's Webhook.verify) rejects a forgery and a message whose
// timestamp is more than five minutes off, so a captured request cannot be replayed
// later; within those minutes receivers de-duplicate by `webhook-id`.
import { Webhook } from 'standardwebhooks';

const PREFIX = 'whsec_';

/**
 * The secret in Standard Webhooks form. A `whsec_<base64>` secret is used as given; a
 * plain one (how WEBHOOK_SECRET was set before) keys the HMAC with its UTF-8 bytes,
 * which is `whsec_` followed by the base64 of those bytes.
 */
export function standardSecret(secret: string): string {
  return secret.startsWith(PREFIX) ? secret : PREFIX + Buffer.from(secret, 'utf8').toString('base64');
}

export type WebhookHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;

export function signWebhook(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(standardSecret(secret)).sign(id, at, body),
  };
}

/** What a receiver does: true only for a genuine signature on a fresh timestamp. */
export function verifyWebhook(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(standardSecret(secret)).verify(body, headers);
    return true;
  } catch {
    return false;
  }
}
