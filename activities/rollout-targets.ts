// The target kinds a roll-out knows (an SLA policy, a calendar, an organisation's service
// contract): which open cases each moves, and onto what pin.
// A new kind adds an entry here (TypeScript asks for it once the kind joins
// RolloutTarget in workflows/rollout/contract.ts) and its version in
// api/services/policy-rollout.ts.
import { sql, type SQL } from 'drizzle-orm';
import { cases } from '../db/schema';
import { createBusinessCalendar, type CalendarSpec } from '../domain/business-calendar';
import type { Category, Priority } from '../domain/case-types';
import { contractPolicyId } from '../domain/contract-terms';
import { previewDeadlines, resolveSlaRule, type SlaPolicy } from '../domain/sla-policy';
import type { PinnedSla } from '../workflows/case/contract';
import type { RolloutFailureReason, RolloutTargetKind } from '../workflows/rollout/contract';
import type { ReferenceLookups } from './rollout-references';

/** What a roll-out reads of an open case from the read model. */
export interface RolloutCase {
  caseId: string;
  customerId: string;
  priority: Priority;
  category: Category;
  policyId: string;
  policyVersion: number;
  calendarId: string;
}

export interface RolloutTargetRules {
  /** Which cases the roll-out moves, besides being open: a condition on `cases`. */
  selects(id: string, version: number): SQL;
  /** The case's new pin, or why it cannot have one. */
  pinFor(c: RolloutCase, id: string, version: number, refs: ReferenceLookups): Promise<PinnedSla | RolloutFailureReason>;
  /** A later version that has replaced this one before the roll-out ran, if the kind has such (then nothing moves). */
  supersededBy?(id: string, version: number, refs: ReferenceLookups): Promise<number | undefined>;
}

/** The read-model columns behind RolloutCase (the pin lives in the snapshot). */
export const pinnedPolicyId = sql<string>`${cases.snapshot} -> 'policy' ->> 'id'`;
export const pinnedPolicyVersion = sql<number>`(${cases.snapshot} -> 'policy' ->> 'version')::int`;
export const pinnedCalendarId = sql<string>`${cases.snapshot} ->> 'calendarId'`;
/** Cases pinned before the version was recorded have none: a calendar roll-out moves them (-1). */
export const pinnedCalendarVersion = sql<number>`coalesce((${cases.snapshot} ->> 'calendarVersion')::int, -1)`;

export const ROLLOUT_TARGETS: Record<RolloutTargetKind, RolloutTargetRules> = {
  /** Cases of the policy on an older version move to this version and its calendar's newest. */
  policy: {
    selects: (id, version) => sql`${pinnedPolicyId} = ${id} and ${pinnedPolicyVersion} < ${version}`,
    pinFor: (c, id, version, refs) => pinOnPolicyVersion(c, id, version, refs),
  },
  /**
   * Cases under an organisation's service contract on an older contract version move to
   * this version (the one in force when the roll-out was asked for). Cases the
   * organisation opened before it had a contract keep the policy they opened under.
   */
  organisation: {
    selects: (id, version) => sql`${pinnedPolicyId} = ${contractPolicyId(id)} and ${pinnedPolicyVersion} < ${version}`,
    pinFor: (c, id, version, refs) => pinOnPolicyVersion(c, contractPolicyId(id), version, refs),
    // Versions N and N+1 saved with the same effectiveFrom: N's delayed roll-out fires but
    // N+1 is in force, so moving cases to N would only undo them a moment later.
    async supersededBy(id, version, refs) {
      const inForce = await refs.contractVersionInForce(id, new Date());
      return inForce !== undefined && inForce > version ? inForce : undefined;
    },
  },
  /**
   * Cases on an older version of the calendar keep their policy version's rule and move to
   * this calendar version; cases already on it are left alone, so asking again is cheap.
   */
  calendar: {
    selects: (id, version) => sql`${pinnedCalendarId} = ${id} and ${pinnedCalendarVersion} < ${version}`,
    async pinFor(c, id, version, refs) {
      const policy = await refs.policy(c.policyId, c.policyVersion);
      if (!policy) return 'POLICY_MISSING';
      const calendar = await refs.calendar(id, version);
      if (!calendar) return 'CALENDAR_MISSING';
      return pinOf(policy, c, id, calendar.version, calendar.spec);
    },
  },
};

async function pinOnPolicyVersion(c: RolloutCase, policyId: string, version: number, refs: ReferenceLookups): Promise<PinnedSla | RolloutFailureReason> {
  const policy = await refs.policy(policyId, version);
  if (!policy) return 'POLICY_MISSING';
  const calendar = await refs.calendar(policy.calendarId);
  if (!calendar) return 'CALENDAR_MISSING';
  return pinOf(policy, c, policy.calendarId, calendar.version, calendar.spec);
}

/**
 * The pin, if its rule yields deadlines on the calendar. A case ignores a pin it cannot
 * compute with (a signal cannot be refused), so sending one would report a move that
 * never happened.
 */
export function pinOf(policy: SlaPolicy, c: RolloutCase, calendarId: string, calendarVersion: number, calendar: CalendarSpec): PinnedSla | RolloutFailureReason {
  try {
    const rule = resolveSlaRule(policy, c.priority, c.category);
    previewDeadlines(rule, createBusinessCalendar(calendar), new Date());
    return { policyId: policy.id, policyVersion: policy.version, rule, calendarId, calendarVersion, calendar };
  } catch {
    return 'DEADLINES_NOT_COMPUTABLE';
  }
}
