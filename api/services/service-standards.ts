// C4.2: an organisation's service standards as its customers may read them: service
// hours, response times per priority, the escalation path and the appeal window, from
// the contract in force (or the provider default, for an organisation without one).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, customerAccounts, organisations } from '../../db/schema';
import type { Actor } from '../../domain/case-types';
import { contractPolicy } from '../../domain/contract-terms';
import { PROVIDER_ESCALATION_PATH, serviceStandards } from '../../domain/contract-standards';
import { badRequest, forbidden, notFound, unprocessable } from '../problem';
import { contractVersionInForce } from './contract-lookup';
import { defaultPolicy, latestCalendar } from './sla-lookup';

/** A customer reads its own organisation's; staff name the organisation. */
export function standardsOrganisation(actor: Actor, asked: string | undefined): string {
  if (actor.role !== 'customer') {
    if (asked === undefined) throw badRequest('staff name the organisation: ?organisationId=...');
    return asked;
  }
  if (asked !== undefined && asked !== actor.customerId) throw forbidden('customers read their own organisation\'s service standards only');
  if (!actor.customerId) throw forbidden('this customer token names no organisation');
  return actor.customerId;
}

/**
 * Staff naming an organisation get its standards only if it is somebody: onboarded, a
 * customer account of the back office, or the customer of a case. A typo is a 404, not
 * the provider default dressed up as that organisation's standards.
 */
export async function assertKnownOrganisation(db: Db, id: string): Promise<void> {
  const found = async (q: Promise<unknown[]>) => (await q).length > 0;
  if (await found(db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).limit(1))) return;
  if (await found(db.select({ id: customerAccounts.customerId }).from(customerAccounts).where(eq(customerAccounts.customerId, id)).limit(1))) return;
  if (await found(db.select({ id: cases.caseId }).from(cases).where(eq(cases.customerId, id)).limit(1))) return;
  throw notFound(`no organisation ${id}`);
}

export async function standardsFor(db: Db, organisationId: string, at: Date) {
  const contract = await contractVersionInForce(db, organisationId, at);
  const policy = contract ? contractPolicy(contract) : await defaultPolicy(db);
  const calendar = await latestCalendar(db, policy.calendarId);
  if (!calendar) throw unprocessable(`the service hours name unknown calendar ${policy.calendarId}`);
  return {
    organisationId,
    contract: contract ? { version: contract.version, effectiveFrom: contract.effectiveFrom.toISOString() } : null,
    ...serviceStandards(policy, calendar, contract?.terms.escalationPath ?? PROVIDER_ESCALATION_PATH),
  };
}
