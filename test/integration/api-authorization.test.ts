// The authorisation matrix: each role against each route, plus tokens that must not
// get in at all, and customers kept to their own organisation (C4.3).
import request from 'supertest';
import { mintToken } from '../../api/auth';
import type { Actor, Role } from '../../domain/case-types';
import { apiFor, bearer, TEST_AUTH_SECRET } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { backOffice, customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
let caseId: string;
beforeAll(async () => {
  caseId = (await openViaApi(apiFor(h), backOffice)).caseId;
  await eventually(
    async () => (await request(apiFor(h)).get(`/v1/cases/${caseId}/history`).set('authorization', await bearer(backOffice))).status,
    (s) => s === 200,
  );
});

const actors: Record<Role, Actor> = {
  customer,
  agent: { id: 'ann', role: 'agent' },
  supervisor: { id: 'sue', role: 'supervisor' },
  manager: { id: 'max', role: 'manager' },
  admin: { id: 'ada', role: 'admin' },
  system: backOffice,
};

type Route = { name: string; send: (auth: string) => request.Test; allowed: Role[] };
const routes = (): Route[] => {
  const app = apiFor(h);
  return [
    { name: 'POST /v1/cases', allowed: ['customer', 'agent', 'supervisor', 'manager', 'system'], send: (a) => request(app).post('/v1/cases').set('authorization', a).set('idempotency-key', `m-${Math.random()}`).send({ customerId: 'acme', subject: 's', description: 'd', category: 'INQUIRY', channel: 'API' }) },
    { name: 'GET /v1/cases', allowed: ['customer', 'agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).get('/v1/cases').set('authorization', a) },
    { name: 'GET /v1/cases/:id', allowed: ['customer', 'agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).get(`/v1/cases/${caseId}`).set('authorization', a) },
    { name: 'GET /v1/cases/:id/history', allowed: ['customer', 'agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).get(`/v1/cases/${caseId}/history`).set('authorization', a) },
    { name: 'POST /v1/cases/:id/assign', allowed: ['supervisor', 'manager', 'admin'], send: (a) => request(app).post(`/v1/cases/${caseId}/assign`).set('authorization', a).send({ assignee: 'someone-else' }) },
    { name: 'POST /v1/cases/:id/feedback', allowed: ['customer', 'system'], send: (a) => request(app).post(`/v1/cases/${caseId}/feedback`).set('authorization', a).send({ rating: 5 }) },
    { name: 'GET /v1/sla-policies', allowed: ['agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).get('/v1/sla-policies').set('authorization', a) },
    { name: 'GET /v1/calendars/:id', allowed: ['agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).get('/v1/calendars/24x7').set('authorization', a) },
    { name: 'POST /v1/calendars', allowed: ['admin'], send: (a) => request(app).post('/v1/calendars').set('authorization', a).send({ id: 'matrix', name: 'm', spec: { timezone: 'UTC', weekly: { mon: [['09:00', '17:00']] } } }) },
    { name: 'POST /v1/sla-preview', allowed: ['customer', 'agent', 'supervisor', 'manager', 'admin', 'system'], send: (a) => request(app).post('/v1/sla-preview').set('authorization', a).send({ priority: 'HIGH' }) },
    { name: 'PUT /v1/customers/:id/account', allowed: ['admin', 'system'], send: (a) => request(app).put('/v1/customers/acme/account').set('authorization', a).send({ name: 'Acme Ltd', details: { contacts: ['ops@acme.example'] } }) },
    { name: 'GET /v1/customers/:id/account-lookups', allowed: ['supervisor', 'manager', 'admin'], send: (a) => request(app).get('/v1/customers/acme/account-lookups').set('authorization', a) },
  ];
};

describe('authorisation matrix', () => {
  it('when each role calls each route, then exactly the allowed roles get past authorisation', async () => {
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const route of routes()) {
      for (const role of Object.keys(actors) as Role[]) {
        const res = await route.send(await bearer(actors[role]));
        expect(res.status).toBeLessThan(500);
        outcome.push(`${route.name} ${role}: ${res.status === 403 || res.status === 401 ? 'denied' : 'allowed'}`);
        expected.push(`${route.name} ${role}: ${route.allowed.includes(role) ? 'allowed' : 'denied'}`);
        if (res.status === 403) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(outcome).toEqual(expected);
  });

  it('when there is no token, a forged one or an expired one, then every route answers 401 with a problem document', async () => {
    const forged = await mintToken('another-secret-that-is-long-enough-x', { sub: 'x', role: 'admin' });
    const expired = await mintToken(TEST_AUTH_SECRET, { sub: 'x', role: 'admin' }, '-1h');
    for (const route of routes()) {
      for (const auth of ['', 'Bearer nonsense', `Bearer ${forged}`, `Bearer ${expired}`]) {
        const res = await route.send(auth);
        expect([route.name, res.status]).toEqual([route.name, 401]);
        expect(res.body.title).toBe('Unauthorized');
      }
    }
  });
});

describe('organisation isolation (C4.3)', () => {
  const stranger: Actor = { id: 'eve', role: 'customer', customerId: 'globex' };

  it('when a customer of another organisation reads, lists or acts on the case, then it does not exist for them', async () => {
    const app = apiFor(h);
    const auth = await bearer(stranger);
    expect((await request(app).get(`/v1/cases/${caseId}`).set('authorization', auth)).status).toBe(404);
    expect((await request(app).get(`/v1/cases/${caseId}/history`).set('authorization', auth)).status).toBe(404);
    expect((await actViaApi(app, stranger, caseId, 'withdraw', {})).status).toBe(404);
    const list = await request(app).get('/v1/cases').set('authorization', auth).expect(200);
    expect(list.body.items.map((c: { customerId: string }) => c.customerId)).not.toContain('acme');
    expect((await request(app).get('/v1/cases?customerId=acme').set('authorization', auth)).status).toBe(403);
  });

  it('when a customer opens a case for another organisation, then it is refused', async () => {
    const res = await request(apiFor(h)).post('/v1/cases').set('authorization', await bearer(stranger)).set('idempotency-key', 'x-org').send({ customerId: 'acme', subject: 's', description: 'd', category: 'INQUIRY', channel: 'API' });
    expect(res.status).toBe(403);
  });
});
