// The read side: case lists with filters and cursor pagination from PostgreSQL, SLA
// policies and calendars (admin writes a new version), the SLA preview (C4.2) and
// audited account look-ups (C2.2(a)).
import request from 'supertest';
import { apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

const admin = { id: 'ada', role: 'admin' as const };

describe('listing cases', () => {
  it('when cases are filtered and paged, then every page holds matching cases, newest first, and the cursor walks them all once', async () => {
    const app = apiFor(h);
    const globex = { id: 'g-user', role: 'customer' as const, customerId: 'globex' };
    const opened: string[] = [];
    for (let i = 0; i < 5; i++) opened.push((await openViaApi(app, globex, { priority: i % 2 ? 'HIGH' : 'LOW' })).caseId);
    await actViaApi(app, agent, opened[0]!, 'acknowledge');
    const auth = await bearer(agent);
    await eventually(
      async () => (await request(app).get('/v1/cases?customerId=globex&status=IN_PROGRESS').set('authorization', auth)).body.items?.length,
      (n) => n === 1,
    );

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(app)
        .get(`/v1/cases?customerId=globex&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set('authorization', auth)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c: { caseId: string }) => c.caseId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...opened].sort());

    const high = await request(app).get('/v1/cases?customerId=globex&priority=HIGH').set('authorization', auth).expect(200);
    expect(high.body.items.map((c: { priority: string }) => c.priority)).toEqual(['HIGH', 'HIGH']);
    const open = await request(app).get('/v1/cases?customerId=globex&status=OPEN,WAITING_ON_CUSTOMER').set('authorization', auth).expect(200);
    expect(open.body.items).toHaveLength(4);
    const notBreached = await request(app).get('/v1/cases?customerId=globex&breached=false').set('authorization', auth).expect(200);
    expect(notBreached.body.items).toHaveLength(5);
  });

  it('when the query is invalid or the cursor forged, then the answer is 400 naming the problem', async () => {
    const app = apiFor(h);
    const auth = await bearer(agent);
    const bad = await request(app).get('/v1/cases?status=NOPE&limit=1000').set('authorization', auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path.split('.')[0]).sort()).toEqual(['limit', 'status']);
    expect((await request(app).get('/v1/cases?cursor=abc').set('authorization', auth)).status).toBe(400);
    expect((await request(app).get('/v1/cases?unknown=1').set('authorization', auth)).status).toBe(400);
  });
});

describe('SLA policies, calendars and the preview (C4.2)', () => {
  it('when a customer asks what a HIGH case opened at a given time would be due, then the preview gives every deadline from the default policy', async () => {
    const res = await request(apiFor(h))
      .post('/v1/sla-preview')
      .set('authorization', await bearer(customer))
      .send({ priority: 'HIGH', openedAt: '2026-03-02T01:00:00Z' }) // Monday 09:00 in Shanghai
      .expect(200);
    expect(res.body.policy).toEqual({ id: 'default', version: 1 });
    expect(res.body.firstResponse.due).toBe('2026-03-02T01:30:00.000Z'); // 30 business minutes
    expect(res.body.escalations.map((e: { toLevel: number }) => e.toLevel)).toEqual([1, 2, 3]);
  });

  it('when an admin saves a policy, then it becomes a new version and invalid policies are refused with 400 or 422', async () => {
    const app = apiFor(h);
    const auth = await bearer(admin);
    const base = (await request(app).get('/v1/sla-policies/default').set('authorization', auth).expect(200)).body;
    const { version: _v, ...rest } = base;
    const saved = await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...rest, id: 'gold', name: 'Gold' }).expect(201);
    expect(saved.body.version).toBe(1);
    const again = await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...rest, id: 'gold', name: 'Gold v2' }).expect(201);
    expect(again.body.version).toBe(2);
    const noCalendar = await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...rest, id: 'x', calendarId: 'nowhere' });
    expect(noCalendar.status).toBe(422);
    const badRule = await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...rest, id: 'y', rules: { ...rest.rules, LOW: { ...rest.rules.LOW, warningFraction: 2 } } });
    expect(badRule.status).toBe(400);
  });

  it('when an admin saves a calendar with an unknown time zone, then it is refused and nothing is stored', async () => {
    const app = apiFor(h);
    const auth = await bearer(admin);
    const res = await request(app).post('/v1/calendars').set('authorization', auth).send({ id: 'mars', name: 'Mars', spec: { timezone: 'Mars/Olympus', weekly: { mon: [['09:00', '17:00']] } } });
    expect(res.status).toBe(422);
    expect((await request(app).get('/v1/calendars/mars').set('authorization', auth)).status).toBe(404);
  });

  it('when a case is opened under a named policy, then it pins that policy version', async () => {
    const app = apiFor(h);
    const { body } = await openViaApi(app, backOffice, { slaPolicyId: 'default' });
    expect(body.policy).toEqual({ id: 'default', version: 1 });
    const missing = await request(app).post('/v1/cases').set('authorization', await bearer(backOffice)).set('idempotency-key', 'no-policy').send({ customerId: 'acme', subject: 's', description: 'd', category: 'INQUIRY', channel: 'API', slaPolicyId: 'missing' });
    expect(missing.status).toBe(422);
  });
});

describe('account look-ups (C2.2(a))', () => {
  it('when an agent looks up the account for an open case of that customer, then it is shown and the look-up audited; without such a case it is refused', async () => {
    const app = apiFor(h);
    await request(app).put('/v1/customers/acme/account').set('authorization', await bearer(backOffice)).send({ name: 'Acme Ltd', details: { users: ['li.wei'], contacts: ['ops@acme.example'] } }).expect(200);
    const { caseId } = await openViaApi(app, backOffice);
    await eventually(
      async () => (await request(app).get(`/v1/cases/${caseId}/history`).set('authorization', await bearer(agent))).status,
      (s) => s === 200,
    );
    const ok = await request(app).get(`/v1/customers/acme/account?caseId=${caseId}&purpose=verify%20login%20name`).set('authorization', await bearer(agent)).expect(200);
    expect(ok.body.details.users).toEqual(['li.wei']);
    const wrong = await request(app).get(`/v1/customers/globex/account?caseId=${caseId}&purpose=curious`).set('authorization', await bearer(agent));
    expect(wrong.status).toBe(403);
    const audit = await request(app).get('/v1/customers/acme/account-lookups').set('authorization', await bearer({ id: 'sue', role: 'supervisor' })).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ actorId: agent.id, caseId, purpose: 'verify login name' })]);
  });
});
