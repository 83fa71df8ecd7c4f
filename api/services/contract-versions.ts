// Service-contract versions (issue 12): an admin adds a version with the date it takes
// effect; it is checked like an SLA policy (every rule must yield deadlines on its
// calendar) and audited with the change. Versions take effect in the order they are
// numbered: a new version's effectiveFrom is never before the latest one's, so the
// version in force is always the highest one already effective, and a case re-pinned to
// a contract never meets a lower version than the one it holds (it would ignore it).
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { contractVersions, organisations } from '../../db/schema';
import type { Actor } from '../../domain/case-types';
import { contractPolicy, validateContractTerms, type ContractTerms, type ContractVersion } from '../../domain/contract-terms';
import { notFound, unprocessable } from '../problem';
import type { contractVersionBody } from '../schemas/organisations';
import { toContractVersion } from './contract-lookup';
import { audit } from './organisations';
import { everyRuleComputable } from './reference-data';
import { latestCalendar } from './sla-lookup';

type Body = z.infer<typeof contractVersionBody>;

export const contractVersionAnswer = (v: ContractVersion & { createdAt: Date }) => ({
  organisationId: v.organisationId,
  version: v.version,
  effectiveFrom: v.effectiveFrom.toISOString(),
  createdAt: v.createdAt.toISOString(),
  terms: v.terms,
});

async function checkedTerms(db: Db, organisationId: string, body: Body, now: Date): Promise<ContractTerms> {
  const { effectiveFrom: _from, ...rest } = body;
  let terms: ContractTerms;
  try {
    terms = validateContractTerms(rest);
  } catch (e) {
    throw unprocessable((e as Error).message);
  }
  const calendar = await latestCalendar(db, terms.calendarId);
  if (!calendar) throw unprocessable(`no calendar ${terms.calendarId}`);
  everyRuleComputable(contractPolicy({ organisationId, version: 1, terms }), calendar, now);
  return terms;
}

/**
 * Saves the version and, in the same transaction, calls `onSaved` (which schedules its
 * roll-out): if that fails, the version is not saved and the admin can simply retry.
 */
export async function addContractVersion<T>(
  db: Db,
  actor: Actor,
  organisationId: string,
  body: Body,
  now: Date,
  onSaved: (v: ContractVersion) => Promise<T>,
): Promise<{ version: ContractVersion & { createdAt: Date }; scheduled: T }> {
  const terms = await checkedTerms(db, organisationId, body, now);
  const effectiveFrom = body.effectiveFrom ? new Date(body.effectiveFrom) : now;
  return db.transaction(async (tx) => {
    // The organisation's row is the lock: two admins adding versions at once get 1 and 2.
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update');
    if (!org) throw notFound(`no organisation ${organisationId}; create it first (PUT /v1/admin/organisations/${organisationId})`);
    const [latest] = await tx.select().from(contractVersions).where(eq(contractVersions.organisationId, organisationId)).orderBy(desc(contractVersions.version)).limit(1);
    if (latest && effectiveFrom.getTime() < latest.effectiveFrom.getTime()) {
      throw unprocessable(`effectiveFrom must not be before ${latest.effectiveFrom.toISOString()}, when version ${latest.version} takes effect: versions take effect in order`);
    }
    const version = (latest?.version ?? 0) + 1;
    const [inserted] = await tx.insert(contractVersions).values({ organisationId, version, effectiveFrom, terms, createdAt: now }).returning();
    await audit(tx, actor, organisationId, 'CONTRACT_VERSION_ADDED', { version, effectiveFrom: effectiveFrom.toISOString(), calendarId: terms.calendarId });
    const saved = toContractVersion(inserted!);
    return { version: saved, scheduled: await onSaved(saved) };
  });
}

export async function getContractVersion(db: Db, organisationId: string, version: number) {
  const [row] = await db.select().from(contractVersions).where(and(eq(contractVersions.organisationId, organisationId), eq(contractVersions.version, version)));
  if (!row) throw notFound(`organisation ${organisationId} has no contract version ${version}`);
  return contractVersionAnswer(toContractVersion(row));
}
