// The shape of an action handler. The table in case-machine.ts maps every command type
// to one, so an action without a handler does not compile.
import type { CaseCommand, CommandType } from '../case-commands';
import type { CaseState } from '../case-state';
import type { Actor } from '../case-types';
import type { Ctx, Outcome } from './outcome';

export type CommandOf<K extends CommandType> = Extract<CaseCommand, { type: K }>;

/**
 * Checks one action (throwing ActionRejected before changing anything) and applies it to
 * the state, adding log entries and notices to `out`.
 */
export type ActionHandler<K extends CommandType> = (state: CaseState, cmd: CommandOf<K>, actor: Actor, ctx: Ctx, out: Outcome) => void;

export type HandlerTable = { [K in CommandType]: ActionHandler<K> };

/** Handlers for some of the actions: each concern's module exports one. */
export type HandlersFor<K extends CommandType> = Pick<HandlerTable, K>;
