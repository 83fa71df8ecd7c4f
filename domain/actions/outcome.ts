// What an action or a clock produces besides the new state, and the one way an entry
// enters the case's log. Shared by the action handlers and the clock events.
import type { Notice } from '../case-commands';
import type { CaseState, Interaction } from '../case-state';
import { RECENT_INTERACTIONS_KEPT } from '../case-state';
import type { Actor, Channel } from '../case-types';
import type { ClockContext } from '../clocks';

/** What an action or a clock produced besides the new state: log entries and notices. */
export interface Outcome {
  interactions: Interaction[];
  notices: Notice[];
}

export interface Ctx extends ClockContext {
  now: Date;
}

export function newOutcome(): Outcome {
  return { interactions: [], notices: [] };
}

/** The actor Casekeeper itself acts as: category routing, disputes, expiring clocks. */
export const SYSTEM: Pick<Actor, 'id' | 'role'> = { id: 'casekeeper', role: 'system' };

/** Appends an interaction to the log (C2.1(f)); sequence numbers are gap-free per case. */
export function record(
  state: CaseState,
  out: Outcome,
  now: Date,
  actor: Pick<Actor, 'id' | 'role'>,
  entry: Omit<Interaction, 'seq' | 'at' | 'actorId' | 'actorRole' | 'channel'> & { channel?: Channel },
): Interaction {
  state.seq += 1;
  const { channel, ...rest } = entry;
  const i: Interaction = {
    ...rest,
    seq: state.seq,
    at: now.toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    channel: channel ?? state.channel,
  };
  state.recentInteractions.push(i);
  if (state.recentInteractions.length > RECENT_INTERACTIONS_KEPT) state.recentInteractions.shift();
  out.interactions.push(i);
  return i;
}
