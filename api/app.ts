// The Express application: JSON in, JSON or problem documents out, under /v1.
import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authenticate, rulesFromPolicy } from './auth';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../config/env';
import { createMetrics, rememberBase } from './metrics';
import { requestLog } from './request-log';
import { createLogger } from '../config/logger';
import type { Logger } from 'pino';
import { notFoundRoute, problemHandler, Problem } from './problem';
import { rateLimit } from './rate-limit';
import { postgresBuckets } from './rate-limit-postgres';
import { casesRouter } from './routes/cases';
import { docsRouter } from './routes/docs';
import { codecRouter, type CodecOptions } from './routes/codec';
import { referenceRouter } from './routes/reference';
import { noticesRouter } from './routes/notices';
import { calendarImportsRouter, takesCalendarText } from './routes/calendar-imports';
import { horizonWarnings, startHorizonWarnings } from './services/calendar-horizon-watch';
import { organisationsRouter } from './routes/organisations';
import { reportsRouter } from './routes/reports';
import { authorityRouter } from './routes/authority';
import { COMPENSATION_ACTION_PATHS, withCompensationAuthority } from './routes/authority-on-compensation';
import { rolloutsRouter } from './routes/rollouts';
import { CaseService } from './services/case-service';
import { admitUrlAndHeaders } from './edge/admit-request';
import { jsonBody } from './edge/json-body';
import { openApiDocument } from './openapi/document';

export interface AppDeps {
  client: Client;
  db: Db;
  authSecret: string;
  /** The other token rules (AUTH_* from loadConfig); defaults when left out. */
  authPolicy?: AuthPolicy;
  /** IDEMPOTENCY_KEY_TTL_HOURS from loadConfig; the default when left out. */
  idempotencyTtlHours?: number;
  taskQueue?: string;
  rateLimitPerMinute?: number;
  /** The process's JSON logger; tests leave it out (silent). */
  logger?: Logger;
  /** Prometheus text of the Temporal SDK's worker metrics, when the worker runs in this process. */
  workerMetrics?: () => Promise<string>;
  /** The payload codec, served to the Temporal UI at /codec (codec server). */
  codec: Omit<CodecOptions, 'auth'>;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger ?? createLogger('silent')));
  // A calendar about to run out of holiday data is logged now and daily (tests pass no logger).
  if (deps.logger) startHorizonWarnings(deps.db, deps.logger);
  const metrics = createMetrics(deps.db, deps.workerMetrics, deps.client);
  app.use(metrics.middleware);
  // Before every route: headers, query and path held to the edge's one text rule.
  app.use(admitUrlAndHeaders(Object.keys(openApiDocument().paths ?? {})));
  app.use(metrics.router);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when both servers we depend on answer. Calendars near their horizon are named
  // as a warning only: cases still open, their far deadlines marked provisional.
  app.get('/readyz', async (_req, res) => {
    const [temporal, database, calendarHorizons] = await Promise.all([
      deps.client.workflowService.getSystemInfo({}).then(() => true, () => false),
      deps.db.execute(sql`select 1`).then(() => true, () => false),
      horizonWarnings(deps.db, new Date()).catch(() => []),
    ]);
    const warnings = calendarHorizons.length > 0 ? { calendarHorizons } : {};
    res.status(temporal && database ? 200 : 503).json({ status: temporal && database ? 'ready' : 'unavailable', temporal, database, ...warnings });
  });
  app.use(docsRouter()); // /openapi.json and /docs: public, like the probes
  const auth = rulesFromPolicy(deps.authSecret, deps.authPolicy ?? DEFAULT_AUTH_POLICY);
  app.use(codecRouter({ ...deps.codec, auth }));

  app.use(
    '/v1',
    (req, _res, next) => {
      // Bodies are JSON or nothing (an .ics to a calendar import aside): anything else is a 415, not a guess.
      const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
      if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json') && !takesCalendarText(req)) {
        return next(new Problem({ status: 415, title: 'Unsupported Media Type', detail: 'send application/json' }));
      }
      next();
    },
    ...jsonBody('64kb'),
    authenticate(auth, (deps.authPolicy ?? DEFAULT_AUTH_POLICY).AUTH_COMP_LIMIT_CLAIM),
    // Buckets in the database: the limit holds however requests spread over API replicas.
    rateLimit(deps.rateLimitPerMinute ?? 600, postgresBuckets(deps.db)),
  );
  // Before the case routes: grants and decisions carry the actor's limits from the matrix.
  app.use(COMPENSATION_ACTION_PATHS, withCompensationAuthority(deps.db));
  app.use('/v1/cases', rememberBase, casesRouter(new CaseService(deps.client, deps.db, deps.taskQueue, deps.idempotencyTtlHours), deps.db));
  app.use('/v1/admin/calendars', rememberBase, calendarImportsRouter(deps.db));
  app.use('/v1/admin/notices', rememberBase, noticesRouter(deps.db, deps.client, deps.taskQueue));
  app.use('/v1/reports', rememberBase, reportsRouter(deps.db));
  app.use('/v1/admin/authority', rememberBase, authorityRouter(deps.db));
  app.use('/v1', rememberBase, rolloutsRouter(deps.db, deps.client, deps.taskQueue));
  app.use('/v1', rememberBase, referenceRouter(deps.db));
  app.use('/v1', rememberBase, organisationsRouter(deps.db, deps.client, deps.taskQueue));
  app.use(notFoundRoute);
  app.use(problemHandler);
  return app;
}
