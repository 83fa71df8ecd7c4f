// Issue 10: whatever route a customer reads or acts through, no staff member's identity,
// internal finding, internal note or internal clock comes back; staff still see them all.
import type { Express } from 'express';
import request from 'supertest';
import { customerCaseViewSchema } from '../../api/schemas/responses';
import type { Actor } from '../../domain/case-types';
import { apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';
import { undocumentedKeys } from '../helpers/undocumented-keys';

const h = useHarness(devServerEnv);

// Recognisable staff: each of their IDs is a string no customer answer may contain.
const opener: Actor = { id: 'staff-olga-opener', role: 'agent' };
const assigner: Actor = { id: 'staff-sam-assigner', role: 'supervisor' };
const handler: Actor = { id: 'staff-hank-handler', role: 'agent' };
const approver: Actor = { id: 'staff-maya-approver', role: 'manager' };
const resolver: Actor = { id: 'staff-sid-resolver', role: 'agent' };
const reviewer: Actor = { id: 'staff-rita-reviewer', role: 'supervisor' };
const STAFF_IDS = [opener, assigner, handler, approver, resolver, reviewer].map((a) => a.id);
const FINDING = 'FINDING-7Q root cause in the export worker';
const NOTE = 'NOTE-3K duplicate of the other grant';
const UNAPPROVED_REASON = 'REASON-9P goodwill above the agent limit';
const FORBIDDEN_TEXT = [...STAFF_IDS, FINDING, NOTE, UNAPPROVED_REASON, 'COMPENSATION_APPROVAL'];

/** Every forbidden string found anywhere in an answer the customer received. */
const leaks = (answers: { url: string; body: unknown }[]): string[] =>
  answers.flatMap(({ url, body }) => FORBIDDEN_TEXT.filter((s) => JSON.stringify(body).includes(s)).map((s) => `${url}: ${s}`));

type Step = [Actor, string, Record<string, unknown>];

async function run(app: Express, caseId: string, steps: Step[], customerAnswers: { url: string; body: unknown }[]): Promise<void> {
  for (const [actor, action, body] of steps) {
    const res = await actViaApi(app, actor, caseId, action, body);
    expect([action, res.status]).toEqual([action, 200]);
    if (actor.role === 'customer') customerAnswers.push({ url: `POST ${action}`, body: res.body });
  }
}

async function read(app: Express, actor: Actor, url: string): Promise<{ url: string; body: unknown }> {
  const res = await request(app).get(url).set('authorization', await bearer(actor));
  expect([url, res.status]).toEqual([url, 200]);
  return { url: `GET ${url}`, body: res.body };
}

/** Waits until the read model holds the case's log up to `lastKind` (activities write it after the answer). */
const logSettled = (app: Express, caseId: string, lastKind: string) =>
  eventually(
    async () => (await request(app).get(`/v1/cases/${caseId}/history?limit=200`).set('authorization', await bearer(approver))).body.items as { kind: string }[] | undefined,
    (items) => items?.at(-1)?.kind === lastKind,
  );

describe('what a customer sees', () => {
  it('when staff open, assign, find, escalate, compensate, resolve and review a case, then no customer answer names them or shows internal text, and staff still read every ID', async () => {
    const app = apiFor(h);
    const answers: { url: string; body: unknown }[] = [];
    const main = (await openViaApi(app, opener, { customerId: 'acme' })).caseId;
    await run(app, main, [
      [assigner, 'assign', { assignee: handler.id }],
      [handler, 'acknowledge', { message: 'We are on it.' }],
      [customer, 'customerReply', { message: 'Thanks, it is the monthly report.' }],
      [handler, 'recordFinding', { finding: FINDING }],
      [handler, 'escalate', { reason: 'needs the export team' }],
      [handler, 'grantCompensation', { amount: 50_000, currency: 'CNY', reason: UNAPPROVED_REASON }],
      [handler, 'grantCompensation', { amount: 60_000, currency: 'CNY', reason: 'Goodwill for the delay' }],
      // Both grants wait for approval now: their internal clocks are running.
      [customer, 'customerReply', { message: 'Any news?' }],
      [approver, 'decideCompensation', { grantId: 'G1', approve: false, note: NOTE }],
      [approver, 'decideCompensation', { grantId: 'G2', approve: true }],
      [handler, 'resolve', { result: 'Fixed in release 4.2.' }],
      [customer, 'dispute', { reason: 'Still broken for me.' }],
      [resolver, 'resolve', { result: 'Fixed in release 4.3.' }],
      [customer, 'appeal', { grounds: 'It took three weeks.' }],
      [reviewer, 'decideAppeal', { decision: 'OVERTURNED', reasoning: 'Too slow.', newResult: 'Fixed in 4.3, with a credit.', remedy: 'Credit note' }],
      [customer, 'feedback', { rating: 4, comment: 'Good in the end' }],
    ], answers);
    // A refused action answers with the workflow's reason, read back through the encrypted failure.
    const refused = await actViaApi(app, customer, main, 'accept', {});
    expect([refused.status, refused.body.detail]).toEqual([409, 'the case is closed (APPEAL_DECIDED)']);
    answers.push({ url: 'POST accept (refused)', body: refused.body });
    const accepted = (await openViaApi(app, opener, { customerId: 'acme', category: 'BILLING' })).caseId;
    await run(app, accepted, [[assigner, 'assign', { assignee: handler.id }], [handler, 'resolve', { result: 'Refunded.' }], [customer, 'accept', {}]], answers);
    const withdrawn = (await openViaApi(app, opener, { customerId: 'acme', category: 'INQUIRY' })).caseId;
    await run(app, withdrawn, [[assigner, 'assign', { assignee: handler.id }], [customer, 'withdraw', { reason: 'Found it myself.' }]], answers);
    const own = await openViaApi(app, customer, { category: 'ACCOUNT' });
    answers.push({ url: 'POST /v1/cases', body: own.body });
    await Promise.all([logSettled(app, main, 'FEEDBACK'), logSettled(app, accepted, 'CLOSED'), logSettled(app, withdrawn, 'CLOSED')]);

    for (const id of [main, accepted, withdrawn, own.caseId]) {
      answers.push(await read(app, customer, `/v1/cases/${id}`), await read(app, customer, `/v1/cases/${id}/history?limit=200`));
    }
    const lists = ['', '?status=CLOSED', '?category=DEFECT,BILLING', '?unit=front-line', '?breached=false', '?customerId=acme&limit=1'];
    for (const query of lists) answers.push(await read(app, customer, `/v1/cases${query}`));
    const firstPage = answers.at(-1)!.body as { nextCursor: string };
    answers.push(await read(app, customer, `/v1/cases?limit=1&cursor=${firstPage.nextCursor}`));

    expect(leaks(answers)).toEqual([]);
    const mainView = answers.find((a) => a.url === `GET /v1/cases/${main}`)!.body as Record<string, unknown>;
    expect(mainView).toMatchObject({ openedBy: 'customer-service', assignee: 'customer-service', appeal: { reviewer: 'reviewer' }, previousResolutions: [{ by: 'customer-service' }] });
    expect(mainView.compensation).toEqual([expect.objectContaining({ id: 'G2', status: 'APPROVED', requestedBy: 'customer-service', decidedBy: 'customer-service' })]);
    // The customer's view is the documented one, field for field.
    expect(customerCaseViewSchema.safeParse(mainView).success).toBe(true);
    expect(undocumentedKeys(customerCaseViewSchema, mainView)).toEqual([]);
    // The customer's own IDs stay: labels replace staff, not everyone.
    const mainLog = answers.find((a) => a.url.startsWith(`GET /v1/cases/${main}/history`))!.body as { items: { kind: string; actorId: string }[] };
    expect(mainLog.items.filter((i) => i.kind === 'CUSTOMER_REPLY').map((i) => i.actorId)).toEqual([customer.id, customer.id]);
    expect((own.body as { openedBy: string }).openedBy).toBe(customer.id);
    // Filtering by a staff ID would let a customer confirm a guess at who handles the case.
    expect((await request(app).get(`/v1/cases?assignee=${handler.id}`).set('authorization', await bearer(customer))).status).toBe(403);

    // Staff read the same case with every ID and the internal text in place.
    const staffCase = JSON.stringify((await read(app, approver, `/v1/cases/${main}`)).body);
    const staffLog = JSON.stringify((await read(app, approver, `/v1/cases/${main}/history?limit=200`)).body);
    const staffList = JSON.stringify((await read(app, approver, '/v1/cases?customerId=acme')).body);
    expect(STAFF_IDS.filter((id) => !`${staffCase}${staffLog}`.includes(id))).toEqual([]);
    for (const text of [FINDING, NOTE, UNAPPROVED_REASON]) expect(staffLog).toContain(text);
    expect(staffCase).toContain(FINDING);
    expect(staffList).toContain(handler.id);
  });
});
