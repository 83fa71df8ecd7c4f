// The production Temporal server (temporal-server on PostgreSQL, 4 history shards, SQL
// visibility) for the cluster suite: one per test file, on databases of its own in the
// test PostgreSQL, started and stopped by scripts/lib/temporal-cluster.sh.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { encryptingDataConverter } from '../../codec/aes-gcm-codec';
import { ROOT } from './paths';
import { quietRuntime, TEST_KEY_RING } from './temporal';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts/lib/temporal-cluster.sh');

export interface Cluster {
  /** The frontend's host:port. */
  address: string;
  /** The server's Prometheus metrics (host:port). */
  metricsAddress: string;
  env: TestWorkflowEnvironment;
  stop(): Promise<void>;
}

export async function startCluster(): Promise<Cluster> {
  const runDir = path.join(ROOT, '.data/test', `cluster-${randomBytes(4).toString('hex')}`);
  const stopServer = async (): Promise<void> => {
    await run('bash', [SCRIPT, 'stop', runDir]);
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    // Owned by this test process: a run killed before its afterAll leaves no server behind.
    const { stdout } = await run('bash', [SCRIPT, 'start', runDir], { timeout: 120_000, env: { ...process.env, CLUSTER_OWNER_PID: String(process.pid) } });
    const address = stdout.trim().split('\n').pop()!;
    quietRuntime();
    const env = await TestWorkflowEnvironment.createFromExistingServer({ address, client: { dataConverter: encryptingDataConverter(TEST_KEY_RING) } });
    return {
      address,
      metricsAddress: fs.readFileSync(path.join(runDir, 'metrics-address'), 'utf8').trim(),
      env,
      async stop() {
        await env.teardown();
        await stopServer();
      },
    };
  } catch (err) {
    // Show why it failed to start (the script names the log), then leave nothing behind.
    await stopServer().catch(() => undefined);
    throw new Error(`the Temporal cluster did not start: ${(err as { stderr?: string }).stderr ?? String(err)}`);
  }
}
