// Notices reach the configured URL as signed webhooks, in order, each with an event
// ID for de-duplication; a failing receiver is retried with back-off until it answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { verifyWebhook } from '../../activities/webhook-signing';
import { outbox } from '../../db/schema';
import { act, eventually, startCase, useHarness } from '../helpers/case-harness';
import { agent } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const SECRET = 'webhook-secret-for-tests-0123456789';

interface Received {
  id: string;
  type: string;
  caseId: string;
  signatureOk: boolean;
}

let server: http.Server;
let url = '';
const received: Received[] = [];
let failNext = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const parsed = JSON.parse(body) as Omit<Received, 'signatureOk'>;
      // Fail only openings, so notices of earlier tests' cases do not use up the failures.
      if (failNext > 0 && parsed.type === 'case.opened') {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      const signatureOk = verifyWebhook(SECRET, Number(req.headers['casekeeper-timestamp']), body, String(req.headers['casekeeper-signature']));
      received.push({ id: parsed.id, type: parsed.type, caseId: parsed.caseId, signatureOk });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});
afterAll(() => {
  server?.close();
});
// Registered after the receiver's beforeAll, so the URL is known when the worker starts.
const h = useHarness(timeSkippingEnv, () => ({ webhook: { url, secret: SECRET } }));

describe('webhooks', () => {
  it('when a case opens and is acknowledged, then the receiver gets both notices, signed, in order, with distinct event IDs', async () => {
    const open = await startCase(h);
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const mine = await eventually(
      async () => received.filter((r) => r.caseId === open.caseId),
      (rows) => rows.length >= 2,
    );
    expect(mine.map((r) => r.type)).toEqual(['case.opened', 'case.acknowledged']);
    expect(mine.every((r) => r.signatureOk)).toBe(true);
    expect(new Set(mine.map((r) => r.id)).size).toBe(mine.length);
    const rows = await eventually(
      () => h.db.db.select().from(outbox).where(eq(outbox.caseId, open.caseId)),
      (all) => all.every((r) => r.state === 'DELIVERED'),
    );
    expect(rows.map((r) => r.state)).toEqual(['DELIVERED', 'DELIVERED']);
  });

  it('when the receiver fails at first, then delivery is retried and the outbox records the attempts', async () => {
    failNext = 2;
    const open = await startCase(h);
    const mine = await eventually(
      async () => received.filter((r) => r.caseId === open.caseId),
      (rows) => rows.length >= 1,
      30_000,
    );
    expect(mine[0]!.type).toBe('case.opened');
    const [row] = await eventually(
      () => h.db.db.select().from(outbox).where(eq(outbox.eventId, mine[0]!.id)),
      (rows) => rows[0]?.state === 'DELIVERED',
    );
    expect(row).toMatchObject({ state: 'DELIVERED', attempts: 3 });
  });
});
