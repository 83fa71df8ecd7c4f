// The codec server lets engineers read encrypted case state in the Temporal UI:
// staff with a token decode what the worker encrypted; nobody else does.
import request from 'supertest';
import { defaultPayloadConverter } from '@temporalio/common';
import { fromPayload } from '../../api/routes/codec';
import { AesGcmCodec } from '../../codec/aes-gcm-codec';
import { apiFor, bearer, TEST_UI_ORIGIN } from '../helpers/api';
import { useHarness } from '../helpers/case-harness';
import { agent } from '../helpers/fixtures';
import { devServerEnv, TEST_KEY_RING } from '../helpers/temporal';

const h = useHarness(devServerEnv);

describe('codec server', () => {
  it('when a supervisor decodes an encrypted payload, then the clear value comes back; an agent or no token is refused', async () => {
    const app = apiFor(h);
    const [enc] = await new AesGcmCodec(TEST_KEY_RING).encode([defaultPayloadConverter.toPayload({ contact: 'li.wei@acme.example' })]);
    const body = { payloads: [fromPayload(enc!)] };
    const res = await request(app).post('/codec/decode').set('authorization', await bearer({ id: 'sue', role: 'supervisor' })).set('origin', TEST_UI_ORIGIN).send(body).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(TEST_UI_ORIGIN);
    const decoded = Buffer.from(res.body.payloads[0].data, 'base64').toString();
    expect(JSON.parse(decoded)).toEqual({ contact: 'li.wei@acme.example' });
    expect((await request(app).post('/codec/decode').set('authorization', await bearer(agent)).send(body)).status).toBe(403);
    expect((await request(app).post('/codec/decode').set('origin', TEST_UI_ORIGIN).send(body)).status).toBe(401);
  });

  it('when the UI sends a CORS preflight from its origin, then it is allowed; another origin gets no CORS grant', async () => {
    const app = apiFor(h);
    const ok = await request(app).options('/codec/decode').set('origin', TEST_UI_ORIGIN).set('access-control-request-method', 'POST').expect(204);
    expect(ok.headers['access-control-allow-headers']).toContain('authorization');
    const other = await request(app).options('/codec/decode').set('origin', 'http://evil.example').set('access-control-request-method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when a payload was encrypted under a key the server does not hold, then it answers 422', async () => {
    const stranger = new AesGcmCodec({ activeId: 'other', keys: new Map([['other', Buffer.alloc(32, 9)]]) });
    const [enc] = await stranger.encode([defaultPayloadConverter.toPayload('x')]);
    const res = await request(apiFor(h)).post('/codec/decode').set('authorization', await bearer({ id: 'ada', role: 'admin' })).send({ payloads: [fromPayload(enc!)] });
    expect(res.status).toBe(422);
  });
});
