// The Temporal server for the run: a dev server started here (the CLI that
// provisioning built, our search attributes registered), or TEMPORAL_ADDRESS if set.
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';
import { ROOT } from './bundles';

export interface TemporalServer {
  address: string;
  namespace: string;
  client: Client;
  connection: NativeConnection;
  /** Which server this is, for the report. */
  description: string;
  stop(): Promise<void>;
}

export async function startTemporal(): Promise<TemporalServer> {
  // Worker warnings only: the SDK's info lines would drown the table.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const external = process.env.TEMPORAL_ADDRESS;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  if (external) {
    const client = new Client({ connection: await Connection.connect({ address: external }), namespace });
    const connection = await NativeConnection.connect({ address: external });
    return {
      address: external,
      namespace,
      client,
      connection,
      description: `external server ${external}`,
      async stop() {
        await client.connection.close();
        await connection.close();
      },
    };
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: path.join(ROOT, '.tools/bin/temporal') },
      searchAttributes: CASE_SEARCH_ATTRIBUTES,
      ip: '127.0.0.1',
    },
  });
  return {
    address: env.address,
    namespace: env.namespace ?? 'default',
    client: env.client,
    connection: env.nativeConnection,
    description: 'temporal dev server (in-memory SQLite), started by the bench',
    stop: () => env.teardown(),
  };
}
