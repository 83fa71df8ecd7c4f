// RFC 9457 problem details: every error the API answers is one of these documents.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { isOutage } from './outage';
import { loggableError } from './edge/loggable-error';

export interface ProblemFields {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export class Problem extends Error {
  constructor(readonly fields: ProblemFields, readonly headers: Record<string, string> = {}) {
    super(fields.detail ?? fields.title);
  }
}

export const badRequest = (detail: string, errors?: ProblemFields['errors']): Problem =>
  new Problem({ status: 400, title: 'Bad Request', detail, ...(errors ? { errors } : {}) });
export const notFound = (detail: string): Problem => new Problem({ status: 404, title: 'Not Found', detail });
export const conflict = (detail: string): Problem => new Problem({ status: 409, title: 'Conflict', detail });
export const unprocessable = (detail: string): Problem => new Problem({ status: 422, title: 'Unprocessable Content', detail });
export const forbidden = (detail: string): Problem => new Problem({ status: 403, title: 'Forbidden', detail });
export const unavailable = (detail: string): Problem =>
  new Problem({ status: 503, title: 'Service Unavailable', detail }, { 'retry-after': '5' });

export function fromZod(err: ZodError, where: string): Problem {
  return badRequest(
    `the ${where} is not valid`,
    err.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
  );
}

export const notFoundRoute: RequestHandler = (req, _res, next) =>
  next(notFound(`no route ${req.method} ${req.path}`));

/**
 * The one place errors become HTTP answers. Never a stack trace, never a 5xx for client
 * input. The log line names the error by class, SQLSTATE and constraint (see
 * loggableError): messages can hold a query's parameters, which hold personal data.
 */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = toProblem(err);
  if (problem.fields.status >= 500) req.log?.error({ error: loggableError(err) }, 'request failed');
  // Part of an answer already went out (a stream that failed): all that is left is to cut it.
  if (res.headersSent) return void req.socket.destroy();
  res
    .status(problem.fields.status)
    .set({ 'content-type': 'application/problem+json', ...problem.headers })
    .send(JSON.stringify({ type: 'about:blank', ...problem.fields, instance: req.originalUrl }));
};

function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  if (isOutage(err)) return unavailable('a server Casekeeper depends on is not answering; retry with the same Idempotency-Key and the action applies at most once');
  if (err instanceof ZodError) return fromZod(err, 'request');
  const e = err as { type?: string; status?: number; expose?: boolean; message?: string };
  // body-parser's errors carry a status and a type.
  if (e?.type === 'entity.too.large') return new Problem({ status: 413, title: 'Content Too Large', detail: 'the request body is too large' });
  if (e?.type === 'entity.parse.failed') return badRequest('the request body is not valid JSON');
  if (e?.type === 'body.invalid-utf8') return badRequest('the request body is not valid UTF-8');
  if (e?.type === 'charset.unsupported' || e?.type === 'encoding.unsupported') return new Problem({ status: 415, title: 'Unsupported Media Type', detail: e.message ?? '' });
  // The router could not percent-decode a path parameter (e.g. /v1/cases/%zz): the client's URL is malformed.
  if (err instanceof URIError && e.status === 400) return badRequest('the URL path is not valid percent-encoding');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) {
    return new Problem({ status: e.status, title: 'Bad Request', detail: e.message ?? '' });
  }
  return new Problem({ status: 500, title: 'Internal Server Error', detail: 'an unexpected error occurred' });
}

declare module 'express-serve-static-core' {
  interface Request {
    log?: Logger;
  }
}
