// Customer organisations (issue 12): admins create and rename them; every change is
// audited (who, what, when) in the same transaction as the change itself.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisationAudit, organisations } from '../../db/schema';
import { versionInForce } from '../../domain/contract-terms';
import type { Actor } from '../../domain/case-types';
import { notFound } from '../problem';
import type { ORGANISATION_AUDIT_ACTIONS } from '../schemas/organisations';
import { contractVersionsOf } from './contract-lookup';

export type AuditAction = (typeof ORGANISATION_AUDIT_ACTIONS)[number];
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** One audit row: IDs, version numbers and field names only, never what people wrote. */
export async function audit(tx: Db | Tx, actor: Actor, organisationId: string, action: AuditAction, detail: Record<string, unknown>): Promise<void> {
  await tx.insert(organisationAudit).values({ actorId: actor.id, organisationId, action, detail });
}

type OrganisationRow = typeof organisations.$inferSelect;
type Versions = Awaited<ReturnType<typeof contractVersionsOf>>;

function organisationAnswer(org: OrganisationRow, versions: Versions, now: Date) {
  return {
    id: org.id,
    name: org.name,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    contractInForce: versionInForce(versions, now)?.version ?? null,
    contractVersions: versions.map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom.toISOString(), createdAt: v.createdAt.toISOString() })),
  };
}

export async function getOrganisation(db: Db, id: string, now: Date) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!org) throw notFound(`no organisation ${id}`);
  return organisationAnswer(org, await contractVersionsOf(db, id), now);
}

/** The first 1,000 by ID, with their versions: two queries, whatever the count. */
export async function listOrganisations(db: Db, now: Date) {
  const orgs = await db.select().from(organisations).orderBy(organisations.id).limit(1000);
  const versions = orgs.length === 0 ? [] : await contractVersionsOf(db, orgs.map((o) => o.id));
  return orgs.map((org) => organisationAnswer(org, versions.filter((v) => v.organisationId === org.id), now));
}

/** Creates the organisation or renames it; 201 when new. */
export async function saveOrganisation(db: Db, actor: Actor, id: string, body: { name: string }, now: Date) {
  const created = await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
    if (!existing) {
      const inserted = await tx.insert(organisations).values({ id, name: body.name, createdAt: now, updatedAt: now }).onConflictDoNothing().returning();
      // A concurrent create won the race: this request is then a rename like any other.
      if (inserted.length === 1) {
        await audit(tx, actor, id, 'ORGANISATION_CREATED', { fields: ['name'] });
        return true;
      }
    }
    if (existing?.name !== body.name) {
      await tx.update(organisations).set({ name: body.name, updatedAt: now }).where(eq(organisations.id, id));
      await audit(tx, actor, id, 'ORGANISATION_RENAMED', { fields: ['name'] });
    }
    return false;
  });
  return { status: created ? 201 : 200, body: await getOrganisation(db, id, now) };
}

export async function organisationAuditTrail(db: Db, id: string) {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  if (!org) throw notFound(`no organisation ${id}`);
  const rows = await db.select().from(organisationAudit).where(eq(organisationAudit.organisationId, id)).orderBy(desc(organisationAudit.id)).limit(500);
  return { items: rows.map((r) => ({ at: r.at.toISOString(), actorId: r.actorId, action: r.action as AuditAction, detail: r.detail as Record<string, unknown> })) };
}
