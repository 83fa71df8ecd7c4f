// rolloutSecondsPer10k: N open cases pin version 1 of a policy; an admin saves version 2
// and asks for its roll-out. The figure is the seconds from that request until the read
// model shows every case on version 2 (each case has received its signal, recomputed its
// deadlines and written itself), scaled to 10,000 cases. Also counted: the roll-out's own
// billable actions and history size, over all its runs (continue-as-new per page). For
// scale on a shared machine, a floor measured in the same run: N idle trivial workflows
// each signalled to finish (64 signals in flight, as the roll-out keeps) until all have.
import { randomUUID } from 'node:crypto';
import { TWENTY_FOUR_SEVEN_CALENDAR_ID, twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { resolveSlaRule, type SlaPolicy } from '../../domain/sla-policy';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type OpenCaseInput, type PinnedSla } from '../../workflows/case/contract';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { rolloutWorkflowId, type RolloutProgress } from '../../workflows/rollout/contract';
import { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';
import { finishSignal } from '../baseline-workflows';
import { countBillableActions } from '../billing-rules';
import { fetchAllRuns } from '../billing-history';
import { intake } from '../cases';
import type { BenchOptions } from '../options';
import type { Metric } from '../report';
import { backOffice, type Stack } from '../stack';
import { nowMs, pool, waitUntil } from '../stats';

const START_CONCURRENCY = 32;
/** As activities/rollout-page.ts keeps in flight. */
const SIGNALS_IN_FLIGHT = 64;

export async function rolloutPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const n = opts.rolloutCases;
  const run = randomUUID().slice(0, 8);
  const policyId = `bench-rollout-${run}`;
  const v1 = await savePolicy(stack, policyId, 240);
  // Zero-padded so keyset order is start order; the roll-out pages by case ID.
  const caseIds = Array.from({ length: n }, (_, i) => `ro-${run}-${String(i).padStart(6, '0')}`);
  const pin = pinOf(v1);
  await pool(n, START_CONCURRENCY, (i) => startCase(stack, caseIds[i]!, pin));
  const prefix = `ro-${run}-%`;
  await waitUntil('the roll-out cases to be in the read model', async () => (await countAt(stack, prefix, 1)) === n, 30 * 60_000, 500);
  await stack.settle();

  await savePolicy(stack, policyId, 480);
  const began = nowMs();
  const accepted = (await stack.api.expect(202, 'POST', `/v1/sla-policies/${policyId}/rollout`, stack.tokens.admin)) as { id: string; href: string };
  // The result follows the runs; awaiting it costs no query (the status resource would, and
  // a query waits behind every case task the roll-out has just queued on the worker).
  let workflowSeconds = 0;
  const result = stack.caseClient.workflow
    .getHandle(rolloutWorkflowId(accepted.id))
    .result()
    .then((r: RolloutProgress) => {
      workflowSeconds = (nowMs() - began) / 1000;
      return r;
    });
  await waitUntil('every case to be on version 2', async () => (await countAt(stack, prefix, 2)) === n, 30 * 60_000, 250);
  const seconds = (nowMs() - began) / 1000;
  const status = await result;

  const runs = await fetchAllRuns(stack.caseClient, rolloutWorkflowId(accepted.id));
  const actions = runs.reduce((sum, h) => sum + countBillableActions(h).total, 0);
  const historyBytes = runs.reduce((sum, h) => sum + JSON.stringify(h).length, 0);
  const pinBytes = JSON.stringify(pinOf(v1)).length;
  const perCase = await actionsAfterSignal(stack, caseIds[0]!);
  await stack.settle();
  const floor = await signalFloorSeconds(stack, n);
  return [
    {
      key: 'rolloutSecondsPer10k',
      label: 'roll-out request → every open case re-pinned in the read model, per 10,000 cases',
      ours: (seconds * 10_000) / n,
      value: (seconds * 10_000) / n,
      unit: 's',
      target: { op: '<=', value: 120 },
      oursKey: 'rolloutSecondsPer10k',
      note:
        `N = ${n}: ${seconds.toFixed(1)} s (workflow done after ${workflowSeconds.toFixed(1)} s; floor: ${n} idle workflows signalled to finish, ${floor.toFixed(1)} s), ${status.pagesDone} pages, ` +
        `moved ${status.moved}, failed ${status.failedCount}; roll-out runs: ${runs.length}, billable actions ${actions} ` +
        `(+ ${perCase} per case from its signal on, sampled), history ${(historyBytes / 1024).toFixed(0)} KiB`,
      details: { n, seconds, workflowSeconds, signalFloorSeconds: floor, pages: status.pagesDone, moved: status.moved, failed: status.failedCount, runs: runs.length, rolloutActions: actions, signals: status.moved, actionsPerCaseFromSignal: perCase, historyBytes, pinBytes },
    },
  ];
}

async function savePolicy(stack: Stack, id: string, firstResponseMinutes: number): Promise<SlaPolicy> {
  const base = (await stack.api.expect(200, 'GET', '/v1/sla-policies/default', stack.tokens.admin)) as SlaPolicy;
  const { version: _v, ...rest } = base;
  const rules = { ...rest.rules, NORMAL: { ...rest.rules.NORMAL, firstResponseMinutes } };
  return (await stack.api.expect(201, 'POST', '/v1/sla-policies', stack.tokens.admin, { ...rest, id, calendarId: TWENTY_FOUR_SEVEN_CALENDAR_ID, rules })) as SlaPolicy;
}

const pinOf = (policy: SlaPolicy): PinnedSla => ({
  policyId: policy.id,
  policyVersion: policy.version,
  rule: resolveSlaRule(policy, 'NORMAL', intake.category),
  calendarId: TWENTY_FOUR_SEVEN_CALENDAR_ID,
  calendar: twentyFourSevenCalendarSpec('UTC'),
});

async function startCase(stack: Stack, caseId: string, sla: PinnedSla): Promise<void> {
  const open: OpenCaseInput = { ...(intake as Omit<OpenCaseInput, 'caseId' | 'openedBy' | 'sla'>), caseId, openedBy: backOffice, sla };
  await stack.caseClient.workflow.start<typeof caseWorkflow>(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue: stack.caseQueue, args: [{ open }] });
}

/** The floor: N idle baseline workflows, each signalled to finish, until all have finished. */
async function signalFloorSeconds(stack: Stack, n: number): Promise<number> {
  const handles: WorkflowHandle[] = [];
  await pool(n, START_CONCURRENCY, async () => {
    handles.push(await stack.temporal.client.workflow.start('updatableWorkflow', { taskQueue: stack.baselineQueue, workflowId: `floor-${randomUUID()}` }));
  });
  await stack.settle();
  const began = nowMs();
  await pool(n, SIGNALS_IN_FLIGHT, async (i) => handles[i]!.signal(finishSignal));
  await pool(n, SIGNALS_IN_FLIGHT, async (i) => handles[i]!.result());
  return (nowMs() - began) / 1000;
}

/** One case's billable actions from the roll-out's signal on (the signal, its write, any upsert). */
async function actionsAfterSignal(stack: Stack, caseId: string): Promise<number> {
  const runs = await fetchAllRuns(stack.caseClient, caseWorkflowId(caseId));
  const events = runs.flatMap((h) => h.events ?? []);
  const signalled = events.findIndex((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
  return signalled < 0 ? 0 : countBillableActions({ events: events.slice(signalled) }).total;
}

async function countAt(stack: Stack, prefix: string, version: number): Promise<number> {
  const [row] = await stack.db.sql<{ n: number }[]>`
    select count(*)::int as n from cases where case_id like ${prefix} and (snapshot -> 'policy' ->> 'version')::int = ${version}`;
  return row!.n;
}
