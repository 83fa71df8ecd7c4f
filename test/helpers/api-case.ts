// Shortcuts for integration tests that drive cases over HTTP.
import type { Express } from 'express';
import request from 'supertest';
import type { Actor } from '../../domain/case-types';
import { bearer } from './api';

let n = 0;
export async function openViaApi(app: Express, actor: Actor, overrides: Record<string, unknown> = {}): Promise<{ caseId: string; body: Record<string, unknown> }> {
  n += 1;
  const res = await request(app)
    .post('/v1/cases')
    .set('authorization', await bearer(actor))
    .set('idempotency-key', `open-${Date.now()}-${n}`)
    .send({
      customerId: actor.customerId ?? 'acme',
      subject: 'Cannot export reports',
      description: 'Export button spins forever.',
      category: 'DEFECT',
      priority: 'NORMAL',
      channel: 'ONLINE',
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { caseId: res.body.caseId, body: res.body };
}

export async function actViaApi(app: Express, actor: Actor, caseId: string, action: string, body: Record<string, unknown> = {}, key?: string) {
  const req = request(app).post(`/v1/cases/${caseId}/${action}`).set('authorization', await bearer(actor));
  if (key) req.set('idempotency-key', key);
  return req.send(body);
}
