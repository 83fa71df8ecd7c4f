// Finds the SLA a new case pins: the policy (a named one, newest version, or the service
// contract in force for the case's organisation), the priority's (and category's) rule,
// and the policy's calendar, by value. Roll-outs find theirs in activities/rollout-targets.ts.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars, slaPolicies } from '../../db/schema';
import type { CalendarSpec } from '../../domain/business-calendar';
import type { Category, Priority } from '../../domain/case-types';
import { contractPolicy } from '../../domain/contract-terms';
import { DEFAULT_SLA_POLICY, resolveSlaRule, type SlaPolicy } from '../../domain/sla-policy';
import type { PinnedSla } from '../../workflows/case/contract';
import { unprocessable } from '../problem';
import { contractVersionInForce } from './contract-lookup';
import { computableDeadlines } from './sla-deadlines';

export async function latestPolicy(db: Db, policyId: string): Promise<SlaPolicy | undefined> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, policyId)).orderBy(desc(slaPolicies.version)).limit(1);
  return row ? (row.policy as SlaPolicy) : undefined;
}

export async function latestCalendar(db: Db, calendarId: string): Promise<CalendarSpec | undefined> {
  return (await newestCalendarVersion(db, calendarId))?.spec;
}

/** A calendar's newest version: its number (which a case pins beside the spec) and spec. */
export async function newestCalendarVersion(db: Db, calendarId: string): Promise<{ version: number; spec: CalendarSpec } | undefined> {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, calendarId)).orderBy(desc(calendars.version)).limit(1);
  return row ? { version: row.version, spec: row.spec as CalendarSpec } : undefined;
}

/**
 * The policy an organisation's new case gets at `at`: its service contract in force then,
 * or, for an organisation without one, the provider's default policy (documented in
 * docs/ARCHITECTURE.md, "Organisations and their contracts").
 */
export async function policyFor(db: Db, organisationId: string, at: Date): Promise<SlaPolicy> {
  const contract = await contractVersionInForce(db, organisationId, at);
  return contract ? contractPolicy(contract) : defaultPolicy(db);
}

/** The provider's default policy, newest version (seeded with every installation). */
export async function defaultPolicy(db: Db): Promise<SlaPolicy> {
  const policy = await latestPolicy(db, DEFAULT_SLA_POLICY.id);
  if (!policy) throw unprocessable(`there is no SLA policy ${DEFAULT_SLA_POLICY.id} to fall back on`);
  return policy;
}

/** The pinned SLA of a policy's rule for a priority and category; 422 if it cannot produce deadlines from `at`. */
export async function pinPolicy(db: Db, policy: SlaPolicy, priority: Priority, category: Category, at: Date): Promise<PinnedSla> {
  const what = `SLA policy ${policy.id} version ${policy.version}`;
  const newest = await newestCalendarVersion(db, policy.calendarId);
  if (!newest) throw unprocessable(`${what} names unknown calendar ${policy.calendarId}`);
  const { version: calendarVersion, spec: calendar } = newest;
  const rule = resolveSlaRule(policy, priority, category);
  // Refuse here rather than start a workflow that cannot compute its first deadline.
  computableDeadlines(rule, calendar, at, `${what} on calendar ${policy.calendarId}`);
  return { policyId: policy.id, policyVersion: policy.version, rule, calendarId: policy.calendarId, calendarVersion, calendar };
}
