// Idempotency-Key under concurrency, over HTTP on the dev server and PostgreSQL: of many
// simultaneous requests with one key exactly one is applied, and nobody is told "accepted"
// for a body that was dropped. Keys expire, and a holder that died can be taken over.
import { and, count, eq, sql } from 'drizzle-orm';
import type { Express } from 'express';
import request from 'supertest';
import { cases, idempotencyKeys } from '../../db/schema';
import type { Actor } from '../../domain/case-types';
import { apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const CONCURRENT = 12;
let n = 0;

/** A case body for a customer no other test uses, so its cases can be counted. */
function caseBody(customerId: string, subject: string): Record<string, unknown> {
  return { customerId, subject, description: 'Export button spins forever.', category: 'DEFECT', priority: 'NORMAL', channel: 'ONLINE' };
}

async function openWithKey(app: Express, actor: Actor, key: string, body: Record<string, unknown>) {
  return request(app).post('/v1/cases').set('authorization', await bearer(actor)).set('idempotency-key', key).send(body);
}

async function casesOf(customerId: string): Promise<number> {
  const [row] = await h.db.db.select({ n: count() }).from(cases).where(eq(cases.customerId, customerId));
  return row!.n;
}

/** Agent replies in the case's log (written after the answer, so read until they appear). */
async function repliesIn(app: Express, caseId: string, atLeast: number): Promise<string[]> {
  const read = async () => {
    const page = await request(app).get(`/v1/cases/${caseId}/history?limit=200`).set('authorization', await bearer(agent));
    return ((page.body.items ?? []) as { kind: string }[]).filter((i) => i.kind === 'AGENT_REPLY');
  };
  return (await eventually(read, (items) => items.length >= atLeast)).map((i) => JSON.stringify(i));
}

const statuses = (answers: { status: number }[]): number[] => answers.map((a) => a.status);
const succeeded = <T extends { status: number }>(answers: T[]): T[] => answers.filter((a) => a.status < 300);

describe('Idempotency-Key under concurrency', () => {
  it('when 12 requests open a case at once with one key and 12 different bodies, then exactly one is accepted and the rest are refused', async () => {
    const app = apiFor(h);
    const customerId = `race-diff-${++n}`;
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => openWithKey(app, backOffice, `${customerId}-key`, caseBody(customerId, `subject ${i}`))));
    const accepted = succeeded(answers);
    expect(accepted).toHaveLength(1);
    expect(statuses(answers).filter((s) => s >= 300).every((s) => s === 422 || s === 409)).toBe(true);
    // The one accepted answer describes the body that was applied.
    const winner = answers.indexOf(accepted[0]!);
    expect(accepted[0]!.body.subject).toBe(`subject ${winner}`);
    expect(await eventually(() => casesOf(customerId), (c) => c >= 1)).toBe(1);
  });

  it('when 12 requests open a case at once with one key and the same body, then all get the same case and one case exists', async () => {
    const app = apiFor(h);
    const customerId = `race-same-${++n}`;
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => openWithKey(app, backOffice, `${customerId}-key`, caseBody(customerId, 'same subject'))));
    expect(statuses(answers).every((s) => s === 201 || s === 409)).toBe(true);
    const accepted = succeeded(answers);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(new Set(accepted.map((a) => a.body.caseId)).size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) expect(busy.headers['retry-after']).toMatch(/^\d+$/);
    expect(await eventually(() => casesOf(customerId), (c) => c >= 1)).toBe(1);
  });

  it('when 12 identical keyed replies arrive at once, then one reply is applied and every accepted answer is the same', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => actViaApi(app, agent, caseId, 'reply', { message: 'We are on it.' }, 'reply-race')));
    expect(statuses(answers).every((s) => s === 200 || s === 409)).toBe(true);
    const accepted = succeeded(answers);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    for (const a of accepted) expect(a.body).toEqual(accepted[0]!.body);
    expect(await repliesIn(app, caseId, 1)).toHaveLength(1);
  });

  it('when 12 keyed replies with different bodies arrive at once, then exactly one is accepted and only it is in the log', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => actViaApi(app, agent, caseId, 'reply', { message: `reply ${i}` }, 'reply-diff')));
    const accepted = succeeded(answers);
    expect(accepted).toHaveLength(1);
    expect(statuses(answers).filter((s) => s >= 300).every((s) => s === 422 || s === 409)).toBe(true);
    const log = await repliesIn(app, caseId, 1);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(`reply ${answers.indexOf(accepted[0]!)}`);
  });

  it('when a key is older than its time to live, then it is treated as new: another body opens another case', async () => {
    const app = apiFor(h);
    const customerId = `expiry-${++n}`;
    const first = await openWithKey(app, backOffice, `${customerId}-key`, caseBody(customerId, 'first'));
    expect(first.status).toBe(201);
    await h.db.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(idempotencyKeys.principal, backOffice.id), eq(idempotencyKeys.key, `open:${customerId}-key`)));
    const second = await openWithKey(app, backOffice, `${customerId}-key`, caseBody(customerId, 'second'));
    expect(second.status).toBe(201);
    expect(second.body.subject).toBe('second');
    expect(second.body.caseId).not.toBe(first.body.caseId);
    expect(await eventually(() => casesOf(customerId), (c) => c >= 2)).toBe(2);
  });

  it('when the request holding a key died before answering, then a retry with the same body takes over once its lease ran out', async () => {
    const app = apiFor(h);
    const customerId = `takeover-${++n}`;
    const key = `${customerId}-key`;
    const body = caseBody(customerId, 'retried');
    const first = await openWithKey(app, backOffice, key, body);
    const where = and(eq(idempotencyKeys.principal, backOffice.id), eq(idempotencyKeys.key, `open:${key}`));
    // As if its holder had started the case and died before storing the answer.
    await h.db.db.update(idempotencyKeys).set({ status: 0, response: null, lockedUntil: sql`now() - interval '1 second'` }).where(where);
    expect((await openWithKey(app, backOffice, key, caseBody(customerId, 'other'))).status).toBe(422);
    const retry = await openWithKey(app, backOffice, key, body);
    expect(retry.status).toBe(201);
    expect(retry.body.caseId).toBe(first.body.caseId);
    expect(await eventually(() => casesOf(customerId), (c) => c >= 1)).toBe(1);
  });
});
