// Reads from the read model: case lists with filters and cursor pagination, and the
// interaction log. PostgreSQL answers these, not Temporal.
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases, interactions } from '../../db/schema';
import type { Actor } from '../../domain/case-types';
import { badRequest, forbidden, notFound } from '../problem';
import { customerListItem, customerLogEntry } from '../projection/customer-view';
import type { ListCasesQuery } from '../schemas/queries';
import { LIST_ORDERS } from './case-list-order';

export async function listCases(db: Db, q: ListCasesQuery, actor: Actor) {
  if (actor.role === 'customer' && q.customerId && q.customerId !== actor.customerId) {
    throw forbidden('customers list only their own organisation\'s cases');
  }
  // A staff ID as a filter would let a customer test guesses at who handles their cases.
  if (actor.role === 'customer' && q.assignee !== undefined) throw forbidden('customers do not filter by member of staff');
  // A customer is not shown the due time of a staff-only clock (customerListItem), so
  // neither may they filter or sort by it: answers would reveal it a page at a time.
  if (actor.role === 'customer' && q.dueBefore !== undefined) throw badRequest('`dueBefore` is for staff: customers are not shown every deadline');
  if (actor.role === 'customer' && q.sort === 'nextDeadline') throw badRequest('`sort=nextDeadline` is for staff: customers are not shown every deadline');
  if (q.assignee !== undefined && q.unassigned) throw badRequest('`assignee` and `unassigned` exclude each other');
  const customerId = actor.role === 'customer' ? actor.customerId : q.customerId;
  const assignee = q.assignee === 'me' ? actor.id : q.assignee;
  const order = LIST_ORDERS[q.sort];
  const where: (SQL | undefined)[] = [
    q.status && inArray(cases.status, q.status),
    q.priority && inArray(cases.priority, q.priority),
    q.category && inArray(cases.category, q.category),
    customerId !== undefined ? eq(cases.customerId, customerId) : undefined,
    assignee !== undefined ? eq(cases.assignee, assignee) : undefined,
    q.unassigned ? isNull(cases.assignee) : undefined,
    q.unit !== undefined ? eq(cases.unit, q.unit) : undefined,
    q.level !== undefined ? eq(cases.level, q.level) : undefined,
    q.breached !== undefined ? eq(cases.slaBreached, q.breached) : undefined,
    q.dueBefore ? lt(cases.nextDeadlineAt, new Date(q.dueBefore)) : undefined,
    q.openedFrom ? gte(cases.openedAt, new Date(q.openedFrom)) : undefined,
    q.openedTo ? lte(cases.openedAt, new Date(q.openedTo)) : undefined,
    q.cursor ? order.after(q.cursor) : undefined,
  ];
  const rows = await db
    .select({
      caseId: cases.caseId,
      customerId: cases.customerId,
      subject: cases.subject,
      status: cases.status,
      closeReason: cases.closeReason,
      priority: cases.priority,
      category: cases.category,
      channel: cases.channel,
      level: cases.level,
      unit: cases.unit,
      assignee: cases.assignee,
      slaBreached: cases.slaBreached,
      nextDeadlineAt: cases.nextDeadlineAt,
      nextDeadlineKind: cases.nextDeadlineKind,
      openedAt: cases.openedAt,
      updatedAt: cases.updatedAt,
      deadlineRank: cases.deadlineRank,
    })
    .from(cases)
    .where(and(...where.filter((w): w is SQL => w !== undefined)))
    .orderBy(...order.orderBy)
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const items = page.map(({ deadlineRank: _rank, ...r }) => ({
    ...r,
    openedAt: r.openedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    nextDeadlineAt: r.nextDeadlineAt?.toISOString() ?? null,
  }));
  return {
    items: actor.role === 'customer' ? items.map(customerListItem) : items,
    nextCursor: rows.length > q.limit && last ? order.cursorOf(last) : null,
  };
}

/** The interaction log of a case; customers see what was shared with them, staff under labels. */
export async function caseHistory(db: Db, caseId: string, actor: Actor, page: { after: number; limit: number }) {
  const [owner] = await db.select({ customerId: cases.customerId }).from(cases).where(eq(cases.caseId, caseId));
  if (!owner || (actor.role === 'customer' && owner.customerId !== actor.customerId)) throw notFound(`no case ${caseId}`);
  const rows = await db
    .select()
    .from(interactions)
    .where(
      and(
        eq(interactions.caseId, caseId),
        gt(interactions.seq, page.after),
        actor.role === 'customer' ? eq(interactions.visibleToCustomer, true) : undefined,
      ),
    )
    .orderBy(asc(interactions.seq))
    .limit(page.limit + 1);
  const entries = rows.slice(0, page.limit).map(({ caseId: _c, ...r }) => ({ ...r, at: r.at.toISOString() }));
  const items = actor.role === 'customer' ? entries.flatMap((e) => customerLogEntry(e) ?? []) : entries;
  return { items, nextAfter: rows.length > page.limit ? entries.at(-1)!.seq : null };
}
