// Cases pin the SLA version they opened under; an admin's roll-out moves open cases
// onto the newest version and their pending deadlines are recomputed (issue: clocks).
import request from 'supertest';
import { apiFor, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };

describe('rolling a new policy version out to open cases', () => {
  it('when an admin saves a new version, then open cases keep theirs until the roll-out, and then recompute their first-response deadline', async () => {
    const app = apiFor(h);
    const auth = await bearer(admin);
    const base = (await request(app).get('/v1/sla-policies/default').set('authorization', auth).expect(200)).body;
    const { version: _v, ...rest } = base;
    await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...rest, id: 'rollout-test', calendarId: '24x7' }).expect(201);
    const { caseId, body } = await openViaApi(app, backOffice, { slaPolicyId: 'rollout-test', priority: 'NORMAL' });
    const firstDue = Date.parse((body.customerDeadlines as { firstResponseDue: string }).firstResponseDue);

    const slower = { ...rest, id: 'rollout-test', calendarId: '24x7', rules: { ...rest.rules, NORMAL: { ...rest.rules.NORMAL, firstResponseMinutes: 120 } } };
    await request(app).post('/v1/sla-policies').set('authorization', auth).send(slower).expect(201);
    const pinned = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    expect(pinned.body.policy).toEqual({ id: 'rollout-test', version: 1 });

    await eventually(
      async () => (await request(app).get(`/v1/cases?status=OPEN&limit=100`).set('authorization', await bearer(agent))).body.items.some((c: { caseId: string }) => c.caseId === caseId),
      (found) => found,
    );
    const rolled = await request(app).post('/v1/sla-policies/rollout-test/rollout').set('authorization', auth).expect(202);
    const status = await eventually(
      async () => (await request(app).get(rolled.headers.location!).set('authorization', auth).expect(200)).body,
      (s) => s.state === 'COMPLETED',
    );
    expect(status.moved).toBe(1);
    const after = await eventually(
      async () => (await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent))).body,
      (v) => v.policy.version === 2,
    );
    expect(Date.parse(after.customerDeadlines.firstResponseDue) - firstDue).toBe(60 * 60_000);
    expect((await request(app).post('/v1/sla-policies/nope/rollout').set('authorization', auth)).status).toBe(404);
    expect((await request(app).post('/v1/sla-policies/rollout-test/rollout').set('authorization', await bearer(agent))).status).toBe(403);
  });
});
