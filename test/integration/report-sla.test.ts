// GET /v1/reports/sla against PostgreSQL: a scripted set of cases (report-fixture.ts),
// every figure computed again in the test (report-expected.ts) and compared cell for
// cell for each grouping; the CSV says the same as the JSON and defuses formulas; only
// supervisors, managers and admins may read it.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { apiFor, bearer } from '../helpers/api';
import { useHarness } from '../helpers/case-harness';
import { agent, customer, manager, supervisor } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';
import { ROOT } from '../helpers/paths';
import { slaReportSchema } from '../../api/schemas/reports';
import { expectedGroups } from './report-expected';
import { PERIOD, scriptedCases, writeScripted } from './report-fixture';

const h = useHarness(devServerEnv);
const all = scriptedCases(80);
const query = (groupBy: string) => `/v1/reports/sla?from=${PERIOD.from}&to=${PERIOD.to}&groupBy=${groupBy}`;

beforeAll(async () => {
  await writeScripted(h.db.db, all);
});

/** RFC 4180 lines into cells (quoted cells may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, 3).map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!)));
}

describe('the SLA report', () => {
  it.each(['customer', 'category', 'priority', 'unit', 'agent'])(
    'when grouped by %s, then every figure of every group equals the one computed from the scripted cases',
    async (groupBy) => {
      const res = await request(apiFor(h)).get(query(groupBy)).set('authorization', await bearer(supervisor)).expect(200);
      expect(slaReportSchema.parse(res.body)).toEqual(res.body);
      const expected = expectedGroups(all, PERIOD.from, PERIOD.to, groupBy);
      expect(res.body.groups).toEqual(expected);
      // The scripted period holds every kind of figure, so no cell is compared only as a zero.
      expect(expected.reduce((n, g) => n + g.opened, 0)).toBe(76);
    },
  );

  it('when asked for CSV, then each line is one group\'s figure with the JSON\'s value, and formula-like cells start with a quote', async () => {
    const app = apiFor(h);
    const auth = await bearer(manager);
    const json = (await request(app).get(query('agent')).set('authorization', auth).expect(200)).body;
    const res = await request(app).get(query('agent')).set('authorization', auth).set('accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = parseCsv(res.text);
    expect(header).toEqual(['group', 'figure', 'value']);
    const leaves = (v: unknown, path: string[] = []): [string, string][] =>
      v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k])) : [[path.join('.'), v === null ? '' : String(v)]];
    const fromJson = (json.groups as { key: string | null }[]).flatMap(({ key, ...rest }) =>
      leaves(rest).map(([figure, value]) => [key === null ? '' : /^[=+\-@]/.test(key) ? `'${key}` : key, figure, value]),
    );
    expect(lines).toEqual(fromJson);
    expect(res.text).toContain('\r\n"\'=HYPERLINK(""http://x"",""y"")",opened,');
    expect(res.text).toContain("\r\n'-1+2,opened,");
  });

  it('when rows were written before the report\'s columns existed, then the migration fills them from the snapshot as the writer does', async () => {
    // The migration's hand-written backfill, found by what it sets (migration files get renumbered).
    const dir = path.join(ROOT, 'db/migrations');
    const backfill = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('--> statement-breakpoint'))
      .filter((statement) => statement.includes('"report_tallies" = ('));
    expect(backfill).toHaveLength(1);
    const ids = all.map((c) => c.caseId);
    await h.db.db.execute(sql`update cases set first_responded_at = null, first_response_breached = false, appeal_outcome = null, report_tallies = '[]' where case_id in ${ids}`);
    await h.db.db.execute(sql.raw(backfill[0]!));
    const res = await request(apiFor(h)).get(query('category')).set('authorization', await bearer(supervisor)).expect(200);
    expect(res.body.groups).toEqual(expectedGroups(all, PERIOD.from, PERIOD.to, 'category'));
  });

  it('when the period is backwards or longer than a year, then the answer is 400', async () => {
    const auth = await bearer(supervisor);
    const app = apiFor(h);
    await request(app).get(`/v1/reports/sla?from=${PERIOD.to}&to=${PERIOD.from}&groupBy=unit`).set('authorization', auth).expect(400);
    await request(app).get('/v1/reports/sla?from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:01Z&groupBy=unit').set('authorization', auth).expect(400);
    await request(app).get(`/v1/reports/sla?from=${PERIOD.from}&to=${PERIOD.to}&groupBy=colour`).set('authorization', auth).expect(400);
  });

  it('when an agent or a customer asks, then the answer is 403', async () => {
    const app = apiFor(h);
    await request(app).get(query('unit')).set('authorization', await bearer(agent)).expect(403);
    await request(app).get(query('customer')).set('authorization', await bearer(customer)).expect(403);
  });
});
