// The hand-written backfills of the queue and report migrations fill new columns from each
// row's snapshot. A snapshot written by an older release (or edited by hand) can hold
// JSON null where a list belongs, an object instead of a list, two open deadlines with one
// ID, a flag or an amount of the wrong type, or a time PostgreSQL cannot read: none of
// these may stop the migration, and a well-formed row must still get what the writer gives.
import fs from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { ROOT } from '../helpers/paths';

let db: TestDatabase;
beforeAll(async () => void (db = await createTestDatabase()));
afterAll(async () => db.drop());

/** The committed statement that sets `column` (migration files get renumbered, so found by what it sets). */
function backfillOf(column: string): string {
  const dir = path.join(ROOT, 'db/migrations');
  const found = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('--> statement-breakpoint'))
    .filter((statement) => /\bUPDATE "cases"/.test(statement) && statement.includes(`"${column}" =`));
  expect(found).toHaveLength(1);
  return found[0]!;
}

const euro = (amount: unknown, status: string) => ({ id: `g-${status}`, amount, currency: 'EUR', status });
const SNAPSHOTS: Record<string, unknown> = {
  'odd-nulls': { subject: null, nextDeadline: null, openDeadlines: null, breaches: null, escalations: null, feedback: null, compensation: null, firstRespondedAt: null, appeal: null },
  'odd-shapes': { subject: { text: 'x' }, nextDeadline: 'd1', openDeadlines: { id: 'd1', warned: true }, breaches: { clock: 'FIRST_RESPONSE' }, escalations: 'many', feedback: 5, compensation: {}, firstRespondedAt: 'yesterday' },
  'odd-duplicates': {
    subject: 'Two deadlines, one ID',
    nextDeadline: { id: 'd1' },
    openDeadlines: [{ id: 'd1', warned: false }, 'junk', 7, { id: 'd1', warned: true }],
    firstRespondedAt: '2026-02-30T10:00:00Z',
    compensation: [euro('500', 'APPROVED'), euro('lots', 'REJECTED'), euro(1.5, 'PENDING_APPROVAL')],
  },
  'odd-flags': { nextDeadline: { id: 'd1' }, openDeadlines: [{ id: 'd1', warned: 'maybe' }], firstRespondedAt: '0000-01-01T00:00:00Z', breaches: [null, 'x', { clock: 'FIRST_RESPONSE' }] },
  'well-formed': {
    subject: 'Invoices show the wrong VAT',
    nextDeadline: { id: 'd2' },
    openDeadlines: [{ id: 'd1', warned: true }, { id: 'd2', warned: true }],
    firstRespondedAt: '2026-03-02T02:30:00.000Z',
    breaches: [{ clock: 'FIRST_RESPONSE' }],
    escalations: [{ toLevel: 1, trigger: 'AGENT' }],
    feedback: [{ rating: 4 }],
    compensation: [euro(500, 'APPROVED')],
    appeal: { decision: 'UPHELD' },
  },
};

describe('the queue and report backfills', () => {
  it('when snapshots hold nulls, objects, duplicated deadline IDs, odd flags, times and amounts, then both run and each row gets what can be read', async () => {
    const ids = Object.keys(SNAPSHOTS);
    const at = new Date('2026-03-02T01:00:00Z');
    await db.db.insert(cases).values(
      ids.map((caseId) => ({
        caseId, customerId: 'odd-co', status: 'IN_PROGRESS', priority: 'NORMAL', category: 'INQUIRY', channel: 'ONLINE', level: 0, unit: 'front-line', slaBreached: false,
        openedAt: at, updatedAt: at, version: 1, snapshot: SNAPSHOTS[caseId],
      })),
    );
    await db.db.execute(sql.raw(backfillOf('next_deadline_warned')));
    await db.db.execute(sql.raw(backfillOf('report_tallies')));

    const rows = await db.db.select().from(cases).where(inArray(cases.caseId, ids));
    const got = Object.fromEntries(
      rows.map((r) => [r.caseId, [r.subject, r.nextDeadlineWarned, r.firstRespondedAt?.toISOString() ?? null, r.firstResponseBreached, r.appealOutcome, r.reportTallies]]),
    );
    expect(got).toEqual({
      'odd-nulls': [null, false, null, false, null, []],
      'odd-shapes': [null, false, null, false, null, []],
      // Any open deadline with the next one's ID that has warned makes it warned, as the writer decides.
      'odd-duplicates': [
        'Two deadlines, one ID', true, null, false, null,
        expect.arrayContaining([['compensation', 'EUR APPROVED', 500], ['compensation', 'EUR REJECTED', null], ['compensation', 'EUR PENDING_APPROVAL', null]]),
      ],
      'odd-flags': [null, false, null, true, null, expect.arrayContaining([['breach', null], ['breach', 'FIRST_RESPONSE']])],
      'well-formed': [
        'Invoices show the wrong VAT', true, '2026-03-02T02:30:00.000Z', true, 'UPHELD',
        expect.arrayContaining([['breach', 'FIRST_RESPONSE'], ['level', '1'], ['trigger', 'AGENT'], ['rating', '4'], ['compensation', 'EUR APPROVED', 500]]),
      ],
    });
    expect(rows.map((r) => (r.reportTallies as unknown[]).length)).toEqual(rows.map((r) => ({ 'odd-duplicates': 3, 'odd-flags': 3, 'well-formed': 5 })[r.caseId] ?? 0));
  });
});
