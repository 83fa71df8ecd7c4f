// The agent's queue: GET /v1/cases?sort=nextDeadline puts cases whose next deadline has
// warned first, then the other running clocks, each by due time, and cases without a
// running clock last (a past breach does not move a case up); the cursor walks that order
// once, and a cursor it did not issue is a 400; the queue filters narrow it; customers
// may neither sort nor filter by a deadline they may not be shown. The rows are written
// into the read model directly (each rank needs a clock in a given state); the writer's
// own columns are checked on a real case opened through the API.
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { apiFor, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, supervisor } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';
import { cases } from '../../db/schema';
import { writeCase } from '../../activities/case-write';
import type { CaseView } from '../../workflows/case/contract';

const h = useHarness(devServerEnv);

const CUSTOMER = 'queue-co';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const inHours = (n: number) => new Date(NOW + n * 3_600_000);

// id, breached, warned, due (hours from NOW) or null, assignee, unit, level
const ROWS: [string, boolean, boolean, number | null, string | null, string, number][] = [
  ['q-a', true, false, 5, 'agent-ann', 'front-line', 0], // breached once, its next clock is not at risk
  ['q-b', true, true, 1, null, 'specialist', 1],
  ['q-c', false, true, 3, 'agent-ann', 'front-line', 0],
  ['q-d', false, true, 2, 'agent-bob', 'specialist', 1],
  ['q-e', false, false, 0.5, 'agent-ann', 'front-line', 0],
  ['q-f', false, false, 4, null, 'billing', 2],
  ['q-g', false, false, null, 'agent-ann', 'front-line', 0],
  ['q-h', false, false, null, null, 'front-line', 0],
  ['q-i', true, false, null, null, 'front-line', 0], // breached once, now closed: no clock runs
  ['q-j', false, false, 1, 'agent-bob', 'front-line', 0],
  ['q-k', false, false, 1, null, 'front-line', 0], // same due time as q-j: the case ID decides
];
const QUEUE = ['q-b', 'q-d', 'q-c', 'q-e', 'q-j', 'q-k', 'q-f', 'q-a', 'q-g', 'q-h', 'q-i'];

beforeAll(async () => {
  await h.db.db.insert(cases).values(
    ROWS.map(([caseId, slaBreached, nextDeadlineWarned, due, assignee, unit, level]) => ({
      caseId, customerId: CUSTOMER, subject: `Subject ${caseId}`, status: due === null ? 'CLOSED' : 'IN_PROGRESS', priority: 'NORMAL', category: 'INQUIRY',
      channel: 'ONLINE', level, unit, assignee, slaBreached, nextDeadlineWarned, nextDeadlineAt: due === null ? null : inHours(due),
      nextDeadlineKind: due === null ? null : 'PROGRESS_UPDATE', openedAt: new Date(NOW), updatedAt: new Date(NOW), version: 1, snapshot: {},
    })),
  );
});

async function walk(query: string, as = supervisor, limit = 2): Promise<string[]> {
  const app = apiFor(h);
  const auth = await bearer(as);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res: request.Response = await request(app)
      .get(`/v1/cases?customerId=${CUSTOMER}&sort=nextDeadline&limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`)
      .set('authorization', auth)
      .expect(200);
    seen.push(...res.body.items.map((c: { caseId: string }) => c.caseId));
    cursor = res.body.nextCursor;
  } while (cursor && seen.length < 50);
  return seen;
}

describe('the queue', () => {
  it('when sorted by next deadline, then cases at risk come first, then the rest by due time whether or not they breached before, cases without a clock last; two by two the cursor walks it once', async () => {
    expect(await walk('')).toEqual(QUEUE);
    expect(await walk('', supervisor, 100)).toEqual(QUEUE);
  });

  it('when filtered, then each filter keeps the queue order and only its cases', async () => {
    const only = (ids: string[]) => QUEUE.filter((id) => ids.includes(id));
    expect(await walk('assignee=me', agent)).toEqual(only(['q-a', 'q-c', 'q-e', 'q-g']));
    expect(await walk('unassigned=true')).toEqual(only(['q-b', 'q-f', 'q-h', 'q-i', 'q-k']));
    expect(await walk('unit=specialist')).toEqual(only(['q-b', 'q-d']));
    expect(await walk('level=1')).toEqual(only(['q-b', 'q-d']));
    expect(await walk('breached=true')).toEqual(only(['q-a', 'q-b', 'q-i']));
    expect(await walk(`dueBefore=${inHours(1.5).toISOString()}`)).toEqual(only(['q-b', 'q-e', 'q-j', 'q-k']));
  });

  it('when filters contradict, a level is empty or a cursor comes from the other order, then the answer is 400', async () => {
    const app = apiFor(h);
    const auth = await bearer(supervisor);
    await request(app).get('/v1/cases?assignee=me&unassigned=true').set('authorization', auth).expect(400);
    await request(app).get('/v1/cases?sort=nextDeadline&level=').set('authorization', auth).expect(400); // not level 0
    const byOpened = await request(app).get(`/v1/cases?customerId=${CUSTOMER}&limit=1`).set('authorization', auth).expect(200);
    await request(app).get(`/v1/cases?sort=nextDeadline&cursor=${byOpened.body.nextCursor}`).set('authorization', auth).expect(400);
  });

  it('when a cursor is crafted with a rank or a time PostgreSQL cannot take, then the answer is 400 naming `cursor`, never a 500', async () => {
    const app = apiFor(h);
    const auth = await bearer(supervisor);
    const craft = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const due = inHours(1).toISOString();
    const crafted: [string, object][] = [
      ['nextDeadline', { k: 'd', r: 40000, d: due, c: 'q-a' }], // past smallint
      ['nextDeadline', { k: 'd', r: 3, d: null, c: 'q-a' }], // no such rank
      ['nextDeadline', { k: 'd', r: 1, d: null, c: 'q-a' }], // a running clock without a due time
      ['nextDeadline', { k: 'd', r: 1, d: '0000-01-01T00:00:00Z', c: 'q-a' }], // year 0000
      ['nextDeadline', { k: 'd', r: 1, d: '+010000-01-01T00:00:00Z', c: 'q-a' }], // year 10000
      ['openedAt', { o: '0000-06-01T00:00:00Z', c: 'q-a' }],
      ['openedAt', { o: '+275760-09-13T00:00:00Z', c: 'q-a' }],
    ];
    for (const [sort, cursor] of crafted) {
      const res = await request(app).get(`/v1/cases?sort=${sort}&cursor=${craft(cursor)}`).set('authorization', auth);
      expect([JSON.stringify(cursor), res.status, res.body.detail]).toEqual([JSON.stringify(cursor), 400, expect.stringContaining('`cursor`')]);
    }
  });

  it('when a customer sorts or filters by next deadline, then the answer is 400 naming the parameter (a staff-only clock\'s due time stays hidden)', async () => {
    const app = apiFor(h);
    const auth = await bearer({ id: 'queue-co-user', role: 'customer', customerId: CUSTOMER });
    const sorted = await request(app).get('/v1/cases?sort=nextDeadline').set('authorization', auth).expect(400);
    expect(sorted.body.detail).toContain('`sort=nextDeadline`');
    const filtered = await request(app).get(`/v1/cases?dueBefore=${inHours(1.5).toISOString()}`).set('authorization', auth).expect(400);
    expect(filtered.body.detail).toContain('`dueBefore`');
    await request(app).get('/v1/cases').set('authorization', auth).expect(200);
  });
});

describe('what the writer stores for queues and reports', () => {
  it('when a real case is answered and resolved, then its row has the subject, the warning, business minutes on its calendar and the report\'s facts', async () => {
    const acme = { id: 'acme-user', role: 'customer' as const, customerId: 'acme' };
    const { caseId } = await openViaApi(apiFor(h), acme, { subject: 'Invoices show the wrong VAT' });
    const row = await eventually(async () => (await h.db.db.select().from(cases).where(eq(cases.caseId, caseId)))[0], (r) => r !== undefined);
    expect(row!.subject).toBe('Invoices show the wrong VAT');
    const mine = await request(apiFor(h)).get('/v1/cases?limit=100').set('authorization', await bearer(acme)).expect(200);
    expect(mine.body.items.find((c: { caseId: string }) => c.caseId === caseId).subject).toBe('Invoices show the wrong VAT');

    // The same case as the workflow would write it later: answered 90 business minutes after
    // opening (Monday 09:00 → 10:30 in Shanghai), resolved a business day later, next clock warned.
    const view = row!.snapshot as CaseView;
    const next = view.openDeadlines[0]!;
    await writeCase(h.db.db, {
      caseId,
      interactions: [],
      notices: [],
      snapshot: {
        ...view, revision: view.revision + 1, openedAt: '2026-03-02T01:00:00.000Z', firstRespondedAt: '2026-03-02T02:30:00.000Z',
        resolvedAt: '2026-03-03T01:00:00.000Z', nextDeadline: { kind: next.kind, due: next.due, id: next.id }, openDeadlines: [{ ...next, warned: true }],
        breaches: [{ clock: 'FIRST_RESPONSE', deadlineId: 'FIRST_RESPONSE-1', due: '2026-03-02T01:30:00.000Z', at: '2026-03-02T01:30:00.000Z' }],
        feedback: [{ rating: 4, at: '2026-03-03T02:00:00.000Z' }],
        compensation: [{ id: 'g1', amount: 500, currency: 'EUR', reason: 'late', requestedBy: 'agent-ann', requestedAt: '2026-03-02T03:00:00.000Z', status: 'APPROVED' }],
      },
    });
    const [after] = await h.db.db.select().from(cases).where(eq(cases.caseId, caseId));
    expect([after!.firstResponseMinutes, after!.resolutionMinutes, after!.nextDeadlineWarned, after!.deadlineRank]).toEqual([90, 480, true, 0]);
    // The facts the SLA report counts, so it never has to parse the snapshot.
    expect([after!.firstRespondedAt?.toISOString(), after!.firstResponseBreached, after!.appealOutcome]).toEqual(['2026-03-02T02:30:00.000Z', true, null]);
    expect(after!.reportTallies).toEqual([['breach', 'FIRST_RESPONSE'], ['rating', '4'], ['compensation', 'EUR APPROVED', 500]]);
  });
});
