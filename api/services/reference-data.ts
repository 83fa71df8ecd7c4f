// SLA policies and business calendars: read by everyone who may, written (as a new
// version) by admins; and the SLA preview, "if a case opened now, when is what due?" (C4.2).
import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { calendars, slaPolicies } from '../../db/schema';
import { createBusinessCalendar, validateCalendarSpec, type CalendarSpec } from '../../domain/business-calendar';
import { PRIORITIES, resolveSlaRule, validateSlaPolicy, type SlaPolicy } from '../../domain/sla-policy';
import type { Actor } from '../../domain/case-types';
import { forbidden, notFound, unprocessable } from '../problem';
import { chosenPolicy } from './sla-choice';
import type { calendarBody, previewBody, slaPolicyBody } from '../schemas/reference';
import { computableDeadlines } from './sla-deadlines';
import { latestCalendar, latestPolicy } from './sla-lookup';


/** The newest version of each calendar. */
export const listCalendars = async (db: Db) =>
  (await db.selectDistinctOn([calendars.id]).from(calendars).orderBy(calendars.id, desc(calendars.version))).map((r) => ({
    id: r.id,
    version: r.version,
    name: r.name,
    spec: r.spec,
  }));

export async function getCalendar(db: Db, id: string) {
  const [row] = await db.select().from(calendars).where(eq(calendars.id, id)).orderBy(desc(calendars.version)).limit(1);
  if (!row) throw notFound(`no calendar ${id}`);
  return { id: row.id, version: row.version, name: row.name, spec: row.spec };
}

export async function saveCalendar(db: Db, body: z.infer<typeof calendarBody>) {
  let spec: CalendarSpec;
  try {
    spec = validateCalendarSpec(body.spec);
    // A calendar with no business time ahead would stall every case that used it.
    createBusinessCalendar(spec).nextBusinessTime(new Date());
  } catch (e) {
    throw unprocessable((e as Error).message);
  }
  const version = await nextVersion(db, calendars, body.id);
  await db.insert(calendars).values({ id: body.id, version, name: body.name, spec });
  return { id: body.id, version, name: body.name, spec };
}

export async function listPolicies(db: Db) {
  return (await db.selectDistinctOn([slaPolicies.id]).from(slaPolicies).orderBy(slaPolicies.id, desc(slaPolicies.version))).map((r) => r.policy as SlaPolicy);
}

export async function getPolicy(db: Db, id: string): Promise<SlaPolicy> {
  const p = await latestPolicy(db, id);
  if (!p) throw notFound(`no SLA policy ${id}`);
  return p;
}

export async function savePolicy(db: Db, body: z.infer<typeof slaPolicyBody>): Promise<SlaPolicy> {
  const calendar = await latestCalendar(db, body.calendarId);
  if (!calendar) throw unprocessable(`no calendar ${body.calendarId}`);
  const version = await nextVersion(db, slaPolicies, body.id);
  let policy: SlaPolicy;
  try {
    policy = validateSlaPolicy({ ...body, version });
  } catch (e) {
    throw unprocessable((e as Error).message);
  }
  everyRuleComputable(policy, calendar, new Date());
  await db.insert(slaPolicies).values({ id: policy.id, version, name: policy.name, policy });
  return policy;
}

/** Every effective rule must yield deadlines on the calendar, or cases under it could not start (422). */
export function everyRuleComputable(policy: SlaPolicy, calendar: CalendarSpec, now: Date): void {
  for (const priority of PRIORITIES) {
    for (const category of [undefined, ...Object.keys(policy.categoryOverrides ?? {})]) {
      computableDeadlines(resolveSlaRule(policy, priority, category), calendar, now, `rules for ${priority}${category ? ` ${category}` : ''}`);
    }
  }
}

/** C4.2: the caller's contract decides (a customer's own organisation; staff name one, or a policy). */
export async function preview(db: Db, body: z.infer<typeof previewBody>, actor: Actor, now: Date) {
  const openedAt = body.openedAt ? new Date(body.openedAt) : now;
  if (actor.role === 'customer' && body.organisationId !== undefined && body.organisationId !== actor.customerId) {
    throw forbidden('customers preview their own organisation\'s contract only');
  }
  const organisationId = actor.role === 'customer' ? actor.customerId : body.organisationId;
  const ask = { ...(organisationId !== undefined ? { organisationId } : {}), ...(body.slaPolicyId !== undefined ? { slaPolicyId: body.slaPolicyId } : {}) };
  const policy = await chosenPolicy(db, ask, actor, openedAt);
  const spec = await latestCalendar(db, policy.calendarId);
  if (!spec) throw unprocessable(`SLA policy ${policy.id} names unknown calendar ${policy.calendarId}`);
  const rule = resolveSlaRule(policy, body.priority, body.category);
  const p = computableDeadlines(rule, spec, openedAt, `SLA policy ${policy.id} on calendar ${policy.calendarId}`);
  return { policy: { id: policy.id, version: policy.version }, calendarId: policy.calendarId, priority: body.priority, ...(body.category ? { category: body.category } : {}), ...p };
}

async function nextVersion(db: Db, table: typeof calendars | typeof slaPolicies, id: string): Promise<number> {
  const [row] = await db.select({ v: sql<number>`coalesce(max(${table.version}), 0)` }).from(table).where(eq(table.id, id));
  return Number(row?.v ?? 0) + 1;
}
