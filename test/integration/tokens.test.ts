// Which bearer tokens the API accepts, through the real middleware in a real Express app:
// tokens must expire, within a bounded lifetime, not be dated in the future, name the
// configured issuer and audience, and may come from an identity provider's key set (JWKS).
import express, { type Express } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import request from 'supertest';
import { authenticate } from '../../api/auth';
import { problemHandler } from '../../api/problem';
import type { TokenRules } from '../../api/token-rules';

const SECRET = 'token-test-secret-that-is-long-enough';
const HOUR = 3600;
const now = (): number => Math.floor(Date.now() / 1000);

function appWith(rules: Partial<TokenRules> = {}): Express {
  const app = express();
  app.use(authenticate({ secret: SECRET, maxLifetimeSeconds: 24 * HOUR, ...rules }));
  app.get('/who', (req, res) => void res.json(req.actor));
  app.use(problemHandler);
  return app;
}

/** An HS256 token with exactly the claims given (no defaults, so a test can leave exp out). */
const hs256 = (claims: JWTPayload): Promise<string> =>
  new SignJWT({ sub: 'ann', role: 'agent', ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));

async function expectRefused(app: Express, token: string, reason: RegExp): Promise<void> {
  const res = await request(app).get('/who').set('authorization', `Bearer ${token}`);
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body.detail).toMatch(reason);
  expect(JSON.stringify(res.body)).not.toContain(token.split('.')[1]);
}

describe('bearer tokens', () => {
  it('when a token lives 12 hours, then it is accepted and its claims become the actor', async () => {
    const res = await request(appWith()).get('/who').set('authorization', `Bearer ${await hs256({ iat: now(), exp: now() + 12 * HOUR })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 'ann', role: 'agent' });
  });

  it('when a token has no exp, then it is refused', async () => {
    await expectRefused(appWith(), await hs256({ iat: now() }), /lacks the exp claim/);
  });

  it('when a token lives longer than the configured maximum, then it is refused, with or without iat', async () => {
    await expectRefused(appWith(), await hs256({ iat: now(), exp: now() + 25 * HOUR }), /lives longer/);
    await expectRefused(appWith(), await hs256({ exp: now() + 25 * HOUR }), /lives longer/);
    await expectRefused(appWith({ maxLifetimeSeconds: HOUR }), await hs256({ iat: now(), exp: now() + 2 * HOUR }), /lives longer/);
  });

  it('when a token is issued a year ahead, then it is refused', async () => {
    const yearAhead = now() + 365 * 24 * HOUR;
    await expectRefused(appWith(), await hs256({ iat: yearAhead, exp: yearAhead + HOUR }), /issued in the future/);
  });

  it('when a token is not valid before a time still five minutes away, then it is refused; within the clock skew it is accepted', async () => {
    await expectRefused(appWith(), await hs256({ iat: now(), nbf: now() + 300, exp: now() + HOUR }), /not valid yet/);
    const slightlyAhead = await hs256({ iat: now() + 30, nbf: now() + 30, exp: now() + HOUR });
    await request(appWith()).get('/who').set('authorization', `Bearer ${slightlyAhead}`).expect(200);
  });

  it('when an issuer and audience are configured, then a token naming another is refused and one naming them is accepted', async () => {
    const app = appWith({ issuer: 'https://id.example', audience: 'casekeeper' });
    const base = { iat: now(), exp: now() + HOUR };
    await expectRefused(app, await hs256({ ...base, iss: 'https://evil.example', aud: 'casekeeper' }), /issuer/);
    await expectRefused(app, await hs256({ ...base, iss: 'https://id.example', aud: 'another-api' }), /audience/);
    await expectRefused(app, await hs256({ ...base, aud: 'casekeeper' }), /lacks the iss claim/);
    const good = await hs256({ ...base, iss: 'https://id.example', aud: ['other', 'casekeeper'] });
    await request(app).get('/who').set('authorization', `Bearer ${good}`).expect(200);
  });

  describe('from an identity provider', () => {
    let server: http.Server;
    let jwksUrl: string;
    const keys: Record<string, KeyLike> = {};

    beforeAll(async () => {
      const rsa = await generateKeyPair('RS256');
      const ec = await generateKeyPair('ES256');
      keys.rsa = rsa.privateKey;
      keys.ec = ec.privateKey;
      keys.stranger = (await generateKeyPair('RS256')).privateKey;
      const published = {
        keys: [
          { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
          { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
        ],
      };
      server = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(published)));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const signed = (alg: 'RS256' | 'ES256', kid: string, key: keyof typeof keys): Promise<string> =>
      new SignJWT({ role: 'supervisor' }).setProtectedHeader({ alg, kid }).setSubject('idp-user').setIssuedAt().setExpirationTime('1h').sign(keys[key]!);

    it('when a token is signed by a published RS256 or ES256 key, then it is accepted', async () => {
      const app = appWith({ jwksUrl });
      for (const token of [await signed('RS256', 'rsa-1', 'rsa'), await signed('ES256', 'ec-1', 'ec')]) {
        const res = await request(app).get('/who').set('authorization', `Bearer ${token}`);
        expect([res.status, res.body]).toEqual([200, { id: 'idp-user', role: 'supervisor' }]);
      }
    });

    it('when a token is signed by a key the provider does not publish, then it is refused', async () => {
      const app = appWith({ jwksUrl });
      await expectRefused(app, await signed('RS256', 'rsa-1', 'stranger'), /signature/);
      await expectRefused(app, await signed('RS256', 'rsa-unknown', 'stranger'), /does not publish/);
    });

    it('when the key set cannot be fetched, then the answer is 503, not a refusal of the caller', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const res = await request(appWith({ jwksUrl: deadUrl })).get('/who').set('authorization', `Bearer ${await signed('RS256', 'rsa-1', 'rsa')}`);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('when no key set is configured, then an RS256 token is refused even if well signed', async () => {
      await expectRefused(appWith(), await signed('RS256', 'rsa-1', 'rsa'), /algorithm/);
    });
  });
});
