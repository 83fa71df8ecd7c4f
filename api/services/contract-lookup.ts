// Reads an organisation's service-contract versions: all of them, or the one in force
// at an instant (domain/contract-terms.ts says which that is).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractVersions } from '../../db/schema';
import { versionInForce, type ContractTerms, type ContractVersion } from '../../domain/contract-terms';

type Row = typeof contractVersions.$inferSelect;

export const toContractVersion = (r: Row): ContractVersion & { createdAt: Date } => ({
  organisationId: r.organisationId,
  version: r.version,
  effectiveFrom: r.effectiveFrom,
  terms: r.terms as ContractTerms,
  createdAt: r.createdAt,
});

/** The versions of one organisation, or of several at once, in version order. */
export async function contractVersionsOf(db: Db, organisationId: string | string[]) {
  const which = typeof organisationId === 'string' ? eq(contractVersions.organisationId, organisationId) : inArray(contractVersions.organisationId, organisationId);
  const rows = await db.select().from(contractVersions).where(which).orderBy(contractVersions.organisationId, contractVersions.version);
  return rows.map(toContractVersion);
}

/** The version in force at `at`; versions are few per organisation, so the domain rule picks it. */
export async function contractVersionInForce(db: Db, organisationId: string, at: Date): Promise<ContractVersion | undefined> {
  return versionInForce(await contractVersionsOf(db, organisationId), at);
}
