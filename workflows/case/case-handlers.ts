// The case's message handlers: the query, one Update per action (validated synchronously
// on a copy, so a rejected action changes nothing), the opening Update, the policy signal.
import { ApplicationFailure, currentUpdateInfo, log, setHandler } from '@temporalio/workflow';
import type { CaseCommand } from '../../domain/case-commands';
import { ActionRejected } from '../../domain/case-errors';
import { applyCommand } from '../../domain/case-machine';
import { tick } from '../../domain/case-clock-events';
import type { Actor } from '../../domain/case-types';
import { remember, structuredCopy, type CaseRun } from './case-run';
import { caseFileOf } from './case-file';
import { actionUpdates, ACTION_TYPES, caseFileQuery, getCaseQuery, openedUpdate, policyChangedSignal, type ActionArgs, type ActionResult, type OpenedArgs, type PinnedSla } from './contract';
import { toView } from './view';

/** How the newer loop answers: after the write, with the case as it then stands. */
export interface Answering {
  /** Resolves once every change up to `ticket` (a value of `run.changes`) is written, or cannot be for now. */
  settle(ticket: number): Promise<void>;
}

/**
 * Wires queries, Updates and signals. Without `answering` (the v1 loop) an action answers
 * at once with its result; with it, after its effects are written, with the case view
 * (the whole view: the API cuts it to what the caller may see, api/projection).
 */
export function registerCaseHandlers(run: CaseRun, answering?: Answering): void {
  setHandler(getCaseQuery, () => toView(run.state, run.clocks));
  setHandler(caseFileQuery, () => caseFileOf(toView(run.state, run.clocks), run.sla.calendar.timezone)); // a query: no command
  for (const type of ACTION_TYPES) {
    const handler = answering
      ? async (args: ActionArgs): Promise<ActionResult> => {
          const result = act(run, type, args);
          await answering.settle(run.changes);
          return { ...result, case: toView(run.state, run.clocks) };
        }
      : (args: ActionArgs): ActionResult => act(run, type, args);
    setHandler(actionUpdates[type], handler, {
      validator: (args: ActionArgs) => {
        const id = currentUpdateInfo()?.id;
        if (id && run.applied.has(id)) return;
        asFailure(() => {
          validateArgs(args);
          // Also on the v1 loop: validators never run on replay, so a new refusal cannot break a history.
          admit(run, args);
          const copy = structuredCopy(run.state);
          const now = run.ctx();
          tick(copy, now);
          applyCommand(copy, asCommand(type, args), args.actor, now);
        }, 'validator');
      },
    });
  }
  if (answering) {
    const opened = async (): Promise<ReturnType<typeof toView>> => {
      await answering.settle(run.changes);
      return toView(run.state, run.clocks);
    };
    setHandler(openedUpdate, opened, { validator: (args: OpenedArgs) => asFailure(() => admit(run, { actor: args?.actor } as ActionArgs), 'validator') });
  }
  setHandler(policyChangedSignal, (next: PinnedSla) => run.changePolicy(next));
}

/**
 * Who may address this case at all: for a customer of another organisation the case
 * does not exist (the API answers 404, the same as for no case). An Idempotency-Key
 * already used with another request is refused, so no caller is told that a body it
 * sent was applied when another one was.
 */
function admit(run: CaseRun, args: ActionArgs): void {
  const actor = args.actor;
  if (!actor || typeof actor.role !== 'string') throw new ActionRejected('an action needs an actor with id and role', 'INVALID');
  if (actor.role === 'customer' && actor.customerId !== run.state.customerId) throw new ActionRejected(`no case ${run.state.caseId}`, 'NOT_FOUND');
  const key = args.idempotency;
  if (key && run.keys.has(key.keyId) && run.keys.get(key.keyId) !== key.requestHash) {
    throw new ActionRejected('this Idempotency-Key was used with a different request', 'INVALID');
  }
}

function act(run: CaseRun, type: CaseCommand['type'], args: ActionArgs): ActionResult {
  const id = currentUpdateInfo()?.id;
  const earlier = id ? run.applied.get(id) : undefined;
  if (earlier) return earlier; // a retried request: the effect of one
  // Clocks due by now take effect first: a late action never beats its deadline.
  run.catchUp();
  const state = run.state;
  const outcome = asFailure(() => applyCommand(state, asCommand(type, args), args.actor, run.ctx()));
  const result: ActionResult = { caseId: state.caseId, status: state.status, seq: state.seq, appended: outcome.interactions.map((i) => i.seq) };
  if (id) remember(run.applied, id, result);
  if (args.idempotency) remember(run.keys, args.idempotency.keyId, args.idempotency.requestHash);
  // IDs and statuses only: what people wrote stays out of the logs.
  log.info('action applied', { caseId: state.caseId, action: type, actorRole: args.actor.role, status: state.status, seq: state.seq, requestId: args.requestId });
  run.queue.push(args.requestId ? { ...outcome, requestId: args.requestId } : outcome);
  run.touch();
  return result;
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

