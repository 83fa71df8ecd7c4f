// /metrics and /readyz: what operators scrape and probe. HTTP traffic by route pattern and status, open
// cases by status and level, breaches by clock and webhook outcomes, in Prometheus text.
import request from 'supertest';
import { createApp } from '../../api/app';
import { apiFor, appDeps, bearer } from '../helpers/api';
import { createTestDatabase } from '../helpers/database';
import { openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

describe('/metrics', () => {
  it('when cases are opened and read, then the scrape counts requests by route pattern and open cases by status', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    await request(app).get('/v1/cases/nope!').set('authorization', await bearer(agent)).expect(400);
    const text = await eventually(
      async () => (await request(app).get('/metrics').expect(200)).text,
      // The read model and the outbox are written by activities after the answer: wait for both.
      (t) => /casekeeper_open_cases\{status="OPEN",level="0"\} [1-9]/.test(t) && /casekeeper_webhook_events\{state="SKIPPED"\} [1-9]/.test(t),
    );
    expect(text).toMatch(/casekeeper_http_requests_total\{method="POST",route="\/v1\/cases\/",status="201"\} 1/);
    expect(text).toMatch(/casekeeper_http_requests_total\{method="GET",route="\/v1\/cases\/:caseId",status="200"\} 1/);
    expect(text).toMatch(/casekeeper_http_requests_total\{method="GET",route="\/v1\/cases\/:caseId",status="400"\} 1/);
    expect(text).not.toContain(caseId); // IDs never become labels
    expect(text).toMatch(/casekeeper_http_request_duration_seconds_bucket\{le="0\.5",method="POST",route="\/v1\/cases\/"\}/);
    expect(text).toMatch(/casekeeper_open_cases\{status="OPEN",level="0"\} [1-9]/);
    expect(text).toMatch(/casekeeper_webhook_events\{state="SKIPPED"\} [1-9]/);
  });
});

describe('readiness and outages', () => {
  it('when the database stops answering, then /readyz says so and reads answer 503 with Retry-After, not 500', async () => {
    const gone = await createTestDatabase();
    await gone.drop(); // closes the connections and removes the database
    const app = createApp({ ...appDeps(h), db: gone.db });
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ temporal: true, database: false });
    const list = await request(app).get('/v1/cases').set('authorization', await bearer(agent));
    expect(list.status).toBe(503);
    expect(list.headers['retry-after']).toBeDefined();
    expect(list.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
