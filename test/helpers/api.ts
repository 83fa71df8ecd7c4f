// The real Express app in process, over the harness's Temporal client and database.
import type { Express } from 'express';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth';
import type { Actor } from '../../domain/case-types';
import type { Harness } from './case-harness';

export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-hs256';

export function apiFor(h: Harness): Express {
  return createApp({ client: h.env.client, db: h.db.db, authSecret: TEST_AUTH_SECRET, taskQueue: h.taskQueue });
}

export async function bearer(actor: Actor): Promise<string> {
  const token = await mintToken(TEST_AUTH_SECRET, {
    sub: actor.id,
    role: actor.role,
    ...(actor.customerId ? { customerId: actor.customerId } : {}),
    ...(actor.compensationLimit !== undefined ? { compLimit: actor.compensationLimit } : {}),
  });
  return `Bearer ${token}`;
}
