// A case's clocks never wait on its writes: with PostgreSQL refusing every write of one
// case (a trigger), its first-response breach still happens on time in the workflow and
// its search attributes, and its log and read model catch up once the trigger is gone.
import { Client } from '@temporalio/client';
import { asc, eq } from 'drizzle-orm';
import { cases, interactions } from '../../db/schema';
import { caseWorkflowId, redriveWritesSignal } from '../../workflows/case/contract';
import { ReadModelStalledKey, SlaBreachedKey } from '../../workflows/case/search-attributes';
import { eventually, startCase, view, useHarness } from '../helpers/case-harness';
import { pinnedSla } from '../helpers/fixtures';
import { allowCaseWrites, refuseCaseWritesOf } from '../helpers/refused-writes';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);
const SECRET = 'Refused-Subject-7731';

const refuseWritesOf = (customerId: string): Promise<void> => refuseCaseWritesOf(h.db.db, customerId);
const allowWrites = (): Promise<unknown> => allowCaseWrites(h.db.db);

const readModelRow = (caseId: string) => h.db.db.select().from(cases).where(eq(cases.caseId, caseId));
const logKinds = async (caseId: string) =>
  (await h.db.db.select().from(interactions).where(eq(interactions.caseId, caseId)).orderBy(asc(interactions.seq))).map((r) => r.kind);

describe('clocks beside writes', () => {
  it('when the database refuses a case’s writes, then its deadline still fires on time, the stall is visible, and the log catches up once writes are allowed', async () => {
    await refuseWritesOf('refused-co');
    const open = await startCase(h, { customerId: 'refused-co', subject: SECRET, sla: pinnedSla({ firstResponseMinutes: 30 }) });
    const handle = h.env.client.workflow.getHandle(caseWorkflowId(open.caseId));

    await h.env.sleep('31 minutes');
    const late = await view(h, open.caseId);
    expect(late.breaches).toEqual([expect.objectContaining({ clock: 'FIRST_RESPONSE' })]);
    const attrs = (await handle.describe()).typedSearchAttributes;
    expect(attrs.get(SlaBreachedKey)).toBe(true);
    expect(attrs.get(ReadModelStalledKey)).toBe(true);
    expect(await readModelRow(open.caseId)).toEqual([]);

    // The refusal left Temporal without the row's text, also for a client without keys.
    const raw = new Client({ connection: h.env.connection, namespace: h.env.namespace ?? 'default' });
    const history = JSON.stringify((await raw.workflow.getHandle(caseWorkflowId(open.caseId)).fetchHistory()).events);
    expect(history).toContain('DatabaseRefusedWrite');
    expect(history).not.toContain(SECRET);

    await allowWrites();
    await h.env.sleep('16 minutes'); // past the longest back-off: retried without anyone asking
    const [row] = await eventually(() => readModelRow(open.caseId), (rows) => rows.length === 1);
    expect(row).toMatchObject({ slaBreached: true, status: 'OPEN' });
    expect(await logKinds(open.caseId)).toEqual(['OPENED', 'SLA_BREACHED']);
    const after = await eventually(
      async () => (await handle.describe()).typedSearchAttributes.get(ReadModelStalledKey),
      (stalled) => stalled === undefined,
    );
    expect(after).toBeUndefined();
  });

  it('when an operator redrives a stalled case after the fix, then its writes land at once', async () => {
    await refuseWritesOf('redrive-co');
    const open = await startCase(h, { customerId: 'redrive-co', sla: pinnedSla({ firstResponseMinutes: 30 }) });
    const handle = h.env.client.workflow.getHandle(caseWorkflowId(open.caseId));
    await eventually(async () => (await handle.describe()).typedSearchAttributes.get(ReadModelStalledKey), (stalled) => stalled === true);

    await allowWrites();
    await handle.signal(redriveWritesSignal);
    const rows = await eventually(() => readModelRow(open.caseId), (r) => r.length === 1);
    expect(rows).toHaveLength(1);
    expect(await logKinds(open.caseId)).toEqual(['OPENED']);
  });

  it('when a case holds text PostgreSQL cannot store (a NUL byte), then it is stored with a replacement character and its clock fires', async () => {
    const open = await startCase(h, { subject: 'Portal\u0000down', sla: pinnedSla({ firstResponseMinutes: 30 }) });
    await h.env.sleep('31 minutes');
    expect((await view(h, open.caseId)).slaBreached).toBe(true);
    const [row] = await eventually(() => readModelRow(open.caseId), (rows) => rows[0]?.slaBreached === true);
    expect((row!.snapshot as { subject: string }).subject).toBe('Portal\uFFFDdown');
  });
});
