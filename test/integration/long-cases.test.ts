// Long cases on the dev server (the time-skipping server does not report history
// length): continue-as-new carries the state and the applied Update IDs, so a retried
// action is applied once also across runs.
import { asc, eq } from 'drizzle-orm';
import { interactions } from '../../db/schema';
import { actionUpdates, caseWorkflowId } from '../../workflows/case/contract';
import { act, eventually, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

describe('continue-as-new', () => {
  it('when a case grows past its history limit, then it continues as new with its state, and a retried action is still applied once', async () => {
    const open = await startCase(h, {}, { maxHistoryEvents: 40 });
    const handle = h.env.client.workflow.getHandle(caseWorkflowId(open.caseId));
    const firstRun = (await handle.describe()).runId;
    await act(h, open.caseId, agent, { type: 'acknowledge' }, 'ack-1');
    for (let i = 1; i <= 12; i++) {
      await act(h, open.caseId, i % 2 ? agent : customer, i % 2 ? { type: 'reply', message: `update ${i}` } : { type: 'customerReply', message: `answer ${i}` }, `msg-${i}`);
    }
    const laterRun = await eventually(
      async () => (await h.env.client.workflow.getHandle(caseWorkflowId(open.caseId)).describe()).runId,
      (runId) => runId !== firstRun,
    );
    expect(laterRun).not.toBe(firstRun);

    const before = await view(h, open.caseId);
    expect(before.seq).toBe(14); // opened + acknowledged + 12 messages, none lost in the hand-over
    const again = await act(h, open.caseId, agent, { type: 'reply', message: 'update 1' }, 'msg-1');
    expect(again.appended).toEqual([3]); // the first run's answer, not a new entry
    expect((await view(h, open.caseId)).seq).toBe(14);

    const log = await eventually(
      () => h.db.db.select().from(interactions).where(eq(interactions.caseId, open.caseId)).orderBy(asc(interactions.seq)),
      (rows) => rows.length === 14,
    );
    expect(log.map((r) => r.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  it('when an Idempotency-Key used before continue-as-new comes back with another body, then the next run still refuses it', async () => {
    const open = await startCase(h, {}, { maxHistoryEvents: 30 });
    const handle = h.env.client.workflow.getHandle(caseWorkflowId(open.caseId));
    const firstRun = (await handle.describe()).runId;
    const keyed = (message: string, i: number) =>
      handle.executeUpdate(actionUpdates.reply, { args: [{ actor: agent, command: { type: 'reply', message }, idempotency: { keyId: `key-${i}`, requestHash: message } }], updateId: `key-${i}.${message}` });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    for (let i = 1; i <= 8; i++) await keyed(`update ${i}`, i);
    expect(await eventually(async () => (await handle.describe()).runId, (runId) => runId !== firstRun)).not.toBe(firstRun);
    await expect(keyed('another body', 1)).rejects.toMatchObject({ cause: { type: 'ActionRejected', details: ['INVALID'] } });
    expect((await view(h, open.caseId)).seq).toBe(10); // opened, acknowledged, 8 replies: nothing more
  });

  it('when the same Update ID is sent twice in one run, then the second gets the first result and appends nothing', async () => {
    const open = await startCase(h);
    const a = await act(h, open.caseId, agent, { type: 'acknowledge' }, 'dup-1');
    const b = await act(h, open.caseId, agent, { type: 'acknowledge' }, 'dup-1');
    expect(b).toEqual(a);
    expect((await view(h, open.caseId)).seq).toBe(2);
  });
});

