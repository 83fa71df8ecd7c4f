// The provider's authority matrix in PostgreSQL: the version in force, saving a new one
// (guarded against a concurrent save), and every saved version as its audit trail.
import { desc, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authorityMatrixVersions } from '../../db/schema';
import { DEFAULT_AUTHORITY_MATRIX, type AuthorityMatrix } from '../../domain/authority-matrix';
import type { Actor } from '../../domain/case-types';
import { conflict } from '../problem';
import type { AuthorityMatrixBody, AuthorityVersionsQuery } from '../schemas/authority';

export interface MatrixVersion extends AuthorityMatrix {
  version: number;
  savedBy: string | null;
  savedAt: string | null;
}

const BUILT_IN: MatrixVersion = { version: 0, ...DEFAULT_AUTHORITY_MATRIX, savedBy: null, savedAt: null };

type Row = typeof authorityMatrixVersions.$inferSelect;
const fromRow = (r: Row): MatrixVersion => ({
  version: r.version,
  roles: r.roles as AuthorityMatrix['roles'],
  agents: r.agents as AuthorityMatrix['agents'],
  savedBy: r.savedBy,
  savedAt: r.savedAt.toISOString(),
});

/** The newest saved version, or the built-in one while none is saved. */
export async function matrixInForce(db: Db): Promise<MatrixVersion> {
  const [row] = await db.select().from(authorityMatrixVersions).orderBy(desc(authorityMatrixVersions.version)).limit(1);
  return row ? fromRow(row) : BUILT_IN;
}

/**
 * Saves the matrix as the version after `basedOnVersion`, which must be the one in force.
 * Two admins saving from the same version both aim at the same next version; the primary
 * key lets one in and the other gets 409, so no edit silently overwrites another.
 */
export async function saveMatrix(db: Db, actor: Actor, body: AuthorityMatrixBody): Promise<MatrixVersion> {
  const stale = () => conflict(`the authority matrix changed since version ${body.basedOnVersion}: read it again and reapply your edit`);
  const current = await matrixInForce(db);
  if (current.version !== body.basedOnVersion) throw stale();
  const [row] = await db
    .insert(authorityMatrixVersions)
    .values({ version: body.basedOnVersion + 1, roles: body.roles, agents: body.agents, savedBy: actor.id })
    .onConflictDoNothing()
    .returning();
  if (!row) throw stale();
  return fromRow(row);
}

/** Saved versions, newest first, a page at a time; version 0 is built in and never listed. */
export async function matrixVersions(db: Db, q: AuthorityVersionsQuery): Promise<{ items: MatrixVersion[]; nextBefore: number | null }> {
  const rows = await db
    .select()
    .from(authorityMatrixVersions)
    .where(q.before === undefined ? undefined : lt(authorityMatrixVersions.version, q.before))
    .orderBy(desc(authorityMatrixVersions.version))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(fromRow);
  return { items, nextBefore: rows.length > q.limit ? items.at(-1)!.version : null };
}
