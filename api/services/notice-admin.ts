// The outbox for admins: list notices by state (failed ones first of all) and redrive
// failed ones now. Redriving makes the notice due and wakes the notice relay workflow,
// which delivers it (and the case's later notices, in order) through the usual path.
import type { Client } from '@temporalio/client';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { CASE_TASK_QUEUE } from '../../workflows/case/contract';
import { NOTICE_RELAY_WORKFLOW_ID, NOTICE_RELAY_WORKFLOW_TYPE, redriveSignal } from '../../workflows/notices/contract';
import { badRequest, conflict, notFound } from '../problem';
import type { ListNoticesQuery } from '../schemas/notices';

type Row = typeof outbox.$inferSelect;

// Keyed by case and sequence: exact (created_at has microseconds a JS date drops), and a
// case's notices stay together in their delivery order.
const encodeCursor = (r: Row): string => Buffer.from(JSON.stringify({ c: r.caseId, s: r.eventSeq })).toString('base64url');
function decodeCursor(raw: string): { c: string; s: number } {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { c: unknown; s: unknown };
    if (typeof c.c !== 'string' || !Number.isSafeInteger(c.s)) throw new Error();
    return { c: c.c, s: c.s as number };
  } catch {
    throw badRequest('the cursor is not one this API issued');
  }
}

/** Codes only: rows written before errors were codes may hold a receiver's message. */
const errorCode = (e: string | null): string | null => (e === null || /^[A-Z][A-Z0-9_]{0,40}$/.test(e) ? e : 'UNCLASSIFIED');

const noticeView = (r: Row) => ({
  eventId: r.eventId,
  caseId: r.caseId,
  eventSeq: r.eventSeq,
  type: r.type,
  state: r.state,
  attempts: r.attempts,
  createdAt: r.createdAt.toISOString(),
  nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  lastError: errorCode(r.lastError),
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
});

export async function listNotices(db: Db, q: ListNoticesQuery) {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.state, q.state), after ? sql`(${outbox.caseId}, ${outbox.eventSeq}) > (${after.c}, ${after.s}::int)` : undefined))
    .orderBy(asc(outbox.caseId), asc(outbox.eventSeq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { items: page.map(noticeView), nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)!) : null };
}

/** Starts the relay if it is not running (a fresh namespace), else just signals it. */
async function wakeRelay(client: Client, taskQueue: string): Promise<void> {
  await client.workflow.signalWithStart(NOTICE_RELAY_WORKFLOW_TYPE, {
    workflowId: NOTICE_RELAY_WORKFLOW_ID,
    taskQueue,
    args: [{}],
    signal: redriveSignal,
  });
}

export async function redriveNotice(db: Db, client: Client, eventId: string, taskQueue = CASE_TASK_QUEUE) {
  const [row] = await db.select().from(outbox).where(eq(outbox.eventId, eventId));
  if (!row) throw notFound(`no notice ${eventId}`);
  // Only a failed notice waits for a retry; any other is delivered, set aside, or on its way.
  const [due] = await db
    .update(outbox)
    .set({ nextAttemptAt: new Date() })
    .where(and(eq(outbox.eventId, eventId), eq(outbox.state, 'FAILED')))
    .returning();
  if (!due) throw conflict(`notice ${eventId} is ${row.state}: only a FAILED notice can be redriven`);
  await wakeRelay(client, taskQueue);
  return noticeView(due);
}

export async function redriveAll(db: Db, client: Client, taskQueue = CASE_TASK_QUEUE) {
  const rows = await db.update(outbox).set({ nextAttemptAt: new Date() }).where(eq(outbox.state, 'FAILED')).returning({ eventId: outbox.eventId });
  await wakeRelay(client, taskQueue);
  return { redriven: rows.length };
}
