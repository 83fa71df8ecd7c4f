// Admins see the webhook notices that could not be delivered and redrive them: the list
// shows IDs, case, type, attempts, next attempt and an error code (never the notice's
// text), and a redrive wakes the notice relay, which delivers through the usual path.
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { outbox } from '../../db/schema';
import { apiFor, bearer } from '../helpers/api';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, type WebhookReceiver } from '../helpers/webhook-receiver';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(TEST_WEBHOOK_SECRET);
});
afterAll(() => receiver?.close());
const h = useHarness(devServerEnv, () => ({ webhook: { url: receiver.url, secret: TEST_WEBHOOK_SECRET } }));

const admin = { id: 'ada', role: 'admin' as const };
const SECRET_TEXT = 'my card number is 4111';
const inAnHour = () => new Date(Date.now() + 3600_000);
const notice = (caseId: string, seq: number, state: string, extra: Partial<typeof outbox.$inferInsert> = {}) => ({
  eventId: `${caseId}-${seq}`,
  caseId,
  eventSeq: seq,
  type: seq === 1 ? 'case.opened' : 'case.closed',
  payload: { summary: SECRET_TEXT, at: new Date().toISOString() },
  state,
  ...extra,
});

beforeAll(async () => {
  // Cases whose workflows are long gone: their first notices spent every attempt.
  await h.db.db.insert(outbox).values([
    notice('gone1', 1, 'FAILED', { attempts: 31, lastError: 'HTTP_503', nextAttemptAt: inAnHour() }),
    notice('gone1', 2, 'PENDING'),
    notice('gone2', 1, 'FAILED', { attempts: 40, lastError: 'TIMEOUT', nextAttemptAt: inAnHour() }),
    notice('done', 1, 'DELIVERED', { attempts: 1, deliveredAt: new Date() }),
  ]);
});

const stateOf = async (eventId: string) => (await h.db.db.select().from(outbox).where(eq(outbox.eventId, eventId)))[0]?.state;

describe('admin: undelivered notices', () => {
  it('when an admin lists failed notices page by page, then each shows its IDs, attempts, next attempt and error code, and no text', async () => {
    const app = apiFor(h);
    const auth = await bearer(admin);
    const first = await request(app).get('/v1/admin/notices?limit=1').set('authorization', auth).expect(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ eventId: 'gone1-1', caseId: 'gone1', eventSeq: 1, type: 'case.opened', state: 'FAILED', attempts: 31, lastError: 'HTTP_503', nextAttemptAt: expect.any(String) }),
    ]);
    const second = await request(app).get(`/v1/admin/notices?limit=1&cursor=${first.body.nextCursor}`).set('authorization', auth).expect(200);
    expect(second.body.items.map((n: { eventId: string }) => n.eventId)).toEqual(['gone2-1']);
    expect(second.body.nextCursor).toBeNull();
    expect(JSON.stringify([first.body, second.body])).not.toContain(SECRET_TEXT);
    const delivered = await request(app).get('/v1/admin/notices?state=DELIVERED').set('authorization', auth).expect(200);
    expect(delivered.body.items.map((n: { eventId: string }) => n.eventId)).toEqual(['done-1']);
  });

  it('when someone other than an admin asks, or the notice is unknown or not failed, then the answer says so', async () => {
    const app = apiFor(h);
    const staff = await bearer(agent);
    await request(app).get('/v1/admin/notices').set('authorization', staff).expect(403);
    await request(app).post('/v1/admin/notices/redrive').set('authorization', staff).expect(403);
    await request(app).post('/v1/admin/notices/gone1-1/redrive').set('authorization', staff).expect(403);
    const auth = await bearer(admin);
    await request(app).post('/v1/admin/notices/nobody-1/redrive').set('authorization', auth).expect(404);
    await request(app).post('/v1/admin/notices/done-1/redrive').set('authorization', auth).expect(409);
    await request(app).get('/v1/admin/notices?state=LOST').set('authorization', auth).expect(400);
    expect(await stateOf('gone1-1')).toBe('FAILED');
  });

  it('when an admin redrives one failed notice, then the receiver gets it and the case\'s later notice, in order, and nothing else', async () => {
    const app = apiFor(h);
    const res = await request(app).post('/v1/admin/notices/gone1-1/redrive').set('authorization', await bearer(admin)).expect(200);
    expect(Date.parse(res.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    const got = await eventually(async () => receiver.received.filter((r) => r.caseId === 'gone1'), (rows) => rows.length >= 2, 20_000);
    expect(got.map((r) => [r.id, r.verified])).toEqual([['gone1-1', true], ['gone1-2', true]]);
    expect(await eventually(() => stateOf('gone1-2'), (s) => s === 'DELIVERED')).toBe('DELIVERED');
    expect(await stateOf('gone2-1')).toBe('FAILED'); // not redriven: still waits for its hour
  });

  it('when an admin redrives all, then every failed notice is due now and delivered', async () => {
    const app = apiFor(h);
    const res = await request(app).post('/v1/admin/notices/redrive').set('authorization', await bearer(admin)).expect(200);
    expect(res.body).toEqual({ redriven: 1 });
    expect(await eventually(() => stateOf('gone2-1'), (s) => s === 'DELIVERED', 20_000)).toBe('DELIVERED');
    expect(receiver.received.filter((r) => r.caseId === 'gone2').map((r) => r.id)).toEqual(['gone2-1']);
  });
});
