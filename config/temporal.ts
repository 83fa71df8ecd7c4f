// One Temporal connection per process, from Temporal's standard client variables,
// with the encrypting data converter.
import { Client, Connection } from '@temporalio/client';
import { encryptingDataConverter } from '../codec/aes-gcm-codec';
import type { Config } from './env';

export async function connectClient(config: Pick<Config, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'keyRing'>): Promise<Client> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: encryptingDataConverter(config.keyRing) });
}
