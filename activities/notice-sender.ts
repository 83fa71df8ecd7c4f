// One delivery attempt of one notice: a signed POST to the configured URL. The outcome
// is an error CODE, never a message: the code is stored in the outbox and shown to
// admins, and a receiver's or network library's message could echo personal data.
import { signWebhook } from './webhook-signing';
import type { OutboxRow } from './notice-claims';
import type { ProvisionalMark } from './notice-horizon';

export interface WebhookSettings {
  url?: string;
  /** `whsec_<base64>` (Standard Webhooks) or a plain string of 16+ characters. */
  secret?: string;
  fetchImpl?: typeof fetch;
}

const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * The JSON a receiver gets: the Standard Webhooks shape (type, timestamp, data) plus IDs;
 * `data` also says `provisional: true` (with the calendar's horizon) when its times lie past it.
 */
export function webhookBody(row: OutboxRow, mark?: ProvisionalMark): string {
  const notice = row.payload as { at?: string };
  const data = mark ? { ...(row.payload as object), ...mark } : row.payload;
  return JSON.stringify({ id: row.eventId, type: row.type, timestamp: notice.at ?? row.createdAt.toISOString(), caseId: row.caseId, data });
}

/** Undefined when the receiver took it (2xx); otherwise why not, as a code. */
export async function sendNotice(webhook: Required<Pick<WebhookSettings, 'url' | 'secret'>> & WebhookSettings, row: OutboxRow, mark?: ProvisionalMark): Promise<string | undefined> {
  const body = webhookBody(row, mark);
  const send = webhook.fetchImpl ?? fetch;
  try {
    const res = await send(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(webhook.secret, row.eventId, new Date(), body) },
      body,
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await res.body?.cancel(); // the answer's body is not read; release the connection
    return res.ok ? undefined : `HTTP_${res.status}`;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    return name === 'TimeoutError' || name === 'AbortError' ? 'TIMEOUT' : 'NETWORK_ERROR';
  }
}
