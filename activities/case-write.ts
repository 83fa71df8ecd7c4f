// One case write in one transaction: its new log entries (keyed by case and sequence),
// its outbox rows, and its read-model row, which only moves forward: a late retry
// carrying an older revision never rolls the row back. Writes run as local activities,
// whose effects can outlive a workflow task that then failed: so a write overwrites what
// it finds under the same keys, and the newest write removes log entries and unsent
// notices past its own snapshot (they belong to a course the case did not take). Known
// gap: if the failed task wrote two batches (revision R+1), the retried course's write R
// is older and leaves the row and the extra entries until its own R+1 write replaces them.
import { and, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, interactions, outbox } from '../db/schema';
import type { PersistCaseInput } from './types';
import { storable } from './storable';
import { caseFigures } from './case-figures';

/**
 * The breaches this write records: a case logs an SLA_BREACHED entry as it appends the
 * breach to its list, so this batch's k such entries are the list's last k. Clock names
 * and instants only (what the case's people wrote is never among them).
 */
export function breachesRecorded(input: Pick<PersistCaseInput, 'interactions' | 'snapshot'>): Array<{ clock: string; due: string }> {
  const count = input.interactions.filter((i) => i.kind === 'SLA_BREACHED').length;
  return count === 0 ? [] : input.snapshot.breaches.slice(-count).map((b) => ({ clock: b.clock, due: b.due }));
}

export async function writeCase(db: Db, input: Omit<PersistCaseInput, 'requestIds' | 'reportRefusal'>, noticeState: 'PENDING' | 'SKIPPED' = 'PENDING'): Promise<void> {
  const { caseId, interactions: entries, notices, snapshot } = storable(input);
  const figures = await caseFigures(db, snapshot);
  await db.transaction(async (tx) => {
    if (entries.length > 0) {
      const rows = entries.map((i) => ({ caseId, seq: i.seq, at: new Date(i.at), actorId: i.actorId, actorRole: i.actorRole, channel: i.channel, kind: i.kind, content: i.content ?? null, measures: i.measures ?? null, result: i.result ?? null, visibleToCustomer: i.visibleToCustomer }));
      await tx.insert(interactions).values(rows).onConflictDoUpdate({ target: [interactions.caseId, interactions.seq], set: overwrite(interactions, ['at', 'actorId', 'actorRole', 'channel', 'kind', 'content', 'measures', 'result', 'visibleToCustomer']) });
    }
    if (notices.length > 0) {
      await tx
        .insert(outbox)
        .values(notices.map((n) => ({ eventId: n.eventId, caseId, eventSeq: n.eventSeq, type: n.type, payload: n, state: noticeState })))
        .onConflictDoUpdate({ target: outbox.eventId, set: overwrite(outbox, ['type', 'payload', 'eventSeq']), setWhere: undelivered });
    }
    const row = { ...readModelRow(caseId, snapshot), ...figures };
    const { caseId: _key, ...changes } = row;
    const newest = await tx
      .insert(cases)
      .values(row)
      .onConflictDoUpdate({ target: cases.caseId, set: changes, setWhere: sql`${cases.version} <= excluded.version` })
      .returning({ caseId: cases.caseId });
    if (newest.length === 0) return; // a late, older write: a newer one already said more
    // What lies past this snapshot was written by a workflow task that failed after its
    // local activity ran (the case then took another course): it never happened.
    await tx.delete(interactions).where(and(eq(interactions.caseId, caseId), gt(interactions.seq, snapshot.seq)));
    await tx.delete(outbox).where(and(eq(outbox.caseId, caseId), gt(outbox.eventSeq, snapshot.noticeCount), undelivered));
  });
}

// Not sent yet, nor being sent: a notice of a course the case did not take may still be replaced.
const undelivered = sql`${outbox.state} in ('PENDING', 'SKIPPED', 'FAILED')`;

/** `SET column = excluded.column` for each named column. */
function overwrite<T extends object>(table: T, columns: (keyof T & string)[]): Record<string, SQL> {
  return Object.fromEntries(columns.map((c) => [c, sql.raw(`excluded.${(table[c] as unknown as { name: string }).name}`)]));
}

function readModelRow(caseId: string, snapshot: PersistCaseInput['snapshot']) {
  return {
    caseId,
    customerId: snapshot.customerId,
    status: snapshot.status,
    closeReason: snapshot.closeReason ?? null,
    priority: snapshot.priority,
    category: snapshot.category,
    channel: snapshot.channel,
    level: snapshot.level,
    unit: snapshot.unit,
    assignee: snapshot.assignee ?? null,
    slaBreached: snapshot.slaBreached,
    nextDeadlineAt: snapshot.nextDeadline ? new Date(snapshot.nextDeadline.due) : null,
    nextDeadlineKind: snapshot.nextDeadline?.kind ?? null,
    openedAt: new Date(snapshot.openedAt),
    resolvedAt: snapshot.resolvedAt ? new Date(snapshot.resolvedAt) : null,
    closedAt: snapshot.closedAt ? new Date(snapshot.closedAt) : null,
    updatedAt: new Date(),
    version: snapshot.revision,
    snapshot,
  };
}
