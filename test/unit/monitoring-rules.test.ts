// The shipped alert rules and dashboard, checked by the real promtool (Debian's
// `prometheus` package; scripts/provision.sh --test installs it): the rules load, each
// alert fires on the input series that should raise it and stays quiet otherwise
// (monitoring/prometheus/alerts.test.yml), and every dashboard query is valid PromQL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { ALERT_RULES, ALERT_TESTS, alertExpressions, asPromQL, dashboardExpressions, DASHBOARD } from './monitoring-queries';

const PROMTOOL = process.env.PROMTOOL_PATH ?? 'promtool';

function promtool(...args: string[]): { ok: boolean; output: string } {
  const run = spawnSync(PROMTOOL, args, { cwd: path.dirname(ALERT_RULES), encoding: 'utf8' });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`promtool not found: install Debian's \`prometheus\` package (scripts/provision.sh --test does, as root) or set PROMTOOL_PATH`);
  }
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('the Prometheus alert rules (monitoring/prometheus/alerts.yml)', () => {
  it('when promtool checks them, then they load', () => {
    const check = promtool('check', 'rules', ALERT_RULES);
    expect(check.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(check.ok).toBe(true);
  });

  it('when promtool replays the input series, then each alert fires where it should and nowhere else', () => {
    const run = promtool('test', 'rules', ALERT_TESTS);
    expect(run.output).toContain('SUCCESS');
    expect(run.ok).toBe(true);
  });

  it('when promtool checks the shipped scrape configuration, then it loads with the rules beside it', () => {
    const check = promtool('check', 'config', path.join(path.dirname(ALERT_RULES), 'prometheus.yml'));
    expect(check.output).toContain('SUCCESS: 1 rule files found');
    expect(check.ok).toBe(true);
  });

  it('covers breaches by clock, cases at risk, notices, persistence, calendars, the worker and its backlog', () => {
    const names = alertExpressions().map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining([
      'CasekeeperSlaBreached', 'CasekeeperCasesAtRisk', 'CasekeeperNoticesUndelivered', 'CasekeeperReadModelStalled',
      'CasekeeperCaseWritesRefused', 'CasekeeperCaseWritesFailing', 'CasekeeperCalendarHorizonNear', 'CasekeeperWorkerDown', 'CasekeeperTaskBacklog',
    ]));
    // Every alert has at least one promtool test case.
    const tested = fs.readFileSync(ALERT_TESTS, 'utf8');
    for (const name of names) expect(tested).toContain(`alertname: ${name}\n`);
  });
});

describe('the Grafana dashboard (monitoring/grafana/casekeeper.json)', () => {
  it('when its queries are loaded by promtool, then every one is valid PromQL', () => {
    const queries = dashboardExpressions();
    expect(queries.length).toBeGreaterThan(15);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-queries-'));
    const file = path.join(dir, 'queries.yml');
    const rules = queries.map((q, i) => ({ record: `dashboard:query_${i}`, expr: asPromQL(q.expr) }));
    fs.writeFileSync(file, stringify({ groups: [{ name: 'dashboard', rules }] }));
    const check = promtool('check', 'rules', file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(check.output).toContain(`SUCCESS: ${queries.length} rules found`);
  });

  it('asks Grafana for a Prometheus data source on import instead of naming one machine\'s', () => {
    const text = fs.readFileSync(DASHBOARD, 'utf8');
    const uids = [...text.matchAll(/"uid": "([^"]*)"/g)].map((m) => m[1]).filter((uid) => uid !== 'casekeeper');
    expect(new Set(uids)).toEqual(new Set(['${datasource}']));
  });
});
