// Issue 10: hostile input at the API's edge. Text PostgreSQL cannot store or a screen
// cannot show (NUL, lone surrogates, control characters) is refused in every place a
// client can put it, with a 400 problem naming the field, and nothing changes: no case
// opened, no action applied, no account or audit row written. Bidi marks and emoji are
// text and go through. Numbers past their column, JSON past 32 levels, and requests
// Node's own parser refuses all get problem documents too.
import net from 'node:net';
import type { Express } from 'express';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { createApp } from '../../api/app';
import { printable } from '../../api/edge/admissible';
import { customerAccounts } from '../../db/schema';
import { listenApi, type ApiServer } from '../../api/edge/http-server';
import { appDeps, apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { useHarness } from '../helpers/case-harness';
import { agent, backOffice, supervisor } from '../helpers/fixtures';
import { HOSTILE_TEXT, percentEncode } from '../helpers/hostile-values';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const CUSTOMER = 'hostile-corp';
// In a URL a lone surrogate cannot be sent (its bytes decode to U+FFFD); every other one can.
const URL_HOSTILE = HOSTILE_TEXT.filter((t) => !/[\ud800-\udfff]/.test(t));
// HTTP clients refuse NUL, C0 and DEL in a header; C1 controls go out as Latin-1 bytes.
const HEADER_HOSTILE = HOSTILE_TEXT.filter((t) => /^[\u0080-\u009f]$/.test(t));

let app: Express;
let caseId: string;
beforeAll(async () => {
  app = apiFor(h);
  await request(app).put(`/v1/customers/${CUSTOMER}/account`).set('authorization', await bearer(backOffice)).send({ name: 'Hostile Corp', details: { plan: { tier: 'gold' } } }).expect(200);
  caseId = (await openViaApi(app, backOffice, { customerId: 'acme' })).caseId;
});

function expectRefused(res: request.Response, path: string): void {
  expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
  expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
}

/** What hostile requests must leave as it was: this customer's cases, the case's sequence, the account, its look-up audit. */
async function observable() {
  const staff = await bearer(supervisor);
  const [cases, view, audit, account] = await Promise.all([
    request(app).get(`/v1/cases?customerId=${CUSTOMER}`).set('authorization', staff),
    request(app).get(`/v1/cases/${caseId}`).set('authorization', staff),
    request(app).get(`/v1/customers/${CUSTOMER}/account-lookups`).set('authorization', staff),
    // From the table: reading it through the API would add a look-up to the audit.
    h.db.db.select().from(customerAccounts).where(eq(customerAccounts.customerId, CUSTOMER)),
  ]);
  return { cases: cases.body.items, seq: view.body.seq, lookups: audit.body.items, account };
}

describe('hostile text at the edge', () => {
  it.each(HOSTILE_TEXT.map((t) => [printable(t), t]))('when %s is in a body field or key, then 400 names the field and nothing changes', async (_name, bad) => {
    const before = await observable();
    const system = await bearer(backOffice);
    const open = { customerId: CUSTOMER, subject: 'Bill', description: 'Wrong amount', category: 'BILLING', channel: 'API' };
    const post = (body: object) => request(app).post('/v1/cases').set('authorization', system).set('idempotency-key', `h-${Math.random()}`).send(body);
    expectRefused(await post({ ...open, subject: `Bill${bad}` }), 'body.subject');
    expectRefused(await post({ ...open, contact: { name: `Li${bad}Wei` } }), 'body.contact.name');
    expectRefused(await actViaApi(app, agent, caseId, 'reply', { message: `Hello${bad}` }), 'body.message');
    expectRefused(await actViaApi(app, agent, caseId, 'recordFinding', { finding: `Found${bad}` }), 'body.finding');
    const key = `tier${bad}`;
    const account = await request(app).put(`/v1/customers/${CUSTOMER}/account`).set('authorization', system).send({ name: 'Hostile Corp', details: { plan: { [key]: 'x' } } });
    expectRefused(account, `body.details.plan.${printable(key)}`);
    expect(await observable()).toEqual(before);
  });

  it.each(URL_HOSTILE.map((t) => [printable(t), t]))('when %s is in a query or path parameter, then 400 names it and nothing changes', async (_name, bad) => {
    const before = await observable();
    const staff = await bearer(supervisor);
    const enc = percentEncode(`x${bad}y`);
    const get = (url: string) => request(app).get(url).set('authorization', staff);
    for (const name of ['assignee', 'customerId', 'cursor']) expectRefused(await get(`/v1/cases?${name}=${enc}`), `query.${name}`);
    expectRefused(await get(`/v1/customers/${CUSTOMER}/account?caseId=${caseId}&purpose=${enc}`), 'query.purpose');
    expectRefused(await get(`/v1/cases/${enc}/history`), 'path.caseId');
    expectRefused(await actViaApi(app, agent, `${caseId}${enc}`, 'reply', { message: 'hi' }), 'path.caseId');
    const put = await request(app).put(`/v1/customers/${enc}/account`).set('authorization', await bearer(backOffice)).send({ name: 'N', details: {} });
    expectRefused(put, 'path.customerId');
    expect(await observable()).toEqual(before);
  });

  it.each(HEADER_HOSTILE.map((t) => [printable(t), t]))('when %s is in a header, then 400 names the header and no case opens', async (_name, bad) => {
    const res = await request(app)
      .post('/v1/cases')
      .set('authorization', await bearer(backOffice))
      .set('idempotency-key', `key${bad}`)
      .send({ customerId: CUSTOMER, subject: 'S', description: 'D', category: 'BILLING', channel: 'API' });
    expectRefused(res, 'header.idempotency-key');
    expect((await observable()).cases).toEqual([]);
  });

  it('when a subject and contact name hold bidi marks and emoji, then they are stored and shown as written', async () => {
    const subject = 'Refund \u202eexe.pdf\u202c for order \u2066#42\u2069 🎉👩‍💻';
    const name = '\u2067李雷\u2069 😀';
    const { caseId: id } = await openViaApi(app, backOffice, { customerId: 'acme', subject, contact: { name } });
    const view = await request(app).get(`/v1/cases/${id}`).set('authorization', await bearer(supervisor)).expect(200);
    expect([view.body.subject, view.body.contact.name]).toEqual([subject, name]);
  });
});

describe('numbers, depth and malformed HTTP', () => {
  it('when history is asked for after a sequence beyond int4, then 400 names `after`', async () => {
    const res = await request(app).get(`/v1/cases/${caseId}/history?after=3000000000`).set('authorization', await bearer(supervisor));
    expectRefused(res, 'after'); // zod's path within the query
  });

  it('when account details nest 5,000 levels deep, then 400 and the account is unchanged', async () => {
    const before = await observable();
    const deep = `{"name":"Hostile Corp","details":{"plan":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`;
    const res = await request(app).put(`/v1/customers/${CUSTOMER}/account`).set('authorization', await bearer(backOffice)).type('json').send(deep);
    expect([res.status, res.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/problem\+json/)]);
    expect(res.body.errors[0].message).toMatch(/nested deeper than 32/);
    expect(await observable()).toEqual(before);
  });

  describe('on a raw socket', () => {
    let server: ApiServer;
    beforeAll(async () => {
      server = await listenApi(createApp(appDeps(h)), 0, '127.0.0.1');
    });
    afterAll(() => server.stop(1_000));

    it.each([
      ['a control character in a header', 'X-Note: a\u0001b\r\n', 400],
      ['NUL in a header', 'X-Note: a\u0000b\r\n', 400],
      ['20 KiB of headers', `X-Padding: ${'p'.repeat(20 * 1024)}\r\n`, 431],
    ])('when a request has %s, then Node\'s refusal is a problem document and the connection closes', async (_what, header, status) => {
      const answer = await exchange(server.address.port, `GET /healthz HTTP/1.1\r\nHost: localhost\r\n${header}\r\n`);
      expect(answer.head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(answer.head).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
      expect(answer.head).toMatch(/\r\nconnection: close\r\n/i);
      expect(JSON.parse(answer.body)).toMatchObject({ type: 'about:blank', status, title: expect.any(String), instance: '/healthz' });
    });
  });
});

/** Sends raw bytes and reads until the server closes the connection. */
function exchange(port: number, text: string): Promise<{ head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from(text, 'latin1')));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks).toString('utf8');
      const split = all.indexOf('\r\n\r\n');
      resolve({ head: all.slice(0, split + 2), body: all.slice(split + 4) });
    });
  });
}
