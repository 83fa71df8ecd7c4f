// /metrics in Prometheus text format: HTTP traffic measured here; case, breach and
// webhook figures read from the read model at scrape time, so they are right whichever
// process wrote them; and, where the worker runs in this process, the Temporal SDK's
// own worker metrics appended.
import type { Request, RequestHandler, Response, Router } from 'express';
import { Router as makeRouter } from 'express';
import { sql } from 'drizzle-orm';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client';
import { registerHorizonGauge } from './services/calendar-horizon-watch';
import { ReadModelStalledKey } from '../workflows/case/search-attributes';

export interface Metrics {
  middleware: RequestHandler;
  router: Router;
}

/**
 * The matched route as a pattern (`/v1/cases/:caseId`), not the URL: case IDs would
 * explode label spaces and put identifiers in logs. Undefined when nothing matched.
 */
export function routePattern(req: Request, res: Response): string | undefined {
  // On an error Express has already unwound baseUrl, hence the copy rememberBase keeps.
  const base = (res.locals.routeBase as string | undefined) ?? req.baseUrl;
  return req.route?.path ? `${base}${String(req.route.path)}` : undefined;
}

/** Mount before a router so metrics and logs can name its routes even after an error. */
export const rememberBase: RequestHandler = (req, res, next) => {
  res.locals.routeBase = req.baseUrl;
  next();
};

export function createMetrics(db: Db, extra?: () => Promise<string>, temporal?: Pick<Client, 'workflow'>): Metrics {
  const registry = new Registry();
  const requests = new Counter({ name: 'casekeeper_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'casekeeper_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const openCases = new Gauge({ name: 'casekeeper_open_cases', help: 'Cases not yet closed, by status and escalation level', labelNames: ['status', 'level'], registers: [registry] });
  const breaches = new Gauge({ name: 'casekeeper_breaches', help: 'SLA breaches recorded on cases, by clock', labelNames: ['clock'], registers: [registry] });
  const deliveries = new Gauge({ name: 'casekeeper_webhook_events', help: 'Webhook events by delivery outcome', labelNames: ['state'], registers: [registry] });
  registerHorizonGauge(db, registry); // casekeeper_calendar_horizon_days, read at each scrape
  // For dashboards and alerts (monitoring/): what is about to breach, what is stuck.
  const atRisk = new Gauge({ name: 'casekeeper_cases_at_risk', help: 'Open cases past a running clock\'s warning point and not yet due, by clock', labelNames: ['clock'], registers: [registry] });
  const oldestUndelivered = new Gauge({ name: 'casekeeper_webhook_oldest_undelivered_seconds', help: 'Age of the oldest notice not yet delivered (0 when none waits)', registers: [registry] });
  const stalled = new Gauge({ name: 'casekeeper_read_model_stalled_cases', help: 'Cases whose writes the database refuses (search attribute ReadModelStalled), from Temporal visibility', registers: [registry] });

  const middleware: RequestHandler = (req, res, next) => {
    const end = latency.startTimer();
    res.on('finish', () => {
      const route = routePattern(req, res) ?? 'unmatched';
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };

  const router = makeRouter();
  router.get('/metrics', async (_req, res) => {
    const [byStatus, byClock, byState, risky, oldest, stalledCount] = await Promise.all([
      db.execute(sql`select status, level, count(*)::int as n from cases where status <> 'CLOSED' group by status, level`),
      db.execute(sql`select b->>'clock' as clock, count(*)::int as n from cases, jsonb_array_elements(snapshot->'breaches') b group by 1`),
      db.execute(sql`select state, count(*)::int as n from outbox group by state`),
      db.execute(sql`select d->>'kind' as clock, count(distinct case_id)::int as n from cases, jsonb_array_elements(snapshot->'openDeadlines') d
        where status <> 'CLOSED' and d->>'pausedAt' is null and (d->>'warnAt')::timestamptz <= now() and (d->>'due')::timestamptz > now() group by 1`),
      db.execute(sql`select coalesce(extract(epoch from now() - min(created_at)), 0)::float as s from outbox where state in ('PENDING', 'FAILED', 'SENDING')`),
      // Servers without advanced visibility (the time-skipping test server) cannot count.
      temporal ? temporal.workflow.count(`${ReadModelStalledKey.name} = true`).then((c) => c.count, () => undefined) : undefined,
    ]);
    openCases.reset();
    for (const r of rows(byStatus)) openCases.set({ status: String(r.status), level: String(r.level) }, Number(r.n));
    breaches.reset();
    for (const r of rows(byClock)) breaches.set({ clock: String(r.clock) }, Number(r.n));
    deliveries.reset();
    for (const r of rows(byState)) deliveries.set({ state: String(r.state) }, Number(r.n));
    atRisk.reset();
    for (const r of rows(risky)) atRisk.set({ clock: String(r.clock) }, Number(r.n));
    oldestUndelivered.set(Number(rows(oldest)[0]?.s ?? 0));
    stalled.set(stalledCount ?? NaN); // NaN: unknown, never a reassuring 0
    const sdk = extra ? await extra().catch(() => '') : '';
    res.set('content-type', registry.contentType).send((await registry.metrics()) + (sdk ? `\n${sdk}` : ''));
  });
  return { middleware, router };
}

/** postgres-js returns rows as the result; PGlite as `.rows`. */
function rows(result: unknown): Record<string, unknown>[] {
  return Array.isArray(result) ? (result as Record<string, unknown>[]) : ((result as { rows?: Record<string, unknown>[] }).rows ?? []);
}
