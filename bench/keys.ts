// A throw-away encryption key for the run: case payloads are encrypted as in
// production (the codec is part of what we add on top); baselines use none.
import { randomBytes } from 'node:crypto';
import { Client, type WorkflowClientInterceptor } from '@temporalio/client';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import { parseKeyRing, type KeyRing } from '../codec/keys';

/** The key ring's spec, passed to the memory probes so they decrypt what we encrypt. */
export const BENCH_KEY_SPEC = process.env.BENCH_KEY_RING ?? `bench:${randomBytes(32).toString('base64')}`;
export const benchKeyRing = (): KeyRing => parseKeyRing(BENCH_KEY_SPEC);

/** A client for case workflows: the same Temporal connection, the encrypting converter. */
export const caseClientOf = (plain: Client, interceptors: WorkflowClientInterceptor[] = []): Client =>
  new Client({ connection: plain.connection, namespace: plain.options.namespace, dataConverter: encryptingDataConverter(benchKeyRing()), interceptors: { workflow: interceptors } });
