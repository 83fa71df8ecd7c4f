// The two orders of the case list and their keyset cursors. Each order matches an index
// column for column (db/schema.ts), and a page continues from the last row by a row
// comparison, so PostgreSQL starts the index scan there instead of counting past rows.
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { badRequest } from '../problem';
import { isStorableInstant } from '../schemas/instant';

/** The columns an order needs from the last row of a page. */
export interface OrderKeys {
  caseId: string;
  openedAt: Date;
  deadlineRank: number;
  nextDeadlineAt: Date | null;
}

export interface ListOrder {
  orderBy: SQL[];
  /** Rows after the one the cursor names. */
  after(cursor: string): SQL;
  cursorOf(last: OrderKeys): string;
}

type Decoded = Record<string, unknown>;

const encode = (c: Decoded): string => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(raw: string, valid: (c: Decoded) => boolean): Decoded {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (c && typeof c === 'object' && valid(c as Decoded)) return c as Decoded;
  } catch {
    // falls through to the refusal
  }
  throw badRequest('`cursor` is not one this API issued for this sort');
}
// What a cursor holds reaches SQL as a timestamptz: only instants PostgreSQL can store.
const isInstant = (v: unknown): v is string => typeof v === 'string' && isStorableInstant(Date.parse(v));
const isText = (v: unknown): v is string => typeof v === 'string';

/** Newest first: (opened_at, case_id) descending. */
const byOpened: ListOrder = {
  orderBy: [desc(cases.openedAt), desc(cases.caseId)],
  after(raw) {
    const c = decode(raw, (c) => isInstant(c.o) && isText(c.c) && c.k === undefined);
    return sql`(${cases.openedAt}, ${cases.caseId}) < (${new Date(c.o as string).toISOString()}::timestamptz, ${c.c as string})`;
  },
  cursorOf: (last) => encode({ o: last.openedAt.toISOString(), c: last.caseId }),
};

/** deadline_rank (db/schema.ts): 0 the next deadline has warned, 1 running, 2 no running clock. */
const NO_CLOCK_RANK = 2;
const isRank = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= NO_CLOCK_RANK;

/**
 * The queue: at risk first (the next deadline has warned), then the other running clocks,
 * each by due time, then cases without a running clock (no due time) by case ID. A past
 * breach does not rank a case: `breached=true` finds those.
 */
const byDeadline: ListOrder = {
  orderBy: [asc(cases.deadlineRank), asc(cases.nextDeadlineAt), asc(cases.caseId)],
  after(raw) {
    const c = decode(raw, (c) => c.k === 'd' && isRank(c.r) && (c.r === NO_CLOCK_RANK) === (c.d === null) && (c.d === null || isInstant(c.d)) && isText(c.c));
    if (c.d === null) {
      // The last rank has no due time; `is null` keeps the scan on the index's null range.
      return sql`(${cases.deadlineRank} = ${NO_CLOCK_RANK} and ${cases.nextDeadlineAt} is null and ${cases.caseId} > ${c.c as string})`;
    }
    // Rows of a later rank win on the first column, so their null due time never matters.
    return sql`(${cases.deadlineRank}, ${cases.nextDeadlineAt}, ${cases.caseId}) > (${c.r as number}::smallint, ${new Date(c.d as string).toISOString()}::timestamptz, ${c.c as string})`;
  },
  cursorOf: (last) => encode({ k: 'd', r: last.deadlineRank, d: last.nextDeadlineAt?.toISOString() ?? null, c: last.caseId }),
};

export const LIST_ORDERS: Record<'openedAt' | 'nextDeadline', ListOrder> = { openedAt: byOpened, nextDeadline: byDeadline };
