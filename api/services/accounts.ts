// C2.2(a): customer account look-ups. Only staff working an open case of that
// customer may look, each look-up is audited (who, when, case, purpose), and the back
// office keeps the account data current.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { accountLookups, cases, customerAccounts } from '../../db/schema';
import type { Actor } from '../../domain/case-types';
import { forbidden, notFound } from '../problem';

export async function lookUpAccount(db: Db, actor: Actor, customerId: string, caseId: string, purpose: string) {
  const [open] = await db
    .select({ caseId: cases.caseId })
    .from(cases)
    .where(and(eq(cases.caseId, caseId), eq(cases.customerId, customerId), ne(cases.status, 'CLOSED')));
  if (!open) throw forbidden(`account look-ups need an open case of customer ${customerId}; ${caseId} is not one`);
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.customerId, customerId));
  if (!account) throw notFound(`no account on record for customer ${customerId}`);
  await db.insert(accountLookups).values({ actorId: actor.id, caseId, customerId, purpose });
  return { customerId, name: account.name, details: account.details, updatedAt: account.updatedAt.toISOString() };
}

export async function saveAccount(db: Db, customerId: string, body: { name: string; details: Record<string, unknown> }) {
  const row = { customerId, name: body.name, details: body.details, updatedAt: new Date() };
  await db.insert(customerAccounts).values(row).onConflictDoUpdate({ target: customerAccounts.customerId, set: { name: row.name, details: row.details, updatedAt: row.updatedAt } });
  return { ...row, updatedAt: row.updatedAt.toISOString() };
}

export async function lookupAudit(db: Db, customerId: string) {
  const rows = await db.select().from(accountLookups).where(eq(accountLookups.customerId, customerId)).orderBy(accountLookups.id);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
