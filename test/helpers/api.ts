// The real Express app in process, over the harness's Temporal client and database.
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../api/app';
import { mintToken } from '../../api/auth';
import type { Actor } from '../../domain/case-types';
import type { Harness } from './case-harness';
import { AesGcmCodec } from '../../codec/aes-gcm-codec';
import { TEST_KEY_RING } from './temporal';

export const TEST_UI_ORIGIN = 'http://127.0.0.1:8233';
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-hs256';

/** What the app is built from in tests: the harness's client and database, test secrets. */
export function appDeps(h: Harness): AppDeps {
  return {
    client: h.env.client,
    db: h.db.db,
    authSecret: TEST_AUTH_SECRET,
    taskQueue: h.taskQueue,
    codec: { codec: new AesGcmCodec(TEST_KEY_RING), uiOrigins: [TEST_UI_ORIGIN], trustLocalUi: false },
  };
}

export function apiFor(h: Harness): Express {
  return createApp(appDeps(h));
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
