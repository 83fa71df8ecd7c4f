// The Temporal SDK runtime of a worker process: its own metrics (task latencies, slots,
// cache size, polls) exposed in Prometheus format on a loopback address.
import { Runtime } from '@temporalio/worker';

export function installWorkerRuntime(metricsAddress: string): () => Promise<string> {
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } });
  const url = `http://${metricsAddress}/metrics`;
  return async () => (await fetch(url, { signal: AbortSignal.timeout(2_000) })).text();
}
