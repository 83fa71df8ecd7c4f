// Roll-outs as a durable workflow (issue 12): an admin's roll-out answers 202 with a
// status resource, moves open cases onto the new version a page at a time, skips
// closed ones, reports the ones it could not move, and is one roll-out ID per version
// (asked again once completed, it sweeps the cases still on an older version).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import { caseWorkflowId } from '../../workflows/case/contract';
import { ROLLOUT_WORKFLOW_TYPE, rolloutId, rolloutWorkflowId, type RolloutProgress, type RolloutTarget } from '../../workflows/rollout/contract';
import type { rolloutWorkflow } from '../../workflows/rollout/workflow';
import { apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };

/** Saves a version of a fresh policy on the 24x7 calendar whose NORMAL first response takes `minutes`. */
async function savePolicy(app: Express, id: string, minutes: number): Promise<void> {
  const auth = await bearer(admin);
  const { version: _v, ...base } = (await request(app).get('/v1/sla-policies/default').set('authorization', auth).expect(200)).body;
  const rules = { ...base.rules, NORMAL: { ...base.rules.NORMAL, firstResponseMinutes: minutes } };
  await request(app).post('/v1/sla-policies').set('authorization', auth).send({ ...base, id, calendarId: '24x7', rules }).expect(201);
}

const caseView = async (app: Express, caseId: string) => (await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent))).body;
const firstResponseDue = (view: { customerDeadlines: { firstResponseDue: string } }): number => Date.parse(view.customerDeadlines.firstResponseDue);

async function finished(app: Express, href: string): Promise<RolloutProgress> {
  const auth = await bearer(admin);
  return eventually(async () => (await request(app).get(href).set('authorization', auth).expect(200)).body as RolloutProgress, (s) => s.state === 'COMPLETED', 30_000);
}

describe('rolling a policy version out as a durable roll-out', () => {
  it('when an admin rolls out, then open cases move, a closed case is skipped, a case whose workflow ended is reported, and asking again once completed sweeps again under the same ID', async () => {
    const app = apiFor(h);
    const policyId = `ro-${randomUUID().slice(0, 8)}`;
    await savePolicy(app, policyId, 60);
    const open = await openViaApi(app, backOffice, { slaPolicyId: policyId });
    const closed = await openViaApi(app, backOffice, { slaPolicyId: policyId });
    const ended = await openViaApi(app, backOffice, { slaPolicyId: policyId });
    expect((await actViaApi(app, customer, closed.caseId, 'withdraw', { reason: 'sorted it out myself' }, `w-${policyId}`)).status).toBe(200);
    await eventually(() => caseView(app, closed.caseId), (v) => v.status === 'CLOSED');
    // The read model still shows it open: the roll-out learns otherwise when it signals.
    await h.env.client.workflow.getHandle(caseWorkflowId(ended.caseId)).terminate('test: workflow gone');
    await savePolicy(app, policyId, 120);

    const auth = await bearer(admin);
    const started = await request(app).post(`/v1/sla-policies/${policyId}/rollout`).set('authorization', auth).expect(202);
    const id = `policy-${policyId}-v2`;
    expect(started.headers.location).toBe(`/v1/rollouts/${id}`);
    expect(started.body).toMatchObject({ id, target: { kind: 'policy', id: policyId }, version: 2 });

    const done = await finished(app, started.headers.location!);
    expect(done).toMatchObject({ moved: 1, failedCount: 1, failed: [{ caseId: ended.caseId, reason: 'CASE_ENDED' }], pagesDone: 1 });
    const moved = await eventually(() => caseView(app, open.caseId), (v) => v.policy.version === 2);
    expect(firstResponseDue(moved) - firstResponseDue(open.body as never)).toBe(60 * 60_000);
    expect(moved.calendarVersion).toEqual(expect.any(Number)); // the pin names its calendar version, for readers and later sweeps
    expect((await caseView(app, closed.caseId)).policy).toEqual({ id: policyId, version: 1 });

    // The same version again once completed: the same roll-out ID, a new sweep that finds
    // only the cases still on the old version (here just the one whose workflow ended).
    const again = await request(app).post(`/v1/sla-policies/${policyId}/rollout`).set('authorization', auth).expect(202);
    expect(again.headers.location).toBe(started.headers.location);
    const swept = await finished(app, again.headers.location!);
    expect(swept).toMatchObject({ moved: 0, failedCount: 1, failed: [{ caseId: ended.caseId, reason: 'CASE_ENDED' }], pagesDone: 1 });
    expect(Date.parse(swept.startedAt)).toBeGreaterThanOrEqual(Date.parse(done.finishedAt!));
  });

  it('when a completed roll-out missed a case (its row landed after the page was read), then asking again moves it', async () => {
    const app = apiFor(h);
    const policyId = `ro-${randomUUID().slice(0, 8)}`;
    await savePolicy(app, policyId, 60);
    const late = await openViaApi(app, backOffice, { slaPolicyId: policyId });
    await eventually(() => caseView(app, late.caseId), (v) => v.caseId === late.caseId);
    await savePolicy(app, policyId, 120);
    // The roll-out of version 2 as it ran when the case's row was not there yet: its page
    // started after the case, so it completed having moved nothing.
    const target: RolloutTarget = { kind: 'policy', id: policyId };
    const id = rolloutId(target, 2);
    const missed: RolloutProgress = { id, target, version: 2, state: 'RUNNING', pagesDone: 0, moved: 0, failedCount: 0, failed: [], after: late.caseId, startedAt: new Date().toISOString() };
    const first = await h.env.client.workflow.start<typeof rolloutWorkflow>(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue: h.taskQueue,
      args: [{ target, version: 2, progress: missed }],
    });
    expect(await first.result()).toMatchObject({ state: 'COMPLETED', moved: 0 });
    // Its status is in its memo: the API reads it with describe(), no query.
    expect((await first.describe()).memo).toMatchObject({ progress: { state: 'COMPLETED', moved: 0, pagesDone: 1 } });
    expect((await caseView(app, late.caseId)).policy.version).toBe(1);

    const again = await request(app).post(`/v1/sla-policies/${policyId}/rollout`).set('authorization', await bearer(admin)).expect(202);
    expect(again.headers.location).toBe(`/v1/rollouts/${id}`);
    expect(await finished(app, again.headers.location!)).toMatchObject({ moved: 1, failedCount: 0, pagesDone: 1 });
    await eventually(() => caseView(app, late.caseId), (v) => v.policy.version === 2);
  });

  it('when the status is asked for a roll-out that never ran, or by someone not an admin, then it is 404 or 403', async () => {
    const app = apiFor(h);
    expect((await request(app).get('/v1/rollouts/policy-nope-v1').set('authorization', await bearer(admin))).status).toBe(404);
    expect((await request(app).get('/v1/rollouts/policy-nope-v1').set('authorization', await bearer(agent))).status).toBe(403);
    expect((await request(app).post('/v1/calendars/nope/rollout').set('authorization', await bearer(admin))).status).toBe(404);
  });

  it('when a roll-out continues from a carried position, then it moves only the cases after it and keeps the counts so far', async () => {
    const app = apiFor(h);
    const policyId = `ro-${randomUUID().slice(0, 8)}`;
    await savePolicy(app, policyId, 60);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await openViaApi(app, backOffice, { slaPolicyId: policyId })).caseId);
    ids.sort();
    await eventually(() => Promise.all(ids.map((c) => caseView(app, c))), (views) => views.every((v) => v.caseId));
    await savePolicy(app, policyId, 120);

    // As a run that moved the first case and then continued as new (or restarted) would carry it.
    const target: RolloutTarget = { kind: 'policy', id: policyId };
    const id = rolloutId(target, 2);
    const carried: RolloutProgress = { id, target, version: 2, state: 'RUNNING', pagesDone: 1, moved: 1, failedCount: 0, failed: [], after: ids[0]!, startedAt: new Date().toISOString() };
    const handle = await h.env.client.workflow.start<typeof rolloutWorkflow>(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue: h.taskQueue,
      args: [{ target, version: 2, pageSize: 1, progress: carried }],
    });
    const result = await handle.result();
    // Pages of one case each: the two left, then an empty page that ends it.
    expect(result).toMatchObject({ state: 'COMPLETED', moved: 3, pagesDone: 4, after: ids[2] });
    const views = await eventually(() => Promise.all(ids.map((c) => caseView(app, c))), (vs) => vs[1].policy.version === 2 && vs[2].policy.version === 2);
    expect(views.map((v) => v.policy.version)).toEqual([1, 2, 2]);
  });
});
