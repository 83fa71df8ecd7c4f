// Webhook signatures as receivers check them: the standardwebhooks library verifies what
// Casekeeper signs, a plain WEBHOOK_SECRET maps to a documented whsec_ secret, a replay
// outside the five-minute window is refused, and the retry schedule is capped.
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { retryDelayMs } from '../../activities/notice-claims';
import { signWebhook, standardSecret, verifyWebhook } from '../../activities/webhook-signing';
import { loadConfig } from '../../config/env';

const WHSEC = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const BODY = JSON.stringify({ id: 'c1-1', type: 'case.opened', data: {} });

describe('webhook signatures (Standard Webhooks)', () => {
  it('when a notice is signed, then the standardwebhooks library verifies it, and a changed body or ID fails', () => {
    const headers = signWebhook(WHSEC, 'c1-1', new Date(), BODY);
    expect(headers['webhook-id']).toBe('c1-1');
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(WHSEC).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(() => new Webhook(WHSEC).verify(BODY.replace('c1-1', 'c1-2'), headers)).toThrow();
    expect(() => new Webhook(WHSEC).verify(BODY, { ...headers, 'webhook-id': 'c1-2' })).toThrow();
  });

  it('when the secret is a plain string, then the HMAC is keyed by its UTF-8 bytes, which whsec_ + base64 of them verifies', () => {
    const plain = 'an-old-plain-secret-0123456789';
    const at = new Date();
    const headers = signWebhook(plain, 'c1-1', at, BODY);
    const expected = createHmac('sha256', Buffer.from(plain, 'utf8')).update(`c1-1.${Math.floor(at.getTime() / 1000)}.${BODY}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(standardSecret(plain)).toBe(`whsec_${Buffer.from(plain).toString('base64')}`);
    expect(() => new Webhook(standardSecret(plain)).verify(BODY, headers)).not.toThrow();
  });

  it('when a signed delivery is replayed more than five minutes later, then verification refuses it', () => {
    expect(verifyWebhook(WHSEC, BODY, signWebhook(WHSEC, 'c1-1', new Date(Date.now() - 4 * 60_000), BODY))).toBe(true);
    expect(verifyWebhook(WHSEC, BODY, signWebhook(WHSEC, 'c1-1', new Date(Date.now() - 6 * 60_000), BODY))).toBe(false);
    expect(verifyWebhook('whsec_' + Buffer.alloc(32, 1).toString('base64'), BODY, signWebhook(WHSEC, 'c1-1', new Date(), BODY))).toBe(false);
  });

  it('when WEBHOOK_SECRET starts with whsec_ but is not base64 of 24+ bytes, then the process refuses to start naming it', () => {
    const env = { AUTH_JWT_SECRET: 'x'.repeat(32), CASEKEEPER_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`, WEBHOOK_URL: 'http://127.0.0.1:9/h' };
    expect(() => loadConfig({ ...env, WEBHOOK_SECRET: 'whsec_not*base64*at*all*!' })).toThrow(/WEBHOOK_SECRET/);
    expect(() => loadConfig({ ...env, WEBHOOK_SECRET: `whsec_${Buffer.alloc(16).toString('base64')}` })).toThrow(/WEBHOOK_SECRET/);
    expect(loadConfig({ ...env, WEBHOOK_SECRET: WHSEC }).WEBHOOK_SECRET).toBe(WHSEC);
    expect(loadConfig({ ...env, WEBHOOK_SECRET: 'a-plain-secret-of-16+' }).WEBHOOK_SECRET).toBe('a-plain-secret-of-16+');
  });
});

describe('the retry schedule of failed notices', () => {
  it('waits 1 minute after the first failure, doubles, and never waits more than an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 25, 1000].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});
