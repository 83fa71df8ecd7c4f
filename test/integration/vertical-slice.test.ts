// The wiring end to end on the dev server and PostgreSQL: HTTP → caseWorkflow →
// activity → read model, and the case findable by its search attributes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { cases } from '../../db/schema';
import { apiFor, bearer } from '../helpers/api';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer } from '../helpers/fixtures';
import { TEMPORAL_CLI } from '../helpers/paths';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

const newCase = {
  customerId: 'acme',
  subject: 'Invoice shows a double charge',
  description: 'October invoice lists the same licence twice.',
  category: 'BILLING',
  priority: 'HIGH',
  channel: 'EMAIL',
};

describe('opening a case through the API', () => {
  it('when a back-office system opens a case, then caseWorkflow runs as case-<id>, answers getCase, fills the read model and is found by CaseStatus', async () => {
    const app = apiFor(h);
    const created = await request(app)
      .post('/v1/cases')
      .set('authorization', await bearer(backOffice))
      .set('idempotency-key', 'crm-ticket-1001')
      .send(newCase)
      .expect(201);
    const caseId: string = created.body.caseId;
    expect(created.body).toMatchObject({ status: 'OPEN', level: 0, unit: 'front-line', customerId: 'acme', priority: 'HIGH' });
    expect(created.headers.location).toBe(`/v1/cases/${caseId}`);

    const described = await h.env.client.workflow.getHandle(`case-${caseId}`).describe();
    expect(described.type).toBe('caseWorkflow');

    const got = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    expect(got.body.nextDeadline.kind).toBe('FIRST_RESPONSE');

    const [row] = await eventually(
      () => h.db.db.select().from(cases).where(eq(cases.caseId, caseId)),
      (rows) => rows.length === 1,
    );
    expect(row).toMatchObject({ status: 'OPEN', customerId: 'acme', category: 'BILLING', slaBreached: false });

    const listed = await eventually(
      async () => {
        const { stdout } = await promisify(execFile)(TEMPORAL_CLI, [
          'workflow', 'list', '--address', h.env.address, '--query', `CaseStatus='OPEN' AND CustomerId='acme'`, '--output', 'json',
        ]);
        return stdout;
      },
      (out) => out.includes(`case-${caseId}`),
    );
    expect(listed).toContain(`case-${caseId}`);
  });

  it('when the same Idempotency-Key is sent again, then the same case comes back and no second workflow starts', async () => {
    const app = apiFor(h);
    const auth = await bearer(backOffice);
    const first = await request(app).post('/v1/cases').set('authorization', auth).set('idempotency-key', 'crm-ticket-2002').send(newCase).expect(201);
    const again = await request(app).post('/v1/cases').set('authorization', auth).set('idempotency-key', 'crm-ticket-2002').send(newCase).expect(201);
    expect(again.body.caseId).toBe(first.body.caseId);
    const different = await request(app).post('/v1/cases').set('authorization', auth).set('idempotency-key', 'crm-ticket-2002').send({ ...newCase, subject: 'Something else' });
    expect(different.status).toBe(422);
    expect(different.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when the body is invalid, then the answer is a 400 problem document naming the fields, and no case starts', async () => {
    const app = apiFor(h);
    const res = await request(app)
      .post('/v1/cases')
      .set('authorization', await bearer(backOffice))
      .set('idempotency-key', 'crm-ticket-bad')
      .send({ ...newCase, category: 'NOT_A_CATEGORY', subject: '' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['category', 'subject']);
  });

  it('when a customer of another organisation asks for the case, then it does not exist for them', async () => {
    const app = apiFor(h);
    const created = await request(app).post('/v1/cases').set('authorization', await bearer(customer)).set('idempotency-key', 'c-1').send(newCase).expect(201);
    const stranger = { id: 'someone', role: 'customer' as const, customerId: 'globex' };
    const res = await request(app).get(`/v1/cases/${created.body.caseId}`).set('authorization', await bearer(stranger));
    expect(res.status).toBe(404);
    const own = await request(app).get(`/v1/cases/${created.body.caseId}`).set('authorization', await bearer(customer));
    expect(own.status).toBe(200);
  });

  it('when an action the status does not allow is sent, then the answer is 409 with the reason and the case is unchanged', async () => {
    const app = apiFor(h);
    const created = await request(app).post('/v1/cases').set('authorization', await bearer(backOffice)).set('idempotency-key', 'crm-409').send(newCase).expect(201);
    const caseId = created.body.caseId;
    const res = await request(app).post(`/v1/cases/${caseId}/accept`).set('authorization', await bearer(customer)).send({});
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/OPEN/);
    const after = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    expect(after.body.seq).toBe(created.body.seq);
    expect(after.body.status).toBe('OPEN');
  });
});
