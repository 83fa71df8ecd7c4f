// Where an action's time goes (not a target, an explanation): each step of the API's
// action path timed on its own, one at a time, on warmed cases. Run with
// `--only breakdown`; docs/PERFORMANCE.md quotes it.
import { randomUUID } from 'node:crypto';
import { actionUpdates, caseWorkflowId, getCaseQuery, type ActionArgs } from '../../workflows/case/contract';
import { finishSignal, noopUpdate } from '../baseline-workflows';
import { act, openViaApi } from '../cases';
import type { BenchOptions } from '../options';
import type { Metric } from '../report';
import { agent, type Stack } from '../stack';
import { nowMs, percentile, sleep } from '../stats';

const CASES = 4;

export async function breakdownPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const samples = Math.max(50, Math.floor(opts.actionSamples / 3));
  const caseIds: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const id = await openViaApi(stack);
    await act(stack, id, 'acknowledge', {});
    caseIds.push(id);
  }
  // As many baseline workflows as cases, visited in the same rotation.
  const updatables = await Promise.all(
    caseIds.map(() => stack.temporal.client.workflow.start('updatableWorkflow', { taskQueue: stack.baselineQueue, workflowId: `updatable-${randomUUID()}` })),
  );
  await stack.settle();
  const handle = (i: number) => stack.caseClient.workflow.getHandle(caseWorkflowId(caseIds[i % CASES]!));
  const reply = (i: number): { args: [ActionArgs] } => ({ args: [{ actor: agent, command: { type: 'reply', message: `step ${i}` } }] });

  const steps: [string, (i: number) => Promise<unknown>][] = [
    ['bare no-op Update (baseline)', (i) => updatables[i % CASES]!.executeUpdate(noopUpdate, { args: [i] })],
    ['getCase query, case idle', async (i) => {
      await sleep(20); // let the previous step's activities finish: an idle case
      const t = nowMs();
      await handle(i).query(getCaseQuery);
      return nowMs() - t;
    }],
    ['reply Update via client (no HTTP)', (i) => handle(i).executeUpdate(actionUpdates.reply, reply(i))],
    ['getCase query right after an Update', async (i) => {
      await handle(i).executeUpdate(actionUpdates.reply, reply(i));
      const t = nowMs();
      await handle(i).query(getCaseQuery);
      return nowMs() - t;
    }],
    ['GET /v1/cases/{id} (auth + query)', (i) => stack.api.expect(200, 'GET', `/v1/cases/${caseIds[i % CASES]}`, stack.tokens.agent)],
    ['POST reply, no Idempotency-Key', (i) => stack.api.expect(200, 'POST', `/v1/cases/${caseIds[i % CASES]}/reply`, stack.tokens.agent, { message: `step ${i}` })],
    ['POST reply with Idempotency-Key', (i) => act(stack, caseIds[i % CASES]!, 'reply', { message: `step ${i}` })],
  ];
  const lines: string[] = [];
  for (const [name, step] of steps) {
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = nowMs();
      const inner = await step(i);
      ms.push(typeof inner === 'number' ? inner : nowMs() - t);
    }
    lines.push(`${name.padEnd(40)} p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(ms, 99).toFixed(1).padStart(6)} ms`);
    await stack.settle();
  }
  await Promise.all(updatables.map((u) => u.signal(finishSignal)));
  console.error(['[bench] action path, step by step:', ...lines.map((l) => `  ${l}`)].join('\n'));
  return [];
}
