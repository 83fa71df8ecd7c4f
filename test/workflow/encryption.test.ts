// C4.3: someone holding only the Temporal database sees ciphertext. Reads the raw
// history with a client that has no keys.
import { Client } from '@temporalio/client';
import { METADATA_ENCODING_KEY } from '@temporalio/common';
import { ENCRYPTED_ENCODING } from '../../codec/aes-gcm-codec';
import { caseWorkflowId } from '../../workflows/case/contract';
import { act, eventually, startCase, useHarness, view } from '../helpers/case-harness';
import { agent, customer } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

/**
 * Every payload in a history, except search attributes: those are the index engineers
 * filter by (IDs, statuses, dates), plain by design and holding no personal data.
 */
function payloadsOf(obj: unknown, out: { metadata?: Record<string, Uint8Array>; data?: Uint8Array }[] = []) {
  if (obj && typeof obj === 'object') {
    const o = obj as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object' && 'data' in o) out.push(o as never);
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
