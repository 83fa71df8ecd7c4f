// Every metric the shipped dashboard and alert rules name is one Casekeeper exports: the
// API's /metrics and the worker's SDK metrics are scraped for real after a case has run.
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApp } from '../../api/app';
import { createLogger } from '../../config/logger';
import { registerSearchAttributes } from '../../config/search-attributes';
import { encryptingDataConverter } from '../../codec/aes-gcm-codec';
import { installWorkerRuntime } from '../../worker/runtime';
import { appDeps, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { eventually, startCase, startHarness, type Harness } from '../helpers/case-harness';
import { agent, backOffice, pinnedSla } from '../helpers/fixtures';
import { TEST_SERVER } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { TEST_KEY_RING } from '../helpers/temporal';
import { alertExpressions, dashboardExpressions, metricNames } from '../unit/monitoring-queries';
import { refuseCaseWritesOf } from '../helpers/refused-writes';

let h: Harness;
let scrapeWorker: () => Promise<string>;
beforeAll(async () => {
  // The worker's own runtime, as worker/main.ts installs it (so not the tests' quiet one).
  scrapeWorker = installWorkerRuntime(`127.0.0.1:${await freePort()}`, createLogger('silent'));
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client: { dataConverter: encryptingDataConverter(TEST_KEY_RING) },
    server: { executable: { type: 'existing-path', path: TEST_SERVER } },
  });
  await registerSearchAttributes(env.connection.operatorService, env.namespace ?? 'default');
  // A receiver nobody listens on: notices stay undelivered.
  h = await startHarness(env, { webhook: { url: `http://127.0.0.1:${await freePort()}/hook`, secret: 'monitoring-test-secret' } });
});
afterAll(async () => {
  await h?.stop();
  await h?.env.teardown();
});

/** Metric families in a Prometheus text scrape, by their TYPE lines. */
const families = (text: string): Set<string> =>
  new Set(text.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]!));

// The SDK exports a counter or histogram from its first event on: failure counters and
// activity latencies are absent from a healthy scrape. Those are checked against the
// names the SDK's native library registers (a misspelt name is found in neither).
const RELEASES = path.join(path.dirname(require.resolve('@temporalio/core-bridge/package.json')), 'releases');
/** One platform's build is enough: every build registers the same names. */
const sdkLibrary = (): string => {
  const file = fs.readdirSync(RELEASES).map((platform) => path.join(RELEASES, platform, 'index.node')).find((f) => fs.existsSync(f));
  return file ? fs.readFileSync(file).toString('latin1') : '';
};

const refuseWritesOf = (customerId: string): Promise<void> => refuseCaseWritesOf(h.db.db, customerId);

describe('the metrics the dashboard and the alert rules name', () => {
  it('when the API and a worker have served a case, then every name is one they export', async () => {
    const app = createApp({ ...appDeps(h), workerMetrics: scrapeWorker });
    const { caseId } = await openViaApi(app, backOffice);
    await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    // A case whose writes the database refuses: the worker counts the refusal (a counter
    // the SDK exports only from its first event on).
    await refuseWritesOf('refused-co');
    await startCase(h, { customerId: 'refused-co' });
    const text = await eventually(async () => (await request(app).get('/metrics').expect(200)).text, (t) => /case_write_refusals\S* [1-9]/.test(t), 30_000);
    const scraped = families(text);
    const sdkNames = sdkLibrary();

    const named = [...new Set([...alertExpressions(), ...dashboardExpressions()].flatMap((q) => metricNames(q.expr)))];
    expect(named.length).toBeGreaterThan(15);
    const unknown = named.filter((name) => {
      if (name === 'up' || scraped.has(name)) return false; // `up` is Prometheus's own, per scrape target
      return !(name.startsWith('temporal_') && sdkNames.includes(name.slice('temporal_'.length)));
    });
    expect(unknown).toEqual([]);
    // The app's own metrics are all in a real scrape, not merely known by name.
    expect(named.filter((n) => n.startsWith('casekeeper_') && !scraped.has(n))).toEqual([]);
  });
});

describe('the figures the alerts read', () => {
  it('when a case passes its warning point and its notices cannot be delivered, then /metrics counts it at risk and ages the oldest notice', async () => {
    const app = createApp(appDeps(h));
    // Warned after 1.2 s, due after 30 s: the time-skipping server runs in real time while nobody waits on it.
    await startCase(h, { sla: pinnedSla({ firstResponseMinutes: 0.5, warningFraction: 0.04 }) });
    const text = await eventually(
      async () => (await request(app).get('/metrics').expect(200)).text,
      (t) => /casekeeper_cases_at_risk\{clock="FIRST_RESPONSE"\} 1/.test(t) && /casekeeper_webhook_oldest_undelivered_seconds [1-9]/.test(t),
      20_000,
    );
    expect(text).not.toMatch(/casekeeper_cases_at_risk\{clock="ESCALATION"\}/);
  });
});
