// One case write in one transaction: its new log entries (exactly once, keyed by case
// and sequence), its outbox rows, and its read-model row, which only moves forward: a
// late retry carrying an older revision never rolls the row back.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, interactions, outbox } from '../db/schema';
import type { PersistCaseInput } from './types';
import { storable } from './storable';

export async function writeCase(db: Db, input: Omit<PersistCaseInput, 'requestIds' | 'reportRefusal'>, noticeState: 'PENDING' | 'SKIPPED' = 'PENDING'): Promise<void> {
  const { caseId, interactions: entries, notices, snapshot } = storable(input);
  await db.transaction(async (tx) => {
    if (entries.length > 0) {
      await tx
        .insert(interactions)
        .values(entries.map((i) => ({ caseId, seq: i.seq, at: new Date(i.at), actorId: i.actorId, actorRole: i.actorRole, channel: i.channel, kind: i.kind, content: i.content ?? null, measures: i.measures ?? null, result: i.result ?? null, visibleToCustomer: i.visibleToCustomer })))
        .onConflictDoNothing();
    }
    if (notices.length > 0) {
      await tx
        .insert(outbox)
        .values(notices.map((n) => ({ eventId: n.eventId, caseId, eventSeq: n.eventSeq, type: n.type, payload: n, state: noticeState })))
        .onConflictDoNothing();
    }
    const row = {
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
    const { caseId: _key, ...changes } = row;
    await tx
      .insert(cases)
      .values(row)
      .onConflictDoUpdate({ target: cases.caseId, set: changes, setWhere: sql`${cases.version} < excluded.version` });
  });
}
