// The Temporal SDK runtime of a worker process: its own metrics (task latencies, slots,
// cache size, polls) exposed in Prometheus format on a loopback address, and its logs
// in the process's JSON logger.
import { Runtime } from '@temporalio/worker';
import type { Logger } from 'pino';
import { sdkLogger } from './sdk-logging';

export function installWorkerRuntime(metricsAddress: string, logger: Logger): () => Promise<string> {
  Runtime.install({
    logger: sdkLogger(logger),
    telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } },
  });
  const url = `http://${metricsAddress}/metrics`;
  return async () => (await fetch(url, { signal: AbortSignal.timeout(2_000) })).text();
}
