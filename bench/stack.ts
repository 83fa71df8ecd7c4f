// Everything under test, in this process: the case worker and the API (real Express,
// listening on a random loopback port), plus the baseline worker on its own task
// queue of the same Temporal server.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Server } from 'node:http';
import { Worker } from '@temporalio/worker';
import { createApp } from '../api/app';
import { AesGcmCodec } from '../codec/aes-gcm-codec';
import { mintToken } from '../api/auth';
import type { Actor } from '../domain/case-types';
import { createCaseWorker } from '../worker/create-worker';
import type { BaselineActivities } from './baseline-workflows';
import { BASELINE_BUNDLE, CASE_BUNDLE, loadBundle } from './bundles';
import type { BenchDatabase } from './database';
import { ApiClient } from './http';
import { benchKeyRing, caseClientOf } from './keys';
import { QueryCounter } from './query-counter';
import { loadOf, settle } from './settle';
import type { TemporalServer } from './temporal';

export const backOffice: Actor = { id: 'crm', role: 'system' };
export const agent: Actor = { id: 'agent-ann', role: 'agent' };

export interface Stack {
  temporal: TemporalServer;
  /** The client the API uses: case payloads encrypted. Baselines use temporal.client. */
  caseClient: Client;
  db: BenchDatabase;
  caseQueue: string;
  baselineQueue: string;
  api: ApiClient;
  tokens: { system: string; agent: string; supervisor: string; admin: string; customer: string };
  /** Queries the API sent, by workflow ID (billed by Temporal Cloud, absent from histories). */
  apiQueries: QueryCounter;
  /** When each baseline sleeper's activity ran (Date.now()), by its ID. */
  wakes: Map<string, number>;
  /** Waits until both workers are idle: leftovers of one phase must not bill the next. */
  settle(): Promise<number>;
  stop(): Promise<void>;
}

export async function startStack(temporal: TemporalServer, db: BenchDatabase): Promise<Stack> {
  const secret = randomBytes(32).toString('hex');
  const caseQueue = `bench-cases-${randomUUID()}`;
  const baselineQueue = `bench-baseline-${randomUUID()}`;
  const wakes = new Map<string, number>();
  const activities: BaselineActivities = {
    async woke(id) {
      wakes.set(id, Date.now());
    },
  };
  const caseWorker = await createCaseWorker({ connection: temporal.connection, namespace: temporal.namespace, db: db.db, taskQueue: caseQueue, workflowBundle: loadBundle(CASE_BUNDLE), keyRing: benchKeyRing() });
  const baselineWorker = await Worker.create({ connection: temporal.connection, namespace: temporal.namespace, taskQueue: baselineQueue, workflowBundle: loadBundle(BASELINE_BUNDLE), activities });
  const running = [caseWorker.run(), baselineWorker.run()];

  // The limiter guards production from one noisy client; here that client is the bench.
  const apiQueries = new QueryCounter();
  const caseClient = caseClientOf(temporal.client, [apiQueries.interceptor]);
  const app = createApp({
    client: caseClient,
    db: db.db,
    authSecret: secret,
    taskQueue: caseQueue,
    rateLimitPerMinute: 1e9,
    codec: { codec: new AesGcmCodec(benchKeyRing()), uiOrigins: [], trustLocalUi: false },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  const port = (server.address() as { port: number }).port;
  const api = new ApiClient(port);
  const tokens = {
    system: await mintToken(secret, { sub: backOffice.id, role: 'system' }),
    agent: await mintToken(secret, { sub: agent.id, role: 'agent' }),
    supervisor: await mintToken(secret, { sub: 'sup-sue', role: 'supervisor' }),
    admin: await mintToken(secret, { sub: 'admin-ada', role: 'admin' }),
    customer: await mintToken(secret, { sub: 'li', role: 'customer', customerId: 'acme' }),
  };
  return {
    temporal,
    caseClient,
    db,
    caseQueue,
    baselineQueue,
    api,
    tokens,
    apiQueries,
    wakes,
    settle: () => settle([() => loadOf(caseWorker), () => loadOf(baselineWorker)]),
    async stop() {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      caseWorker.shutdown();
      baselineWorker.shutdown();
      await Promise.all(running);
    },
  };
}
