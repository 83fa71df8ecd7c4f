// A request ID for every request - the caller's X-Request-Id when it is a sane token,
// otherwise a new one - echoed back, carried into the workflow's and activities' logs
// with the action, and one access-log line per request (no bodies, no tokens). The
// Temporal UI's traffic - codec calls and CORS preflights, dozens per page view - is
// logged at debug, so info shows what people and systems did; failures stay at info.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { routePattern } from './metrics';

const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

/** The Temporal UI's background requests: a codec call or any CORS preflight that went well. */
const isUiChatter = (method: string, path: string, status: number): boolean =>
  status < 400 && (method === 'OPTIONS' || path === '/codec' || path.startsWith('/codec/'));

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    req.requestId = given && SANE.test(given) ? given : randomUUID();
    res.set('x-request-id', req.requestId);
    req.log = logger.child({ requestId: req.requestId });
    const started = process.hrtime.bigint();
    const path = req.path; // routers rewrite it while they run
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = isUiChatter(req.method, path, res.statusCode) ? 'debug' : 'info';
      req.log![level]({ method: req.method, route: routePattern(req, res), status: res.statusCode, ms: Math.round(ms * 10) / 10, actor: req.actor?.id, role: req.actor?.role }, 'request');
    });
    next();
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    requestId?: string;
  }
}
