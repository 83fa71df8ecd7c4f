// Logs are JSON, carry a request ID, and never hold personal data (C2.1(g), C4.3).
import express from 'express';
import request from 'supertest';
import { requestLog } from '../../api/request-log';
import { capturedLogger } from '../helpers/captured-logger';

const capture = () => capturedLogger();

describe('logging', () => {
  it('when a log entry holds names, contacts or message text, then they are redacted wherever they sit', () => {
    const { lines, logger } = capture();
    logger.info({ caseId: 'c1', contact: { name: 'Li Wei', email: 'li@acme.example' }, command: { message: 'my card is 4111…', type: 'reply' }, email: 'x@y.z' }, 'action');
    const text = JSON.stringify(lines[0]);
    for (const secret of ['Li Wei', 'li@acme.example', '4111', 'x@y.z']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ caseId: 'c1', command: { type: 'reply' }, msg: 'action' });
  });

  it('when a request comes with an X-Request-Id, then it is echoed and logged with the request; otherwise one is made', async () => {
    const { lines, logger } = capture();
    const app = express().use(requestLog(logger)).get('/x/:id', (_req, res) => void res.json({ ok: true }));
    const res = await request(app).get('/x/1').set('x-request-id', 'crm-req-42').set('authorization', 'Bearer secret-token').expect(200);
    expect(res.headers['x-request-id']).toBe('crm-req-42');
    expect(lines.at(-1)).toMatchObject({ requestId: 'crm-req-42', method: 'GET', route: '/x/:id', status: 200, msg: 'request' });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
    const made = await request(app).get('/x/2').set('x-request-id', 'bad id with spaces').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
