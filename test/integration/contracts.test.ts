// Each customer's contract decides its cases (issue 12): admins onboard organisations
// with versioned contracts (audited); a case takes its SLA from the contract in force at
// opening and a customer can never choose one; customers read their service standards.
import type { Express } from 'express';
import request from 'supertest';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { apiFor, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };
const customerOf = (org: string) => ({ id: `user-of-${org}`, role: 'customer' as const, customerId: org });
let app: Express;
beforeAll(() => void (app = apiFor(h)));

/** Default terms on the 24×7 calendar with the NORMAL first response given, in business minutes. */
const terms = (firstResponseMinutes: number) => ({
  calendarId: '24x7',
  rules: { ...DEFAULT_SLA_POLICY.rules, NORMAL: { ...DEFAULT_SLA_POLICY.rules.NORMAL, firstResponseMinutes } },
  escalationPath: 'Front line, then your account manager, then our director of service.',
});

async function onboard(org: string, firstResponseMinutes: number) {
  const auth = await bearer(admin);
  await request(app).put(`/v1/admin/organisations/${org}`).set('authorization', auth).send({ name: `${org} Ltd` }).expect(201);
  return (await request(app).post(`/v1/admin/organisations/${org}/contract-versions`).set('authorization', auth).send(terms(firstResponseMinutes)).expect(201)).body;
}

/** The staff view (a customer's view does not name the policy). */
const staffView = async (caseId: string) => (await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200)).body;

const minutesToFirstResponse = (view: Record<string, unknown>) =>
  (Date.parse((view.customerDeadlines as { firstResponseDue: string }).firstResponseDue) - Date.parse(view.openedAt as string)) / 60_000;

describe('onboarding an organisation with its contract', () => {
  it('when an admin creates an organisation and adds a contract version, then it is in force and every change is audited; others may not change it', async () => {
    const version = await onboard('globex', 45);
    expect(version).toMatchObject({ organisationId: 'globex', version: 1, terms: { calendarId: '24x7' } });
    const auth = await bearer(admin);
    await request(app).put('/v1/admin/organisations/globex').set('authorization', auth).send({ name: 'Globex Corporation' }).expect(200);
    const org = (await request(app).get('/v1/admin/organisations/globex').set('authorization', await bearer(agent)).expect(200)).body;
    expect(org).toMatchObject({ id: 'globex', name: 'Globex Corporation', contractInForce: 1 });
    expect((await request(app).get('/v1/admin/organisations').set('authorization', auth).expect(200)).body.items).toContainEqual(org);

    const trail = (await request(app).get('/v1/admin/organisations/globex/audit').set('authorization', auth).expect(200)).body.items;
    expect(trail.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['ORGANISATION_RENAMED', 'ada'], ['CONTRACT_VERSION_ADDED', 'ada'], ['ORGANISATION_CREATED', 'ada'],
    ]);
    expect(JSON.stringify(trail)).not.toContain('Globex'); // field names, not what was written

    const addVersion = (org: string, body: object, who = auth) => request(app).post(`/v1/admin/organisations/${org}/contract-versions`).set('authorization', who).send(body);
    expect((await addVersion('globex', terms(10), await bearer(agent))).status).toBe(403);
    expect((await addVersion('nobody', terms(10))).status).toBe(404);
    // Before version 1 took effect: versions take effect in order.
    expect((await addVersion('globex', { ...terms(10), effectiveFrom: '2020-01-01T00:00:00Z' })).status).toBe(422);
    expect((await addVersion('globex', { ...terms(10), calendarId: 'mars' })).status).toBe(422);
  });
});

describe('a case takes its SLA from its organisation\'s contract', () => {
  it('when a customer names an SLA policy, then opening and the preview are refused with a problem naming slaPolicyId', async () => {
    await onboard('initech', 30);
    const customer = customerOf('initech');
    const open = await request(app).post('/v1/cases').set('authorization', await bearer(customer)).set('idempotency-key', 'choose-premium')
      .send({ customerId: 'initech', subject: 's', description: 'd', category: 'INQUIRY', channel: 'API', slaPolicyId: 'default' });
    expect(open.status).toBe(422);
    expect(open.body.errors).toEqual([expect.objectContaining({ path: 'slaPolicyId' })]);
    const preview = await request(app).post('/v1/sla-preview').set('authorization', await bearer(customer)).send({ slaPolicyId: 'default' });
    expect(preview.status).toBe(422);

    // Staff cannot override a contract either; without the field the case gets the contract.
    const staffChoice = await request(app).post('/v1/cases').set('authorization', await bearer(backOffice)).set('idempotency-key', 'staff-choice')
      .send({ customerId: 'initech', subject: 's', description: 'd', category: 'INQUIRY', channel: 'API', slaPolicyId: 'default' });
    expect(staffChoice.status).toBe(422);
    const { caseId, body } = await openViaApi(app, customer, { priority: 'NORMAL' });
    expect((await staffView(caseId)).policy).toEqual({ id: 'contract:initech', version: 1 });
    expect(minutesToFirstResponse(body)).toBe(30);
  });

  it('when two organisations with different contracts open cases at the same instant, then their deadlines differ as their contracts say', async () => {
    await onboard('hooli', 20);
    await onboard('umbrella', 90);
    const openedAt = '2026-12-07T02:00:00Z';
    const staff = await bearer(agent);
    const due = async (organisationId: string) =>
      (await request(app).post('/v1/sla-preview').set('authorization', staff).send({ organisationId, priority: 'NORMAL', openedAt }).expect(200)).body.firstResponse.due;
    expect(await due('hooli')).toBe('2026-12-07T02:20:00.000Z');
    expect(await due('umbrella')).toBe('2026-12-07T03:30:00.000Z');

    const [hooli, umbrella] = await Promise.all([openViaApi(app, customerOf('hooli')), openViaApi(app, customerOf('umbrella'))]);
    expect([minutesToFirstResponse(hooli.body), minutesToFirstResponse(umbrella.body)]).toEqual([20, 90]);
  });

  it('when an organisation has no contract, then its cases get the provider default and staff may still name a provider policy', async () => {
    const { caseId } = await openViaApi(app, customerOf('no-contract-co'));
    expect((await staffView(caseId)).policy).toEqual({ id: 'default', version: 1 });
    const named = await openViaApi(app, backOffice, { customerId: 'no-contract-co', slaPolicyId: 'default' });
    expect(named.body.policy).toEqual({ id: 'default', version: 1 });
  });

  it('when a contract version takes effect in the future, then cases opened before it keep the version in force at their opening', async () => {
    await onboard('soylent', 60);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await request(app).post('/v1/admin/organisations/soylent/contract-versions').set('authorization', await bearer(admin)).send({ ...terms(15), effectiveFrom: later }).expect(201);
    const { caseId } = await openViaApi(app, customerOf('soylent'));
    expect((await staffView(caseId)).policy).toEqual({ id: 'contract:soylent', version: 1 });
    const atRenewal = await request(app).post('/v1/sla-preview').set('authorization', await bearer(agent)).send({ organisationId: 'soylent', openedAt: later }).expect(200);
    expect(atRenewal.body.policy).toEqual({ id: 'contract:soylent', version: 2 });
  });
});

describe('a contract renewal reaches open cases when it takes effect', () => {
  it('when an admin saves a version effective in a few seconds, then open cases keep theirs until then, and then move onto it and recompute their deadlines', async () => {
    await onboard('stark', 60);
    const { caseId } = await openViaApi(app, customerOf('stark'));
    expect(minutesToFirstResponse(await staffView(caseId))).toBe(60);

    const effectiveFrom = new Date(Date.now() + 4_000).toISOString();
    const saved = (await request(app).post('/v1/admin/organisations/stark/contract-versions').set('authorization', await bearer(admin))
      .send({ ...terms(15), effectiveFrom }).expect(201)).body;
    expect(saved.rollout).toEqual({ id: 'organisation-stark-v2', href: '/v1/rollouts/organisation-stark-v2', startsAt: new Date(effectiveFrom).toISOString() });
    expect((await staffView(caseId)).policy).toEqual({ id: 'contract:stark', version: 1 });

    const after = await eventually(() => staffView(caseId), (v) => v.policy.version === 2, 30_000);
    expect(after.policy).toEqual({ id: 'contract:stark', version: 2 });
    expect(minutesToFirstResponse(after)).toBe(15); // recomputed from the case's opening
    const rollout = (await request(app).get(saved.rollout.href).set('authorization', await bearer(admin)).expect(200)).body;
    expect(rollout).toMatchObject({ state: 'COMPLETED', moved: 1, failedCount: 0 });
    expect(Date.parse(rollout.startedAt)).toBeGreaterThanOrEqual(Date.parse(effectiveFrom)); // not before it took effect
  });
});

describe('service standards (C4.2)', () => {
  it('when a customer reads its service standards, then it gets its own contract\'s hours, times, path and appeal window, and no other organisation\'s', async () => {
    await onboard('massive-dynamic', 25);
    const customer = await bearer(customerOf('massive-dynamic'));
    const own = (await request(app).get('/v1/service-standards').set('authorization', customer).expect(200)).body;
    expect(own).toMatchObject({ organisationId: 'massive-dynamic', contract: { version: 1 }, serviceHours: { calendarId: '24x7' } });
    expect(own.responseTimes.find((r: { priority: string }) => r.priority === 'NORMAL')).toMatchObject({ firstResponseMinutes: 25, appealWindow: { days: 15 } });
    expect(own.escalationPath).toMatch(/account manager/);
    await request(app).get('/v1/service-standards?organisationId=globex').set('authorization', customer).expect(403);

    const staff = await bearer(agent);
    await request(app).get('/v1/service-standards').set('authorization', staff).expect(400);
    const fallback = (await request(app).get('/v1/service-standards?organisationId=no-contract-co').set('authorization', staff).expect(200)).body;
    expect(fallback).toMatchObject({ contract: null, serviceHours: { calendarId: 'cn-mainland', timezone: 'Asia/Shanghai' } });
    await request(app).get('/v1/service-standards?organisationId=no-contract-c0').set('authorization', staff).expect(404); // a typo
  });
});
