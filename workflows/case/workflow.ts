// caseWorkflow: one durable workflow per case. It wires the pure lifecycle in
// domain/ to Temporal: Updates for actions (validated synchronously, so a rejected
// action changes nothing), durable timers for every clock, activities for the log,
// the read model and webhooks, continue-as-new for long cases.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, OutgoingNotice } from '../../activities/types';
import { createBusinessCalendar } from '../../domain/business-calendar';
import type { CaseCommand } from '../../domain/case-commands';
import { ActionRejected } from '../../domain/case-errors';
import { applyCommand, type Ctx, type Outcome } from '../../domain/case-machine';
import { tick } from '../../domain/case-clock-events';
import { openCase } from '../../domain/case-open';
import type { CaseState } from '../../domain/case-state';
import { ensureLadderClock, nextWakeAt, rescheduleAll, type ClockContext } from '../../domain/clocks';
import type { Actor } from '../../domain/case-types';
import {
  actionUpdates,
  ACTION_TYPES,
  getCaseQuery,
  policyChangedSignal,
  type ActionArgs,
  type ActionResult,
  type CaseView,
  type CaseWorkflowInput,
  type PinnedSla,
} from './contract';
import { searchAttributesOf, summaryOf, toView } from './view';

const { persistCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});
// Webhook receivers can be down for a while: back off up to 10 minutes between tries.
const { deliverNotices } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2, maximumAttempts: 25 },
});

/** A closed case lingers this long to take feedback (C4.4), then the workflow ends. */
const FEEDBACK_AFTER_CLOSE_MS = 7 * 24 * 60 * 60 * 1000;
/** Update results remembered for de-duplication across continue-as-new. */
// Bounded so the continue-as-new input stays small; a retry comes within minutes, not
// after hundreds of later actions on the same case.
const APPLIED_KEPT = 500;

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  let sla: PinnedSla = input.carried?.sla ?? input.open.sla;
  let clocks: ClockContext = { rule: sla.rule, calendar: createBusinessCalendar(sla.calendar) };
  const ctx = (): Ctx => ({ ...clocks, now: new Date() });

  let state: CaseState;
  /** Effects waiting to be written, in order; an action's carries its HTTP request ID. */
  const queue: (Outcome & { requestId?: string })[] = [];
  if (input.carried) {
    state = input.carried.state;
  } else {
    const opened = openCase(
      {
        ...input.open,
        policy: { id: sla.policyId, version: sla.policyVersion },
        calendarId: sla.calendarId,
      },
      ctx(),
    );
    state = opened.state;
    queue.push(opened.outcome);
  }
  const applied = new Map<string, ActionResult>(input.carried?.applied ?? []);
  let dirty = true;

  setHandler(getCaseQuery, () => toView(state, clocks));

  /** Applies clock expiries due by now (used before every action and on waking). */
  const catchUp = (): void => {
    const outcome = tick(state, ctx());
    if (outcome.interactions.length > 0 || outcome.notices.length > 0) queue.push(outcome);
    dirty = true;
  };

  for (const type of ACTION_TYPES) {
    setHandler(
      actionUpdates[type],
      (args: ActionArgs) => {
        const id = currentUpdateInfo()?.id;
        const earlier = id ? applied.get(id) : undefined;
        if (earlier) return earlier; // a retried request: the effect of one
        // Clocks due by now take effect first: a late action never beats its deadline.
        catchUp();
        const outcome = asFailure(() => applyCommand(state, asCommand(type, args), args.actor, ctx()));
        const result: ActionResult = {
          caseId: state.caseId,
          status: state.status,
          seq: state.seq,
          appended: outcome.interactions.map((i) => i.seq),
        };
        if (id) remember(applied, id, result);
        // IDs and statuses only: what people wrote stays out of the logs.
        log.info('action applied', { caseId: state.caseId, action: type, actorRole: args.actor.role, status: state.status, seq: state.seq, requestId: args.requestId });
        queue.push(args.requestId ? { ...outcome, requestId: args.requestId } : outcome);
        dirty = true;
        return result;
      },
      {
        // Synchronous, on a copy: a rejection throws here and the case is untouched.
        validator: (args: ActionArgs) => {
          const id = currentUpdateInfo()?.id;
          if (id && applied.has(id)) return;
          asFailure(() => {
            validateArgs(args);
            const copy = structuredCopy(state);
            const now = ctx();
            tick(copy, now);
            applyCommand(copy, asCommand(type, args), args.actor, now);
          }, 'validator');
        },
      },
    );
  }

  setHandler(policyChangedSignal, (next: PinnedSla) => {
    // A signal cannot be refused, so a bad or stale one is ignored rather than allowed
    // to fail every workflow task of the case.
    if (next?.policyId === sla.policyId && next.policyVersion < sla.policyVersion) return;
    let calendar;
    try {
      calendar = createBusinessCalendar(next.calendar);
      const probe = structuredCopy(state);
      rescheduleAll(probe, { rule: next.rule, calendar });
    } catch {
      return;
    }
    sla = next;
    clocks = { rule: next.rule, calendar };
    state.policy = { id: next.policyId, version: next.policyVersion };
    state.calendarId = next.calendarId;
    rescheduleAll(state, clocks);
    ensureLadderClock(state, clocks, new Date());
    dirty = true;
  });

  let closedAt = input.carried?.closedAt ? Date.parse(input.carried.closedAt) : undefined;
  let delivering: Promise<unknown> | undefined;
  let deliverAgain = false;

  /** Starts webhook delivery beside the case: a slow receiver must not hold the clocks. */
  const startDelivery = (): void => {
    if (delivering) {
      deliverAgain = true;
      return;
    }
    delivering = deliverNotices({ caseId: state.caseId })
      .catch(() => undefined) // undelivered events stay in the outbox, marked failed
      .finally(() => {
        delivering = undefined;
        if (deliverAgain) {
          deliverAgain = false;
          startDelivery();
        }
      });
  };

  const historyIsLong = (): boolean => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || (input.maxHistoryEvents !== undefined && info.historyLength >= input.maxHistoryEvents);
  };

  /**
   * Writes queued outcomes in order with the current snapshot, then refreshes what the
   * UI shows. Stops early when the history is long, so a busy case still continues as new.
   */
  const sync = async (untilDrained = false): Promise<void> => {
    while ((queue.length > 0 || dirty) && (untilDrained || !historyIsLong())) {
      dirty = false;
      const batch = queue.splice(0, queue.length);
      const notices: OutgoingNotice[] = batch.flatMap((o) =>
        o.notices.map((n) => ({
          ...n,
          eventSeq: ++state.noticeCount,
          eventId: `${state.caseId}-${state.noticeCount}`,
          caseId: state.caseId,
          customerId: state.customerId,
          at: new Date().toISOString(),
        })),
      );
      state.revision += 1;
      const view = toView(state, clocks);
      const requestIds = batch.flatMap((o) => (o.requestId ? [o.requestId] : []));
      await persistCase({ caseId: state.caseId, interactions: batch.flatMap((o) => o.interactions), notices, snapshot: view, ...(requestIds.length ? { requestIds } : {}) });
      upsertSearchAttributes(searchAttributesOf(view));
      setCurrentDetails(summaryOf(view));
      if (notices.length > 0) startDelivery();
    }
  };

  if (input.carried) startDelivery(); // what the previous run left in the outbox

  for (;;) {
    await sync();
    if (state.status === 'CLOSED') {
      closedAt ??= Date.now();
      if (Date.now() - closedAt >= FEEDBACK_AFTER_CLOSE_MS) break;
    }
    if (historyIsLong()) {
      // Undelivered notices wait in the outbox; the next run delivers them.
      await condition(allHandlersFinished);
      await sync(true);
      await continueAsNew<typeof caseWorkflow>({
        open: input.open,
        ...(input.maxHistoryEvents !== undefined ? { maxHistoryEvents: input.maxHistoryEvents } : {}),
        carried: { state, sla, applied: [...applied], ...(closedAt ? { closedAt: new Date(closedAt).toISOString() } : {}) },
      });
    }
    const wake = state.status === 'CLOSED' ? closedAt! + FEEDBACK_AFTER_CLOSE_MS : nextWakeAt(state)?.getTime();
    const work = (): boolean => queue.length > 0 || dirty;
    const woken = wake === undefined ? (await condition(work), true) : await condition(work, Math.max(1, wake - Date.now()));
    if (!woken && state.status !== 'CLOSED') catchUp();
  }
  await condition(allHandlersFinished);
  await sync(true);
  return toView(state, clocks);
}

/**
 * A rejection crosses to the caller as a typed, non-retryable failure with its reason.
 * In a validator any error rejects the action (malformed arguments, say); in a handler
 * only ActionRejected does: anything else is a bug and fails the workflow task.
 */
function asFailure<T>(fn: () => T, where: 'validator' | 'handler' = 'handler'): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ActionRejected || where === 'validator') {
      const reason = err instanceof ActionRejected ? err.reason : 'INVALID';
      const message = err instanceof Error ? err.message : String(err);
      throw ApplicationFailure.create({ message, type: 'ActionRejected', details: [reason], nonRetryable: true });
    }
    throw err;
  }
}

function asCommand(type: string, args: ActionArgs): CaseCommand {
  return { ...args.command, type } as CaseCommand;
}

function validateArgs(args: ActionArgs): void {
  const actor: Actor | undefined = args?.actor;
  if (!actor || typeof actor.id !== 'string' || typeof actor.role !== 'string') {
    throw new ActionRejected('an action needs an actor with id and role', 'INVALID');
  }
  if (!args.command || typeof args.command !== 'object') throw new ActionRejected('an action needs a command', 'INVALID');
}

function remember(applied: Map<string, ActionResult>, id: string, result: ActionResult): void {
  applied.set(id, result);
  if (applied.size > APPLIED_KEPT) applied.delete(applied.keys().next().value!);
}

const structuredCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
