// Who decides a case's SLA (issue 12): the organisation's service contract. A customer
// never chooses one; staff name a policy only for an organisation without a contract in
// force (the provider's own choice where no contract binds it). Opening a case and the
// SLA preview both ask here, so the preview answers what opening would do.
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/case-types';
import type { SlaPolicy } from '../../domain/sla-policy';
import { Problem } from '../problem';
import { contractVersionInForce } from './contract-lookup';
import { defaultPolicy, latestPolicy, policyFor } from './sla-lookup';

const refused = (detail: string): Problem =>
  new Problem({ status: 422, title: 'Unprocessable Content', detail, errors: [{ path: 'slaPolicyId', message: detail }] });

/**
 * The policy for a case of `organisationId` opened at `at`, or (preview only, staff, no
 * organisation named) the named or default policy. Refuses a choice nobody may make.
 */
export async function chosenPolicy(db: Db, ask: { organisationId?: string; slaPolicyId?: string }, actor: Actor, at: Date): Promise<SlaPolicy> {
  if (ask.slaPolicyId === undefined) return ask.organisationId === undefined ? defaultPolicy(db) : policyFor(db, ask.organisationId, at);
  if (actor.role === 'customer') {
    throw refused('a customer cannot choose an SLA policy: the organisation\'s service contract decides it; leave slaPolicyId out');
  }
  if (ask.organisationId !== undefined) {
    const contract = await contractVersionInForce(db, ask.organisationId, at);
    if (contract) {
      throw refused(`organisation ${ask.organisationId} has a service contract in force (version ${contract.version}); its cases take their SLA from it, so leave slaPolicyId out`);
    }
  }
  const named = await latestPolicy(db, ask.slaPolicyId);
  if (!named) throw refused(`no SLA policy ${ask.slaPolicyId}`);
  return named;
}
