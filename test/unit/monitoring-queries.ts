// What the shipped dashboard and alert rules query: their PromQL expressions and the
// metric names those expressions read. Shared by the rule tests and the scrape check.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/paths';

export const ALERT_RULES = path.join(ROOT, 'monitoring/prometheus/alerts.yml');
export const ALERT_TESTS = path.join(ROOT, 'monitoring/prometheus/alerts.test.yml');
export const DASHBOARD = path.join(ROOT, 'monitoring/grafana/casekeeper.json');

interface Rule { alert?: string; record?: string; expr: string }
interface Panel { title?: string; targets?: { expr?: string }[]; panels?: Panel[] }

export function alertExpressions(): { name: string; expr: string }[] {
  const { groups } = parse(fs.readFileSync(ALERT_RULES, 'utf8')) as { groups: { rules: Rule[] }[] };
  return groups.flatMap((g) => g.rules.map((r) => ({ name: r.alert ?? r.record ?? '?', expr: r.expr })));
}

export function dashboardExpressions(): { name: string; expr: string }[] {
  const { panels } = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
  const all = panels.flatMap((p) => [p, ...(p.panels ?? [])]);
  return all.flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [{ name: p.title ?? '?', expr: t.expr }] : [])));
}

/** Grafana's range variables as Prometheus reads them once Grafana has filled them in. */
export const asPromQL = (expr: string): string => expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');

/**
 * Metric names an expression reads: Casekeeper's (casekeeper_*), the Temporal SDK's
 * (temporal_*) and Prometheus's own `up`. A histogram's _bucket/_sum/_count series are
 * named by the histogram.
 */
export function metricNames(expr: string): string[] {
  const names = [...expr.matchAll(/\b(casekeeper_[a-z0-9_]+|temporal_[a-z0-9_]+|up(?=\{))/g)].map((m) => m[1]!);
  return [...new Set(names.map((n) => n.replace(/_(bucket|sum|count)$/, '')))];
}
