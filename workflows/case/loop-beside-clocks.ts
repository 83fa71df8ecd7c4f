// How a case runs since the `effects-beside-clocks` patch: the clocks and the writes are
// two loops. This one sleeps until the next deadline (one alarm, re-armed only when the
// next wake moves earlier) or until something changes; the writer (case-writer.ts) writes
// in order beside it. A write that waits or fails never delays a deadline.
import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import { nextWakeAt } from '../../domain/clocks';
import { Alarm } from './alarm';
import { alarmSummaryOf, lingerSummaryOf } from './case-file';
import type { CaseRun } from './case-run';
import { CaseWriter } from './case-writer';
import { registerCaseHandlers } from './case-handlers';
import { redriveWritesSignal, type CaseView, type CaseWorkflowInput } from './contract';
import { FEEDBACK_AFTER_CLOSE_MS, historyIsLong, startDelivery, type caseWorkflow } from './shared';
import { toView } from './view';
import { showCase } from './visibility';

const HANDOVER_WAIT_MS = 10_000;

export async function runBesideClocks(run: CaseRun, input: CaseWorkflowInput): Promise<CaseView> {
  let closedAt = input.carried?.closedAt ? Date.parse(input.carried.closedAt) : undefined;
  const delivery = startDelivery(() => run.state.caseId);
  let stallChanged = false;
  const writer = new CaseWriter(
    run,
    (batch) => {
      if (batch.notices.length > 0 && writer.receiver) delivery.request();
    },
    () => {
      stallChanged = true;
    },
    { ...(input.carried?.unwritten ? { unwritten: input.carried.unwritten } : {}), ...(input.carried?.writeStall ? { stall: input.carried.writeStall } : {}) },
  );
  registerCaseHandlers(run, { settle: (ticket) => writer.settle(ticket) });
  setHandler(redriveWritesSignal, () => writer.redrive());
  void writer.loop();
  if (input.carried) delivery.request(); // what the previous run left in the outbox

  const alarm = new Alarm();
  for (let seen = -1; ; ) {
    if (run.state.status === 'CLOSED') closedAt ??= Date.now();
    if (seen !== run.changes || stallChanged) {
      stallChanged = false;
      const keptUntil = closedAt !== undefined ? new Date(closedAt + FEEDBACK_AFTER_CLOSE_MS).toISOString() : undefined;
      showCase(toView(run.state, run.clocks), { zone: run.sla.calendar.timezone, ...(writer.stall ? { stall: writer.stall } : {}), ...(keptUntil ? { keptUntil } : {}) });
    }
    if (closedAt !== undefined && Date.now() - closedAt >= FEEDBACK_AFTER_CLOSE_MS) break;
    if (historyIsLong(input)) await handOver();
    const closed = run.state.status === 'CLOSED';
    const wake = closed ? closedAt! + FEEDBACK_AFTER_CLOSE_MS : nextWakeAt(run.state)?.getTime();
    const zone = run.sla.calendar.timezone;
    if (wake !== undefined) alarm.ringBy(wake, closed ? lingerSummaryOf(wake, FEEDBACK_AFTER_CLOSE_MS, zone) : alarmSummaryOf(run.state, wake, zone));
    seen = run.changes;
    await condition(() => run.changes !== seen || stallChanged || alarm.hasRung());
    if (alarm.take() && run.state.status !== 'CLOSED') catchUpIfDue(run);
  }
  await condition(allHandlersFinished);
  // The last snapshot is written before the workflow ends. A write refused for good keeps
  // the case waiting (its retries grow the history), so it hands over when the history is long.
  await condition(() => writer.idle() || historyIsLong(input));
  if (!writer.idle()) await handOver();
  return toView(run.state, run.clocks);

  /**
   * Continue-as-new. Lets the write and delivery in flight land first (bounded: the database
   * or the receiver may be down; what is unwritten is carried over, undelivered notices
   * wait in the outbox), then hands over in a quiet workflow task: an activity completing
   * during the hand-over fails that task, and an Update riding on it fails with it.
   */
  async function handOver(): Promise<never> {
    writer.hold();
    delivery.hold();
    await condition(() => writer.settled() && delivery.settled(), HANDOVER_WAIT_MS);
    await condition(allHandlersFinished);
    const unwritten = writer.unwritten();
    return continueAsNew<typeof caseWorkflow>({
      open: input.open,
      ...(input.maxHistoryEvents !== undefined ? { maxHistoryEvents: input.maxHistoryEvents } : {}),
      carried: {
        state: run.state,
        sla: run.sla,
        applied: [...run.applied],
        keys: [...run.keys],
        ...(closedAt ? { closedAt: new Date(closedAt).toISOString() } : {}),
        ...(unwritten ? { unwritten } : {}),
        ...(writer.stall ? { writeStall: writer.stall } : {}),
      },
    });
  }
}

/** An alarm may ring early (the deadline moved later since it was set): act only on what is due. */
function catchUpIfDue(run: CaseRun): void {
  const due = nextWakeAt(run.state);
  if (due && due.getTime() <= Date.now()) run.catchUp();
}
