// A request ID for every request - the caller's X-Request-Id when it is a sane token,
// otherwise a new one - echoed back, carried into the workflow's and activities' logs
// with the action, and one access-log line per request (no bodies, no tokens).
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { routePattern } from './metrics';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.requestId = given && SANE.test(given) ? given : randomUUID();
    res.set('x-request-id', req.requestId);
    req.log = logger.child({ requestId: req.requestId });
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      req.log!.info({ method: req.method, route: routePattern(req, res), status: res.statusCode, ms: Math.round(ms * 10) / 10, actor: req.actor?.id, role: req.actor?.role }, 'request');
    });
    next();
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
  }
}
