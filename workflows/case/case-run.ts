// One run of a case workflow: its state, pinned SLA and the message handlers that change
// them. Both ways of writing effects (workflow versions, see loop-*.ts) share this core.
import { ApplicationFailure, currentUpdateInfo, log, setHandler } from '@temporalio/workflow';
import type { OutgoingNotice, PersistCaseInput } from '../../activities/types';
import { createBusinessCalendar } from '../../domain/business-calendar';
import type { CaseCommand } from '../../domain/case-commands';
import { ActionRejected } from '../../domain/case-errors';
import { applyCommand, type Ctx, type Outcome } from '../../domain/case-machine';
import { tick } from '../../domain/case-clock-events';
import { openCase } from '../../domain/case-open';
import type { CaseState } from '../../domain/case-state';
import { ensureLadderClock, rescheduleAll, type ClockContext } from '../../domain/clocks';
import type { Actor } from '../../domain/case-types';
import { actionUpdates, ACTION_TYPES, getCaseQuery, policyChangedSignal, type ActionArgs, type ActionResult, type CaseWorkflowInput, type PinnedSla } from './contract';
import { toView } from './view';

/** Update results remembered for de-duplication across continue-as-new. */
// Bounded so the continue-as-new input stays small; a retry comes within minutes, not
// after hundreds of later actions on the same case.
const APPLIED_KEPT = 500;

export class CaseRun {
  sla: PinnedSla;
  clocks: ClockContext;
  state: CaseState;
  /** Effects waiting to be written, in order; an action's carries its HTTP request ID. */
  readonly queue: (Outcome & { requestId?: string })[] = [];
  readonly applied: Map<string, ActionResult>;
  /** The state changed since the last snapshot was taken for writing. */
  dirty = true;
  /** Counts every change, so a loop can tell that it has something new to look at. */
  changes = 0;

  constructor(input: CaseWorkflowInput) {
    this.sla = input.carried?.sla ?? input.open.sla;
    this.clocks = { rule: this.sla.rule, calendar: createBusinessCalendar(this.sla.calendar) };
    this.applied = new Map(input.carried?.applied ?? []);
    if (input.carried) {
      this.state = input.carried.state;
    } else {
      const sla = this.sla;
      const opened = openCase({ ...input.open, policy: { id: sla.policyId, version: sla.policyVersion }, calendarId: sla.calendarId }, this.ctx());
      this.state = opened.state;
      this.queue.push(opened.outcome);
    }
  }

  ctx(): Ctx {
    return { ...this.clocks, now: new Date() };
  }

  private touch(): void {
    this.dirty = true;
    this.changes += 1;
  }

  /** Applies clock expiries due by now (used before every action and on waking). */
  catchUp(): void {
    const outcome = tick(this.state, this.ctx());
    if (outcome.interactions.length > 0 || outcome.notices.length > 0) this.queue.push(outcome);
    this.touch();
  }

  /** Takes everything queued as one write: log entries, numbered notices, the snapshot. */
  takeBatch(): PersistCaseInput {
    this.dirty = false;
    const state = this.state;
    const batch = this.queue.splice(0, this.queue.length);
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
    const requestIds = batch.flatMap((o) => (o.requestId ? [o.requestId] : []));
    return {
      caseId: state.caseId,
      interactions: batch.flatMap((o) => o.interactions),
      notices,
      snapshot: toView(state, this.clocks),
      ...(requestIds.length ? { requestIds } : {}),
    };
  }

  registerHandlers(): void {
    setHandler(getCaseQuery, () => toView(this.state, this.clocks));
    for (const type of ACTION_TYPES) {
      setHandler(actionUpdates[type], (args: ActionArgs) => this.act(type, args), {
        // Synchronous, on a copy: a rejection throws here and the case is untouched.
        validator: (args: ActionArgs) => {
          const id = currentUpdateInfo()?.id;
          if (id && this.applied.has(id)) return;
          asFailure(() => {
            validateArgs(args);
            const copy = structuredCopy(this.state);
            const now = this.ctx();
            tick(copy, now);
            applyCommand(copy, asCommand(type, args), args.actor, now);
          }, 'validator');
        },
      });
    }
    setHandler(policyChangedSignal, (next: PinnedSla) => this.changePolicy(next));
  }

  private act(type: CaseCommand['type'], args: ActionArgs): ActionResult {
    const id = currentUpdateInfo()?.id;
    const earlier = id ? this.applied.get(id) : undefined;
    if (earlier) return earlier; // a retried request: the effect of one
    // Clocks due by now take effect first: a late action never beats its deadline.
    this.catchUp();
    const state = this.state;
    const outcome = asFailure(() => applyCommand(state, asCommand(type, args), args.actor, this.ctx()));
    const result: ActionResult = { caseId: state.caseId, status: state.status, seq: state.seq, appended: outcome.interactions.map((i) => i.seq) };
    if (id) {
      this.applied.set(id, result);
      if (this.applied.size > APPLIED_KEPT) this.applied.delete(this.applied.keys().next().value!);
    }
    // IDs and statuses only: what people wrote stays out of the logs.
    log.info('action applied', { caseId: state.caseId, action: type, actorRole: args.actor.role, status: state.status, seq: state.seq, requestId: args.requestId });
    this.queue.push(args.requestId ? { ...outcome, requestId: args.requestId } : outcome);
    this.touch();
    return result;
  }

  private changePolicy(next: PinnedSla): void {
    // A signal cannot be refused, so a bad or stale one is ignored rather than allowed
    // to fail every workflow task of the case.
    if (next?.policyId === this.sla.policyId && next.policyVersion < this.sla.policyVersion) return;
    let calendar;
    try {
      calendar = createBusinessCalendar(next.calendar);
      rescheduleAll(structuredCopy(this.state), { rule: next.rule, calendar });
    } catch {
      return;
    }
    this.sla = next;
    this.clocks = { rule: next.rule, calendar };
    this.state.policy = { id: next.policyId, version: next.policyVersion };
    this.state.calendarId = next.calendarId;
    rescheduleAll(this.state, this.clocks);
    ensureLadderClock(this.state, this.clocks, new Date());
    this.touch();
  }
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

const asCommand = (type: string, args: ActionArgs): CaseCommand => ({ ...args.command, type }) as CaseCommand;

function validateArgs(args: ActionArgs): void {
  const actor: Actor | undefined = args?.actor;
  if (!actor || typeof actor.id !== 'string' || typeof actor.role !== 'string') {
    throw new ActionRejected('an action needs an actor with id and role', 'INVALID');
  }
  if (!args.command || typeof args.command !== 'object') throw new ActionRejected('an action needs a command', 'INVALID');
}

export const structuredCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
