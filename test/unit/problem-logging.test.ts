// When a request fails inside the API, the log line says which error it was (class,
// SQLSTATE, constraint, table, request ID) and nothing the query carried: drizzle's
// error message lists the query's parameters, which hold what customers wrote.
import { DrizzleQueryError } from 'drizzle-orm';
import express from 'express';
import request from 'supertest';
import { problemHandler } from '../../api/problem';
import { requestLog } from '../../api/request-log';
import { capturedLogger } from '../helpers/captured-logger';

const MARKER = 'Zhang-Min-13800138000';

const capture = () => capturedLogger();

/** What postgres.js throws for a refused statement: SQLSTATE and names on the error, values in message and detail. */
class PostgresError extends Error {
  code = '22P05';
  constraint_name = 'cases_pkey';
  table_name = 'cases';
  detail = `Failing row contains (${MARKER}).`;
  parameters = [MARKER];
  query = 'insert into "cases" values ($1)';
}

function failingApp(error: unknown) {
  const { lines, logger } = capture();
  const app = express()
    .use(requestLog(logger))
    .get('/fail', () => {
      throw error;
    })
    .use(problemHandler);
  return { app, lines };
}

describe('logging a failed request', () => {
  it('when the database refuses a query whose parameters hold personal data, then the log names class, SQLSTATE, constraint and table, and never the parameters', async () => {
    const cause = new PostgresError(`unsupported Unicode escape sequence near ${MARKER}`);
    const { app, lines } = failingApp(new DrizzleQueryError('insert into "cases" values ($1)', [MARKER, { subject: MARKER }], cause));
    const res = await request(app).get('/fail').set('x-request-id', 'req-77').expect(500);
    expect(res.text).not.toContain(MARKER);
    const failed = lines.find((l) => l.msg === 'request failed');
    expect(failed).toMatchObject({
      requestId: 'req-77',
      error: { class: 'DrizzleQueryError < PostgresError', code: '22P05', constraint: 'cases_pkey', table: 'cases' },
    });
    expect(JSON.stringify(lines)).not.toContain(MARKER);
    expect(JSON.stringify(failed)).not.toMatch(/insert into|params|stack/);
  });

  it('when code fails without a database error, then the log keeps the stack frames to find it by, but not the message', async () => {
    const { app, lines } = failingApp(new TypeError(`cannot read ${MARKER}`));
    await request(app).get('/fail').expect(500);
    const failed = lines.find((l) => l.msg === 'request failed') as { error: { class: string; frames: string[] } };
    expect(failed.error.class).toBe('TypeError');
    expect(failed.error.frames.length).toBeGreaterThan(0);
    expect(failed.error.frames.every((f) => f.startsWith('at '))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(MARKER);
  });
});
