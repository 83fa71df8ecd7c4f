// readModelLagP99Ms: from an accepted action's answer until the case list shows it.
// Each sample assigns a case to a fresh assignee and polls GET /v1/cases?assignee=…
// every 2 ms: the list is PostgreSQL's read model, written by the persistCase activity.
import { randomUUID } from 'node:crypto';
import { act, openViaApi } from '../cases';
import type { BenchOptions } from '../options';
import type { Metric } from '../report';
import type { Stack } from '../stack';
import { nowMs, percentile, sleep } from '../stats';

const CASES = 4;
const POLL_MS = 2;

export async function lagPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) caseIds.push(await openViaApi(stack));
  await stack.settle();
  const run = randomUUID().slice(0, 8);
  const lags: number[] = [];
  for (let i = 0; i < opts.lagSamples; i++) {
    const assignee = `lag-${run}-${i}`;
    // Supervisors may assign to anyone; agents only to themselves.
    await act(stack, caseIds[i % CASES]!, 'assign', { assignee }, stack.tokens.supervisor);
    const accepted = nowMs();
    for (;;) {
      const list = (await stack.api.expect(200, 'GET', `/v1/cases?assignee=${assignee}`, stack.tokens.supervisor)) as { items: unknown[] };
      if (list.items.length > 0) break;
      await sleep(POLL_MS);
    }
    lags.push(nowMs() - accepted);
  }
  await stack.settle();
  return [
    {
      key: 'readModelLagP99Ms',
      label: 'accepted action → visible in GET /v1/cases, p99',
      ours: percentile(lags, 99),
      value: percentile(lags, 99),
      unit: 'ms',
      target: { op: '<=', value: 500 },
      oursKey: 'readModelLagP99Ms',
      note: `${lags.length} assignments, polled every ${POLL_MS} ms; p50 ${percentile(lags, 50).toFixed(1)} ms`,
    },
  ];
}
