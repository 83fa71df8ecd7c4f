// Notices reach the configured URL as Standard Webhooks (verified here with the
// standardwebhooks library, as a receiver would), in order, each with an event ID for
// de-duplication; a failing receiver is retried with back-off until it answers, and the
// notice relay keeps retrying after the case's own attempts are spent, also once the
// case's workflow has ended.
import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { caseWorkflowId } from '../../workflows/case/contract';
import { ensureNoticeRelay } from '../../worker/notice-relay';
import { act, eventually, startCase, useHarness } from '../helpers/case-harness';
import { agent, customer } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';
import { startWebhookReceiver, TEST_WEBHOOK_SECRET, type WebhookReceiver } from '../helpers/webhook-receiver';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver(TEST_WEBHOOK_SECRET);
});
afterAll(() => receiver?.close());
// Registered after the receiver's beforeAll, so the URL is known when the worker starts.
const h = useHarness(timeSkippingEnv, () => ({ webhook: { url: receiver.url, secret: TEST_WEBHOOK_SECRET } }));
beforeAll(async () => {
  // As the worker process does at start. Waking hourly at most keeps days of skipped
  // time cheap; the back-off never waits longer than that anyway.
  await ensureNoticeRelay(h.env.client, h.taskQueue, { idleMs: 60 * 60_000 });
});
afterEach(() => {
  receiver.refuse = () => false;
});

const receivedFor = (caseId: string) => receiver.received.filter((r) => r.caseId === caseId);
const outboxOf = (caseId: string) => h.db.db.select().from(outbox).where(eq(outbox.caseId, caseId)).orderBy(outbox.eventSeq);

/** A case that the customer withdraws at once while the receiver refuses its notices. */
async function closedCaseWhileReceiverIsDown(): Promise<string> {
  const down = new Set<string>();
  receiver.refuse = (n) => down.has(n.caseId);
  const caseId = `relay${Date.now().toString(36)}`;
  down.add(caseId);
  await startCase(h, { caseId });
  await act(h, caseId, customer, { type: 'withdraw', reason: 'Sorted it out myself.' });
  return caseId;
}

describe('webhooks', () => {
  it('when a case opens and is acknowledged, then the receiver gets both notices, verifiable, in order, with distinct event IDs', async () => {
    const open = await startCase(h);
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const mine = await eventually(async () => receivedFor(open.caseId), (rows) => rows.length >= 2);
    expect(mine.map((r) => r.type)).toEqual(['case.opened', 'case.acknowledged']);
    expect(mine.every((r) => r.verified)).toBe(true);
    expect(new Set(mine.map((r) => r.id)).size).toBe(mine.length);
    const rows = await eventually(() => outboxOf(open.caseId), (all) => all.every((r) => r.state === 'DELIVERED'));
    expect(rows.map((r) => r.state)).toEqual(['DELIVERED', 'DELIVERED']);
  });

  it('when the receiver fails at first, then delivery is retried and the outbox records the attempts', async () => {
    let openingsToRefuse = 2;
    // Only openings, so notices of earlier tests' cases do not use up the failures.
    receiver.refuse = (n) => n.type === 'case.opened' && openingsToRefuse-- > 0;
    const open = await startCase(h);
    const mine = await eventually(async () => receivedFor(open.caseId), (rows) => rows.length >= 1, 30_000);
    expect(mine[0]!.type).toBe('case.opened');
    const [row] = await eventually(
      () => h.db.db.select().from(outbox).where(eq(outbox.eventId, mine[0]!.id)),
      (rows) => rows[0]?.state === 'DELIVERED',
    );
    expect(row).toMatchObject({ state: 'DELIVERED', attempts: 3, lastError: null, nextAttemptAt: null });
  });

  it('when a quiet case has spent its delivery attempts, then the relay delivers its notices in order once the receiver is back', async () => {
    const caseId = await closedCaseWhileReceiverIsDown();
    // Each of the case's two batches (opening, withdrawal) gets 25 attempts, under 3 hours each.
    await h.env.sleep('8 hours');
    const described = await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).describe();
    expect(described.raw.pendingActivities ?? []).toEqual([]); // the case's own delivery gave up
    const failed = await outboxOf(caseId);
    expect(failed[0]).toMatchObject({ state: 'FAILED', lastError: 'HTTP_503' });
    expect(failed[0]!.attempts).toBeGreaterThanOrEqual(25);
    expect(failed[0]!.nextAttemptAt).not.toBeNull();
    expect(receivedFor(caseId)).toEqual([]);

    receiver.refuse = () => false;
    await h.env.sleep('61 minutes'); // past the longest back-off
    const rows = await eventually(() => outboxOf(caseId), (all) => all.every((r) => r.state === 'DELIVERED'));
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'DELIVERED'));
    const got = receivedFor(caseId);
    expect(got.map((r) => r.id)).toEqual(rows.map((r) => r.eventId)); // in the case's order, once each
    expect(got.every((r) => r.verified)).toBe(true);
    expect(described.status.name).toBe('RUNNING');
  });

  it('when the case workflow has completed with notices undelivered, then the relay still delivers them', async () => {
    const caseId = await closedCaseWhileReceiverIsDown();
    await h.env.sleep('7 days');
    await h.env.sleep('2 hours'); // the feedback week is over: the workflow ends
    expect((await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).describe()).status.name).toBe('COMPLETED');
    expect((await outboxOf(caseId))[0]!.state).toBe('FAILED');

    receiver.refuse = () => false;
    await h.env.sleep('61 minutes');
    const rows = await eventually(() => outboxOf(caseId), (all) => all.every((r) => r.state === 'DELIVERED'));
    expect(receivedFor(caseId).map((r) => r.id)).toEqual(rows.map((r) => r.eventId));
  });
});
