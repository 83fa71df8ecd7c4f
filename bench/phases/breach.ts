// breachRatio: N cases whose first-response deadlines fall at the same moment T; the
// seconds from T until every breach is in the read model ÷ the seconds from T' until
// N trivial sleepers due at T' have all woken and run one activity.
//
// Both sides are started the same way: a duration (T − now) computed as each is
// started, counted by the workflow from its first task, so start-up skew is alike.
// Cases start through the Temporal client with the contract's input, on a 24x7
// calendar, to isolate the clock path from the API. Their warning fires at 1 % of the
// span, i.e. during set-up, so only the breach itself lands at T.
import { randomUUID } from 'node:crypto';
import { startCaseDirect } from '../cases';
import type { BenchOptions } from '../options';
import { ratioMetric, type Metric } from '../report';
import type { Stack } from '../stack';
import { pool, sleep, waitUntil } from '../stats';

const START_CONCURRENCY = 32;

interface Round {
  seconds: number;
  /** When the first one was recorded, seconds after the deadline: the spread's other end. */
  firstSeconds: number;
  /** Whether set-up (starts and their first tasks) was done before T, as the method needs. */
  setupBeforeDeadline: boolean;
}

export async function breachPhase(stack: Stack, opts: BenchOptions): Promise<Metric[]> {
  const n = opts.breachCases;
  const baseline = await sleepersRound(stack, n);
  const ours = await casesRound(stack, n);
  const late = [ours, baseline].some((r) => !r.setupBeforeDeadline);
  return [
    ratioMetric({
      key: 'breachRatio',
      label: `seconds from a shared deadline until all ${n} breaches are recorded ÷ ${n} sleepers waking`,
      ours: ours.seconds,
      baseline: baseline.seconds,
      unit: 's',
      target: { op: '<=', value: 1.25 },
      oursKey: 'breachSeconds',
      baselineKey: 'breachBaselineSeconds',
      note: `N = ${n}; first recorded at T+${ours.firstSeconds.toFixed(2)} s (baseline T+${baseline.firstSeconds.toFixed(2)} s)${late ? '; WARNING: set-up ran past the deadline, figures are not comparable' : ''}`,
    }),
  ];
}

/** How long set-up may take: generous, since a deadline that falls mid-set-up spoils the round. */
const leadMs = (n: number, perItemMs: number): number => 5_000 + n * perItemMs;

async function casesRound(stack: Stack, n: number): Promise<Round> {
  const run = randomUUID().slice(0, 8);
  const ids = Array.from({ length: n }, (_, i) => `brc-${run}-${i}`);
  // A case costs several tasks and two activities to open (~30 per second here).
  const deadline = Date.now() + leadMs(n, 60);
  await pool(n, START_CONCURRENCY, (i) =>
    startCaseDirect(stack, ids[i]!, { firstResponseMinutes: (deadline - Date.now()) / 60_000, warningFraction: 0.01 }),
  );
  // Every case opened, warned and written: the read model has all rows.
  const prefix = `brc-${run}-%`;
  await waitUntil('the breach cases to open', async () => {
    const [row] = await stack.db.sql<{ n: number }[]>`select count(*)::int as n from cases where case_id like ${prefix}`;
    return row!.n === n;
  }, 120_000);
  await stack.settle();
  const setupBeforeDeadline = Date.now() < deadline;
  await sleep(Math.max(0, deadline - Date.now()));
  let first = 0;
  let last = 0;
  await waitUntil('every breach to be recorded', async () => {
    const [row] = await stack.db.sql<{ n: number; first: Date | null; last: Date | null }[]>`
      select count(*)::int as n, min(updated_at) as first, max(updated_at) as last from cases where case_id like ${prefix} and sla_breached`;
    first = row!.first?.getTime() ?? 0;
    last = row!.last?.getTime() ?? 0;
    return row!.n === n;
  }, 300_000, 100);
  // updated_at is set by the persisting activity itself: the poll interval adds nothing.
  return { seconds: (last - deadline) / 1000, firstSeconds: (first - deadline) / 1000, setupBeforeDeadline };
}

async function sleepersRound(stack: Stack, n: number): Promise<Round> {
  const run = randomUUID().slice(0, 8);
  const ids = Array.from({ length: n }, (_, i) => `sleeper-${run}-${i}`);
  const deadline = Date.now() + leadMs(n, 15);
  await pool(n, START_CONCURRENCY, async (i) => {
    await stack.temporal.client.workflow.start('sleepingWorkflow', {
      taskQueue: stack.baselineQueue,
      workflowId: ids[i]!,
      args: [ids[i]!, deadline - Date.now()],
    });
  });
  await stack.settle();
  const setupBeforeDeadline = Date.now() < deadline;
  await sleep(Math.max(0, deadline - Date.now()));
  await waitUntil('every sleeper to wake', async () => ids.every((id) => stack.wakes.has(id)), 300_000, 100);
  const times = ids.map((id) => stack.wakes.get(id)!);
  return { seconds: (Math.max(...times) - deadline) / 1000, firstSeconds: (Math.min(...times) - deadline) / 1000, setupBeforeDeadline };
}
