// The Express application: JSON in, JSON or problem documents out, under /v1.
import express, { type Express } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../db/client';
import { authenticate } from './auth';
import { notFoundRoute, problemHandler, Problem } from './problem';
import { casesRouter } from './routes/cases';
import { CaseService } from './services/case-service';

export interface AppDeps {
  client: Client;
  db: Db;
  authSecret: string;
  taskQueue?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/v1',
    (req, _res, next) => {
      // Bodies are JSON or nothing: anything else is a 415, not a guess.
      if (['POST', 'PUT', 'PATCH'].includes(req.method) && req.headers['content-length'] !== '0' && req.headers['content-type'] !== undefined && !req.is('application/json')) {
        return next(new Problem({ status: 415, title: 'Unsupported Media Type', detail: 'send application/json' }));
      }
      next();
    },
    express.json({ limit: '64kb', strict: true }),
    authenticate(deps.authSecret),
  );
  app.use('/v1/cases', casesRouter(new CaseService(deps.client, deps.db, deps.taskQueue)));
  app.use(notFoundRoute);
  app.use(problemHandler);
  return app;
}
