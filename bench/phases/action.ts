// actionP50Ratio / actionP99Ratio: one action's round trip through the API
// (HTTP → auth → validation → idempotency record → Update → answer with the view) ÷ a
// bare no-op Update's round trip on a trivial workflow. One request at a time, so the
// figures are latency, not queueing; blocks of ours and baseline alternate.
import { randomUUID } from 'node:crypto';
import { act, openViaApi } from '../cases';
import { finishSignal, noopUpdate } from '../baseline-workflows';
import type { BenchOptions } from '../options';
import { ratioMetric, type Metric } from '../report';
import type { Stack } from '../stack';
import { nowMs, percentile } from '../stats';

const BLOCK = 50;
const WARM_UP = 30;

export async function actionPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  // Enough cases that none sees more than ~50 replies: drift has its own phase.
  const caseCount = Math.max(4, Math.ceil(opts.actionSamples / 50));
  const caseIds: string[] = [];
  for (let i = 0; i < caseCount; i++) {
    const id = await openViaApi(stack);
    await act(stack, id, 'acknowledge', {});
    caseIds.push(id);
  }
  const handles = await Promise.all(
    Array.from({ length: caseCount }, () =>
      stack.temporal.client.workflow.start('updatableWorkflow', { taskQueue: stack.baselineQueue, workflowId: `updatable-${randomUUID()}` }),
    ),
  );
  await stack.settle();

  const ours: number[] = [];
  const baseline: number[] = [];
  const oursOnce = async (i: number): Promise<number> => {
    const t = nowMs();
    await act(stack, caseIds[i % caseCount]!, 'reply', { message: `Update ${i}: still on it.` });
    return nowMs() - t;
  };
  const baselineOnce = async (i: number): Promise<number> => {
    const t = nowMs();
    await handles[i % caseCount]!.executeUpdate(noopUpdate, { args: [i] });
    return nowMs() - t;
  };
  for (let i = 0; i < WARM_UP; i++) {
    await oursOnce(i);
    await baselineOnce(i);
  }
  for (let done = 0; done < opts.actionSamples; done += BLOCK) {
    const n = Math.min(BLOCK, opts.actionSamples - done);
    for (let i = 0; i < n; i++) baseline.push(await baselineOnce(done + i));
    for (let i = 0; i < n; i++) ours.push(await oursOnce(done + i));
  }
  await Promise.all(handles.map((h) => h.signal(finishSignal)));
  await stack.settle();

  const common = { unit: 'ms', note: `${ours.length} sequential actions ('reply') over ${caseCount} cases vs no-op Updates over ${caseCount} workflows` };
  return [
    ratioMetric({ key: 'actionP50Ratio', label: 'action round trip p50 ÷ no-op Update p50', ours: percentile(ours, 50), baseline: percentile(baseline, 50), target: { op: '<=', value: 1.5 }, oursKey: 'actionP50Ms', baselineKey: 'actionBaselineP50Ms', ...common }),
    ratioMetric({ key: 'actionP99Ratio', label: 'action round trip p99 ÷ no-op Update p99', ours: percentile(ours, 99), baseline: percentile(baseline, 99), target: { op: '<=', value: 2 }, oursKey: 'actionP99Ms', baselineKey: 'actionBaselineP99Ms', unit: 'ms' }),
  ];
}
