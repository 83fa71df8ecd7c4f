// A webhook receiver for tests: an HTTP server that verifies each delivery the way a
// real receiver would, with the Standard Webhooks library, and records what arrived.
// `refuse` decides which deliveries it answers 503 to (a receiver that is down).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedNotice {
  id: string;
  type: string;
  caseId: string;
  /** The notice as sent (its type-specific fields under `data.data`). */
  data?: Record<string, unknown>;
  /** Webhook.verify accepted the signature and the timestamp. */
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedNotice[];
  refuse: (notice: Omit<ReceivedNotice, 'verified'>) => boolean;
  close(): Promise<void>;
}

export async function startWebhookReceiver(secret: string): Promise<WebhookReceiver> {
  const verifier = new Webhook(secret);
  const receiver = { received: [] as ReceivedNotice[], refuse: () => false } as unknown as WebhookReceiver;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const notice = JSON.parse(body) as Omit<ReceivedNotice, 'verified'>;
      if (receiver.refuse(notice)) {
        res.writeHead(503).end();
        return;
      }
      let verified = true;
      try {
        verifier.verify(body, req.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      receiver.received.push({ id: notice.id, type: notice.type, caseId: notice.caseId, ...(notice.data ? { data: notice.data } : {}), verified });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () => new Promise((r) => server.close(() => r()));
  return receiver;
}

/** A Standard Webhooks secret for tests: `whsec_` and the base64 of 32 fixed bytes. */
export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
