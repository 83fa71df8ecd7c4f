// The case lifecycle as a pure state machine: what each actor may do in each status,
// and what it changes. The workflow calls `applyCommand` on a copy in its Update
// validators (so a rejection changes nothing) and on the real state in the handlers.
// Each action's rule is its handler, found by the action's name in domain/actions/.
import { isStaff } from './authority';
import type { CaseCommand } from './case-commands';
import { ActionRejected } from './case-errors';
import type { CaseState } from './case-state';
import type { Actor } from './case-types';
import { closingHandlers } from './actions/closing';
import { compensationHandlers } from './actions/compensation';
import { escalationHandlers } from './actions/escalation';
import { firstLineHandlers } from './actions/first-line';
import type { ActionHandler, HandlerTable } from './actions/handler';
import { newOutcome, type Ctx, type Outcome } from './actions/outcome';
import { resolutionAndAppealHandlers } from './actions/resolution-and-appeal';

// The workflow and the clock events import these from here.
export { closeCase, resolveCase } from './actions/lifecycle';
export { newOutcome, record, SYSTEM, type Ctx, type Outcome } from './actions/outcome';
export { escalate, escalationPath, SPECIALIST_UNITS, topLevel } from './actions/routing';

/** One handler per action; the type makes an action without a handler a compile error. */
const HANDLERS: HandlerTable = {
  ...firstLineHandlers,
  ...escalationHandlers,
  ...compensationHandlers,
  ...resolutionAndAppealHandlers,
  ...closingHandlers,
};

/** Staff who acted on a case count as its handlers, so they may not review its appeal (C5.1). */
function noteHandler(state: CaseState, actor: Actor): void {
  if (isStaff(actor) && !state.handlers.includes(actor.id)) state.handlers.push(actor.id);
}

/**
 * Applies one action to the state (mutating it) or throws ActionRejected, leaving the
 * caller to discard the state. Call it on a copy to validate.
 */
export function applyCommand(state: CaseState, cmd: CaseCommand, actor: Actor, ctx: Ctx): Outcome {
  const out = newOutcome();
  // A closed case still takes feedback (C4.4), and decisions on grants still pending,
  // while its workflow lingers; nothing else.
  if (state.status === 'CLOSED' && cmd.type !== 'feedback' && cmd.type !== 'decideCompensation') {
    throw new ActionRejected(`the case is closed (${state.closeReason})`);
  }
  // HandlerTable guarantees this handler takes cmd's own variant; TypeScript cannot follow
  // that through a lookup by cmd.type, hence the cast.
  const handler = HANDLERS[cmd.type] as ActionHandler<CaseCommand['type']>;
  handler(state, cmd, actor, ctx, out);
  noteHandler(state, actor);
  return out;
}
