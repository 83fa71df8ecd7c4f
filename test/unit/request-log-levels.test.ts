// Logs people can read: the Temporal UI's codec calls and CORS preflights (dozens per
// page view) sit at debug, so info shows what people and systems did; `/` leads to the docs.
import express from 'express';
import request from 'supertest';
import { requestLog } from '../../api/request-log';
import { docsRouter } from '../../api/routes/docs';
import { capturedLogger } from '../helpers/captured-logger';

function app() {
  const { lines, logger } = capturedLogger('debug');
  const a = express().use(requestLog(logger));
  a.options('/codec/decode', (_req, res) => void res.status(204).end());
  a.post('/codec/decode', (_req, res) => void res.json({ payloads: [] }));
  a.post('/codec/encode', (_req, res) => void res.status(401).json({}));
  a.get('/v1/cases', (_req, res) => void res.json({ items: [] }));
  return { a, lines };
}

describe('request log levels', () => {
  it('when the Temporal UI calls the codec or sends a preflight, then the line is at debug; API calls and refused codec calls stay at info', async () => {
    const { a, lines } = app();
    await request(a).options('/codec/decode').expect(204);
    await request(a).post('/codec/decode').expect(200);
    await request(a).post('/codec/encode').expect(401);
    await request(a).get('/v1/cases').expect(200);
    const levels = lines.filter((l) => l.msg === 'request').map((l) => [l.method, l.status, l.level]);
    expect(levels).toEqual([
      ['OPTIONS', 204, 20],
      ['POST', 200, 20],
      ['POST', 401, 30],
      ['GET', 200, 30],
    ]);
  });
});

describe('the API root', () => {
  it('when someone opens the API address, then it redirects to the docs page', async () => {
    const res = await request(express().use(docsRouter())).get('/').expect(302);
    expect(res.headers.location).toBe('/docs');
  });
});
