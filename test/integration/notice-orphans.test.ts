// A notice left PENDING (its case's delivery attempts went on database errors, or its
// workflow ended first) is not abandoned: after a while the relay treats it as due.
import { casesDue } from '../../activities/notice-claims';
import { outbox } from '../../db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const notice = (caseId: string, createdAt: Date) => ({ eventId: `${caseId}-1`, caseId, eventSeq: 1, type: 'case.reply', payload: {}, state: 'PENDING', createdAt });

describe('notices nobody tried', () => {
  it('when a notice has been PENDING for more than ten minutes, then the relay finds its case; a fresh one is left to its case', async () => {
    const now = new Date();
    await db.db.insert(outbox).values([notice('orphaned', new Date(now.getTime() - 11 * 60_000)), notice('fresh', new Date(now.getTime() - 60_000))]);
    expect(await casesDue(db.db, now, 10)).toEqual(['orphaned']);
  });
});
