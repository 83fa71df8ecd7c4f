// Finds the SLA a new case pins: the newest version of its policy, the priority's
// (and category's) rule, and the policy's calendar, by value.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { calendars, slaPolicies } from '../../db/schema';
import type { CalendarSpec } from '../../domain/business-calendar';
import type { Category, Priority } from '../../domain/case-types';
import { resolveSlaRule, type SlaPolicy } from '../../domain/sla-policy';
import type { PinnedSla } from '../../workflows/case/contract';
import { unprocessable } from '../problem';
import { computableDeadlines } from './sla-deadlines';

export async function latestPolicy(db: Db, policyId: string): Promise<SlaPolicy | undefined> {
  const [row] = await db.select().from(slaPolicies).where(eq(slaPolicies.id, policyId)).orderBy(desc(slaPolicies.version)).limit(1);
  return row ? (row.policy as SlaPolicy) : undefined;
}

export async function latestCalendar(db: Db, calendarId: string): Promise<CalendarSpec | undefined> {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, calendarId)).orderBy(desc(calendars.version)).limit(1);
  return row ? (row.spec as CalendarSpec) : undefined;
}

export async function pinSla(db: Db, policyId: string, priority: Priority, category: Category): Promise<PinnedSla> {
  const policy = await latestPolicy(db, policyId);
  if (!policy) throw unprocessable(`no SLA policy ${policyId}`);
  const calendar = await latestCalendar(db, policy.calendarId);
  if (!calendar) throw unprocessable(`SLA policy ${policyId} names unknown calendar ${policy.calendarId}`);
  const rule = resolveSlaRule(policy, priority, category);
  // Refuse here rather than start a workflow that cannot compute its first deadline.
  computableDeadlines(rule, calendar, new Date(), `SLA policy ${policyId} on calendar ${policy.calendarId}`);
  return { policyId: policy.id, policyVersion: policy.version, rule, calendarId: policy.calendarId, calendar };
}

