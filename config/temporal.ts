// Every Temporal connection Casekeeper makes (worker, API, `npm start`, operator
// commands) comes from Temporal's standard client configuration (@temporalio/envconfig):
// a profile in the TOML file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE; by default
// ~/.config/temporalio/temporal.toml) with TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
// TEMPORAL_API_KEY, TEMPORAL_TLS_* and TEMPORAL_GRPC_META_* on top. Temporal Cloud needs
// nothing else. Clients get the encrypting data converter.
import { Client, Connection } from '@temporalio/client';
import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { NativeConnectionOptions } from '@temporalio/worker';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import type { KeyRing } from '../codec/keys';

export interface TemporalTarget {
  TEMPORAL_ADDRESS: string;
  TEMPORAL_NAMESPACE: string;
  /** Address, TLS, API key and gRPC metadata, for NativeConnection.connect and Connection.connect alike. */
  temporalConnection: NativeConnectionOptions & { address: string };
}

/**
 * Reads the profile and the variables; `ignoreProfileFile` for the local dev server,
 * which a profile meant for another cluster (TLS, an API key) must not reach.
 */
export function loadTemporalTarget(env: NodeJS.ProcessEnv, ignoreProfileFile = false): TemporalTarget {
  const given = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const { connectionOptions, namespace } = loadClientConnectConfig({ overrideEnvVars: given, disableFile: ignoreProfileFile });
  const address = connectionOptions.address ?? 'localhost:7233';
  return { TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace ?? 'default', temporalConnection: { ...connectionOptions, address } };
}

/** A client connection with the same settings as the worker's native one. */
export function connectionOptionsFor(target: Pick<TemporalTarget, 'temporalConnection'>): Parameters<typeof Connection.connect>[0] {
  const { address, tls, apiKey, metadata } = target.temporalConnection;
  return { address, ...(tls !== undefined ? { tls } : {}), ...(apiKey !== undefined ? { apiKey } : {}), ...(metadata ? { metadata } : {}) };
}

export async function connectClient(config: TemporalTarget & { keyRing: KeyRing }): Promise<Client> {
  const connection = await Connection.connect(connectionOptionsFor(config));
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptingDataConverter(config.keyRing) });
}
