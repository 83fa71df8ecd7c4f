// The roll-out's one activity: reads a page of the target's open cases (keyset by case
// ID) and signals each its new pin. Signals go out from here rather than from the
// workflow: the same one action per case either way, but a signal sent by the workflow
// records its whole payload (rule and calendar) in the roll-out's own history, 500
// times a page. Progress within a page is heartbeated, so a retry on another worker
// carries on after the last case signalled instead of starting the page again.
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { and, asc, gt, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases } from '../db/schema';
import { caseWorkflowId, policyChangedSignal, type PinnedSla } from '../workflows/case/contract';
import type { RolloutActivities, RolloutFailure, RolloutFailureReason, RolloutPageInput, RolloutPageResult } from '../workflows/rollout/contract';
import { ReferenceLookups } from './rollout-references';
import { inOrderWindow } from './rollout-window';
import { pinnedCalendarId, pinnedPolicyId, pinnedPolicyVersion, ROLLOUT_TARGETS, type RolloutCase } from './rollout-targets';

/** Signals in flight at once: enough to hide round trips, few enough not to flood the server. */
const SIGNALS_IN_FLIGHT = 64;

/** How far a page got, in case-ID order: heartbeated as the signals complete. */
interface PageHeartbeat {
  doneThrough: string;
  moved: number;
  failed: RolloutFailure[];
}

export function createRolloutActivities(db: Db, client: Client): RolloutActivities {
  return {
    async rolloutPage({ target, version, after, limit }: RolloutPageInput): Promise<RolloutPageResult> {
      const rules = ROLLOUT_TARGETS[target.kind];
      const refs = new ReferenceLookups(db);
      const supersededBy = await rules.supersededBy?.(target.id, version, refs);
      if (supersededBy !== undefined) return { moved: 0, failed: [], last: null, done: true, supersededBy };
      const rows = await db
        .select({
          caseId: cases.caseId,
          customerId: cases.customerId,
          priority: cases.priority,
          category: cases.category,
          policyId: pinnedPolicyId,
          policyVersion: pinnedPolicyVersion,
          calendarId: pinnedCalendarId,
        })
        .from(cases)
        .where(and(ne(cases.status, 'CLOSED'), rules.selects(target.id, version), after === null ? undefined : gt(cases.caseId, after)))
        .orderBy(asc(cases.caseId))
        .limit(limit);

      const resumed = Context.current().info.heartbeatDetails as PageHeartbeat | undefined;
      const progress: PageHeartbeat = resumed ?? { doneThrough: '', moved: 0, failed: [] };
      const todo = (rows as RolloutCase[]).filter((c) => c.caseId > progress.doneThrough);
      const pins = new Map<string, Promise<PinnedSla | RolloutFailureReason>>();
      const pinFor = (c: RolloutCase) => {
        // Cases alike but for their ID get the same pin: computed once a page.
        const key = JSON.stringify([c.customerId, c.priority, c.category, c.policyId, c.policyVersion, c.calendarId]);
        if (!pins.has(key)) pins.set(key, rules.pinFor(c, target.id, version, refs));
        return pins.get(key)!;
      };

      let sinceBeat = 0;
      await inOrderWindow(
        todo,
        SIGNALS_IN_FLIGHT,
        async (c) => moveCase(client, c.caseId, await pinFor(c)),
        (c, outcome) => {
          if (outcome === 'MOVED') progress.moved++;
          else progress.failed.push({ caseId: c.caseId, reason: outcome });
          progress.doneThrough = c.caseId;
          // The SDK sends at most one heartbeat per throttle interval; this only bounds the copies.
          if (++sinceBeat === SIGNALS_IN_FLIGHT) {
            sinceBeat = 0;
            Context.current().heartbeat(progress);
          }
        },
      );
      return { moved: progress.moved, failed: progress.failed, last: rows.at(-1)?.caseId ?? null, done: rows.length < limit };
    },
  };
}

async function moveCase(client: Client, caseId: string, pin: PinnedSla | RolloutFailureReason): Promise<'MOVED' | RolloutFailureReason> {
  if (typeof pin === 'string') return pin;
  try {
    await client.workflow.getHandle(caseWorkflowId(caseId)).signal(policyChangedSignal, pin);
    return 'MOVED';
  } catch (err) {
    // Completed since the read model saw it open: nothing left to move. Anything else
    // (an outage) fails the attempt, which the retry resumes from the last heartbeat.
    if (err instanceof WorkflowNotFoundError) return 'CASE_ENDED';
    throw err;
  }
}

