// C4.3: someone holding only the Temporal database sees ciphertext. Reads the raw
// history with a client that has no keys.
import { Client } from '@temporalio/client';
import { ApplicationFailure, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { createCaseActivities } from '../../activities/case-activities';
import { AesGcmCodec, ENCRYPTED_ENCODING, encryptingDataConverter } from '../../codec/aes-gcm-codec';
import { caseWorkflowId } from '../../workflows/case/contract';
import { act, eventually, startCase, useHarness, view } from '../helpers/case-harness';
import { agent, customer, openInput } from '../helpers/fixtures';
import { TEST_KEY_RING, timeSkippingEnv, workflowBundle } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

/**
 * Every payload in a history, except search attributes: those are the index engineers
 * filter by (IDs, statuses, dates), plain by design and holding no personal data.
 */
function payloadsOf(obj: unknown, out: { metadata?: Record<string, Uint8Array>; data?: Uint8Array }[] = []) {
  if (obj && typeof obj === 'object') {
    const o = obj as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && 'data' in o) out.push(o as never);
    // Search attributes are plain by design (IDs only); a patch marker holds only the patch's name.
    if ((o as { markerName?: string }).markerName === 'core_patch') return out;
    // A local activity's marker: the SDK's bookkeeping (type, attempt, times) is plain; its result is checked.
    if ((o as { markerName?: string }).markerName === 'core_local_activity') {
      const details = (o as { details?: Record<string, { payloads?: unknown }> }).details ?? {};
      return payloadsOf(details.result, out);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'searchAttributes') payloadsOf(v, out);
  }
  return out;
}

describe('payload encryption on the server', () => {
  it('when a case with personal data runs, then every payload in its raw history is encrypted and none holds the data in clear', async () => {
    const open = await startCase(h, {
      description: 'My phone is +86 138 0013 8000, e-mail li.wei@acme.example',
      contact: { name: 'Li Wei', email: 'li.wei@acme.example', phone: '+86 138 0013 8000' },
    });
    await act(h, open.caseId, agent, { type: 'reply', message: 'Calling you at +86 138 0013 8000' });
    await act(h, open.caseId, customer, { type: 'customerReply', message: 'Li Wei here, thanks' });
    expect((await view(h, open.caseId)).contact?.name).toBe('Li Wei'); // the keyed client reads it

    const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    const history = await eventually(
      () => raw.workflow.getHandle(caseWorkflowId(open.caseId)).fetchHistory(),
      (hist) => (hist.events ?? []).some((e) => e.activityTaskCompletedEventAttributes),
    );
    const payloads = payloadsOf(history.events);
    expect(payloads.length).toBeGreaterThan(5);
    const encodings = new Set(payloads.map((p) => Buffer.from(p.metadata![METADATA_ENCODING_KEY] ?? []).toString()));
    expect([...encodings]).toEqual([ENCRYPTED_ENCODING]);
    const clear = Buffer.concat(payloads.map((p) => Buffer.from(p.data ?? []))).toString('latin1');
    for (const secret of ['Li Wei', 'li.wei@acme.example', '138 0013 8000']) expect(clear).not.toContain(secret);
  });
});

/** Every string and byte in a server answer, as text: what someone without the keys can read. */
function readable(v: unknown): string {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('latin1');
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return Object.values(v).map(readable).join('\n');
  return '';
}

describe('failure encryption on the server', () => {
  it('when an activity fails with an error quoting the customer, then neither its pending failure nor the history shows the text without the keys', async () => {
    // As a database driver's error once did: the message and the stack quote what was written.
    const marker = 'Li Wei card 4111 1111 1111 1111';
    let refuse = false;
    const failingDelivery = async (): Promise<never> => {
      if (refuse) throw ApplicationFailure.nonRetryable(`receiver refused: ${marker}`, 'TestRefusal');
      throw new Error(`delivery failed: ${marker}`);
    };
    const activities = createCaseActivities(h.db.db);
    // Case writes are local activities; webhook delivery is a regular one, with attempts the
    // server keeps (and `describe` shows), once the write says a receiver is configured.
    const persistCase: typeof activities.persistCase = async (input) => {
      await activities.persistCase(input);
      return { receiver: true };
    };
    // A worker of its own, with the data converter every Casekeeper worker uses.
    const taskQueue = `${h.taskQueue}-failing`;
    const worker = await Worker.create({
      connection: h.env.nativeConnection,
      namespace: h.env.namespace ?? 'default',
      taskQueue,
      workflowBundle: workflowBundle(),
      activities: { ...activities, persistCase, deliverNotices: failingDelivery },
      dataConverter: encryptingDataConverter(TEST_KEY_RING),
    });
    const running = worker.run();
    const open = openInput();
    const workflowId = caseWorkflowId(open.caseId);
    const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    try {
      await h.env.client.workflow.start('caseWorkflow', { workflowId, taskQueue, args: [{ open }] });
      const describe = () => raw.workflowService.describeWorkflowExecution({ namespace: h.env.namespace ?? 'default', execution: { workflowId } });
      const pending = await eventually(describe, (d) => (d.pendingActivities ?? []).some((a) => a.lastFailure));
      const lastFailure = pending.pendingActivities!.find((a) => a.lastFailure)!.lastFailure!;
      expect(lastFailure.message).toBe('Encoded failure');
      expect(readable(pending)).not.toContain(marker);
      // The keys restore it: the text is there, encrypted, not lost.
      const [attributes] = await new AesGcmCodec(TEST_KEY_RING).decode([lastFailure.encodedAttributes as Payload]);
      expect(Buffer.from(attributes!.data!).toString()).toContain(marker);

      refuse = true; // the next attempt fails for good, so the failure enters the history
      const history = await eventually(
        () => raw.workflow.getHandle(workflowId).fetchHistory(),
        (hist) => (hist.events ?? []).some((e) => e.activityTaskFailedEventAttributes),
        30_000,
      );
      expect(readable(history)).not.toContain(marker);
    } finally {
      await raw.workflow.getHandle(workflowId).terminate('test finished').catch(() => undefined);
      worker.shutdown();
      await running;
    }
  });
});
