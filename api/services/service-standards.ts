// C4.2: an organisation's service standards as its customers may read them: service
// hours, response times per priority, the escalation path and the appeal window, from
// the contract in force (or the provider default, for an organisation without one).
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/case-types';
import { contractPolicy } from '../../domain/contract-terms';
import { PROVIDER_ESCALATION_PATH, serviceStandards } from '../../domain/contract-standards';
import { badRequest, forbidden, unprocessable } from '../problem';
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
