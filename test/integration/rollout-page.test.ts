// One roll-out page on its own (real PostgreSQL, the Temporal client faked to record the
// signals): which cases it signals, what it reports, and where a retried attempt resumes.
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import { createRolloutActivities } from '../../activities/rollout-page';
import { calendars, cases, contractVersions, organisations, slaPolicies } from '../../db/schema';
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { DEFAULT_SLA_POLICY } from '../../domain/sla-policy';
import { caseWorkflowId, type PinnedSla } from '../../workflows/case/contract';
import type { RolloutPageInput, RolloutPageResult } from '../../workflows/rollout/contract';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (const version of [1, 2]) {
    const policy = { ...DEFAULT_SLA_POLICY, id: 'gold', version, calendarId: '24x7' };
    await database.db.insert(slaPolicies).values({ id: 'gold', version, name: 'Gold', policy });
  }
});
afterAll(() => database?.drop());

async function openCase(caseId: string, pinned: { id: string; version: number }, status = 'OPEN', calendar: { calendarId: string; calendarVersion?: number } = { calendarId: '24x7' }): Promise<void> {
  const now = new Date();
  await database.db.insert(cases).values({
    caseId, customerId: 'acme', status, priority: 'NORMAL', category: 'DEFECT', channel: 'ONLINE', level: 0, unit: 'L1',
    slaBreached: false, openedAt: now, updatedAt: now, version: 1,
    snapshot: { policy: pinned, ...calendar },
  });
}

/** A client whose signals are recorded; the workflows in `ended` have completed. */
function recordingClient(ended: string[] = []) {
  const signalled: [string, PinnedSla][] = [];
  const client = {
    workflow: {
      getHandle: (workflowId: string) => ({
        async signal(_def: unknown, pin: PinnedSla) {
          if (ended.includes(workflowId)) throw new WorkflowNotFoundError('workflow completed', workflowId, undefined);
          signalled.push([workflowId, pin]);
        },
      }),
    },
  } as unknown as Client;
  return { client, signalled };
}

const page = (client: Client, input: RolloutPageInput, heartbeatDetails?: unknown): Promise<RolloutPageResult> =>
  new MockActivityEnvironment(heartbeatDetails === undefined ? {} : { heartbeatDetails }).run(createRolloutActivities(database.db, client).rolloutPage, input);

describe('a roll-out page', () => {
  beforeAll(async () => {
    await openCase('p-1', { id: 'gold', version: 1 });
    await openCase('p-2', { id: 'gold', version: 1 }, 'CLOSED');
    await openCase('p-3', { id: 'gold', version: 1 });
    await openCase('p-4', { id: 'gold', version: 2 });
    await openCase('p-5', { id: 'gold', version: 1 });
  });
  const target = { kind: 'policy' as const, id: 'gold' };

  it('when a policy version rolls out, then open cases on an older version get its pin, in case order, a page at a time', async () => {
    const { client, signalled } = recordingClient();
    const first = await page(client, { target, version: 2, after: null, limit: 2 });
    expect(first).toEqual({ moved: 2, failed: [], last: 'p-3', done: false });
    const second = await page(client, { target, version: 2, after: first.last, limit: 2 });
    expect(second).toEqual({ moved: 1, failed: [], last: 'p-5', done: true });
    expect(signalled.map(([id]) => id)).toEqual(['p-1', 'p-3', 'p-5'].map(caseWorkflowId));
    expect(signalled[0]![1]).toMatchObject({ policyId: 'gold', policyVersion: 2, calendarId: '24x7' });
  });

  it('when a case has ended or its new version is not on record, then it is reported with the reason and not signalled', async () => {
    const { client, signalled } = recordingClient([caseWorkflowId('p-3')]);
    expect(await page(client, { target, version: 2, after: null, limit: 10 })).toMatchObject({ moved: 2, failed: [{ caseId: 'p-3', reason: 'CASE_ENDED' }] });
    const missing = await page(recordingClient().client, { target, version: 9, after: null, limit: 10 });
    expect(missing.failed.map((f) => f.reason)).toEqual(['POLICY_MISSING', 'POLICY_MISSING', 'POLICY_MISSING', 'POLICY_MISSING']);
    expect(signalled).toHaveLength(2);
  });

  it('when an attempt is retried after a heartbeat, then it signals only the cases after the heartbeated one and keeps the counts so far', async () => {
    const { client, signalled } = recordingClient();
    const resumed = await page(client, { target, version: 2, after: null, limit: 10 }, { doneThrough: 'p-3', moved: 2, failed: [] });
    expect(resumed).toEqual({ moved: 3, failed: [], last: 'p-5', done: true });
    expect(signalled.map(([id]) => id)).toEqual([caseWorkflowId('p-5')]);
  });
});

describe('a contract roll-out page', () => {
  const target = { kind: 'organisation' as const, id: 'twin-org' };
  beforeAll(async () => {
    await database.db.insert(organisations).values({ id: 'twin-org', name: 'Twin' });
    // Versions 2 and 3 take effect at the same instant: 3 is the one in force.
    const at = [new Date('2020-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z')];
    await database.db.insert(contractVersions).values(at.map((effectiveFrom, i) => ({ organisationId: 'twin-org', version: i + 1, effectiveFrom, terms: {} })));
    await openCase('t-1', { id: 'contract:twin-org', version: 1 });
  });

  it('when its version was replaced by one taking effect at the same time, then it moves nothing and names the version in force', async () => {
    const { client, signalled } = recordingClient();
    expect(await page(client, { target, version: 2, after: null, limit: 10 })).toEqual({ moved: 0, failed: [], last: null, done: true, supersededBy: 3 });
    expect(signalled).toEqual([]);
    // The version in force does handle the case (its stored terms here are empty, so it is reported).
    const current = await page(client, { target, version: 3, after: null, limit: 10 });
    expect(current).toEqual({ moved: 0, failed: [{ caseId: 't-1', reason: 'POLICY_MISSING' }], last: 't-1', done: true });
  });
});

describe('a calendar roll-out page', () => {
  beforeAll(async () => {
    for (const version of [1, 2]) await database.db.insert(calendars).values({ id: 'office', version, name: 'Office', spec: twentyFourSevenCalendarSpec() });
    await openCase('c-1', { id: 'gold', version: 2 }, 'OPEN', { calendarId: 'office', calendarVersion: 1 });
    await openCase('c-2', { id: 'gold', version: 2 }, 'OPEN', { calendarId: 'office', calendarVersion: 2 });
    await openCase('c-3', { id: 'gold', version: 2 }, 'OPEN', { calendarId: 'office' }); // pinned before versions were recorded
  });

  it('when a calendar version rolls out, then only cases on an older (or unrecorded) version are signalled and the pin names the version; cases already on it are left alone', async () => {
    const { client, signalled } = recordingClient();
    const target = { kind: 'calendar' as const, id: 'office' };
    expect(await page(client, { target, version: 2, after: null, limit: 10 })).toMatchObject({ moved: 2, failed: [] });
    expect(signalled.map(([id]) => id)).toEqual(['c-1', 'c-3'].map(caseWorkflowId));
    expect(signalled[0]![1]).toMatchObject({ calendarId: 'office', calendarVersion: 2, policyVersion: 2 });
  });
});
