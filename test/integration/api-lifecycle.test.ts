// A case's whole life over HTTP on the dev server: every actor's actions, idempotent
// replays, concurrent actions on one case, and the log the customer may read.
import request from 'supertest';
import { apiFor, bearer } from '../helpers/api';
import { actViaApi, openViaApi } from '../helpers/api-case';
import { eventually, useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer, manager, supervisor } from '../helpers/fixtures';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);

describe('a case over HTTP', () => {
  it('when agent and customer act through the API from intake to a decided appeal, then each step answers with the new state', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const steps: [typeof agent, string, Record<string, unknown>, string][] = [
      [agent, 'acknowledge', { message: 'Looking into it.' }, 'IN_PROGRESS'],
      [agent, 'requestInfo', { message: 'Which report?' }, 'WAITING_ON_CUSTOMER'],
      [customer, 'customerReply', { message: 'The monthly one.' }, 'IN_PROGRESS'],
      [agent, 'reply', { message: 'Reproduced.', measures: 'raised a fix' }, 'IN_PROGRESS'],
      [agent, 'resolve', { result: 'Fixed in release 4.2.', measures: 'deployed 4.2' }, 'RESOLVED'],
      [customer, 'appeal', { grounds: 'It took two weeks.' }, 'APPEALED'],
      [supervisor, 'decideAppeal', { decision: 'UPHELD', reasoning: 'Within the contract.', remedy: 'Apology letter' }, 'CLOSED'],
      [customer, 'feedback', { rating: 3, comment: 'Slow but fixed' }, 'CLOSED'],
    ];
    for (const [actor, action, body, status] of steps) {
      const res = await actViaApi(app, actor, caseId, action, body);
      expect([action, res.status, res.body.result?.status]).toEqual([action, 200, status]);
    }
    const final = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(customer)).expect(200);
    expect(final.body).toMatchObject({ status: 'CLOSED', closeReason: 'APPEAL_DECIDED', appeal: { decision: 'UPHELD', remedy: 'Apology letter' } });
    expect(final.body.feedback).toEqual([expect.objectContaining({ rating: 3 })]);
    // The customer sees what was decided, not which staff member decided it (C2.1(g)).
    expect(JSON.stringify(final.body)).not.toContain(supervisor.id);
    expect(JSON.stringify(final.body)).not.toContain(agent.id);
    const staffView = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(manager)).expect(200);
    expect(staffView.body.appeal.reviewer).toBe(supervisor.id);

    // C2.1(f): the whole log, in order; the customer reads only what was said to them.
    const staffLog = await eventually(
      async () => (await request(app).get(`/v1/cases/${caseId}/history?limit=200`).set('authorization', await bearer(manager))).body.items as { kind: string; visibleToCustomer: boolean }[],
      (items) => items?.length >= 10,
    );
    expect(staffLog.map((i) => i.kind)).toEqual([
      'OPENED', 'ACKNOWLEDGED', 'INFO_REQUESTED', 'CUSTOMER_REPLY', 'AGENT_REPLY', 'RESOLVED', 'APPEAL_FILED', 'APPEAL_DECIDED', 'CLOSED', 'FEEDBACK',
    ]);
    const customerLog = (await request(app).get(`/v1/cases/${caseId}/history?limit=200`).set('authorization', await bearer(customer)).expect(200)).body.items;
    expect(customerLog.every((i: { visibleToCustomer: boolean }) => i.visibleToCustomer)).toBe(true);
  });

  it('when an action is retried with the same Idempotency-Key, then it applies once and the same answer comes back; a different body is 422', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const first = await actViaApi(app, agent, caseId, 'reply', { message: 'On it' }, 'reply-1');
    const again = await actViaApi(app, agent, caseId, 'reply', { message: 'On it' }, 'reply-1');
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.result).toEqual(first.body.result);
    const view = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    expect(view.body.seq).toBe(2);
    const changed = await actViaApi(app, agent, caseId, 'reply', { message: 'Something else' }, 'reply-1');
    expect(changed.status).toBe(422);
  });

  it('when two agents send conflicting actions at once, then exactly one first response is accepted and the other gets 409', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const answers = await Promise.all([
      actViaApi(app, agent, caseId, 'acknowledge', {}),
      actViaApi(app, { id: 'agent-2', role: 'agent' }, caseId, 'acknowledge', {}),
      actViaApi(app, { id: 'agent-3', role: 'agent' }, caseId, 'acknowledge', {}),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const view = await request(app).get(`/v1/cases/${caseId}`).set('authorization', await bearer(agent)).expect(200);
    expect(view.body.recentInteractions.filter((i: { kind: string }) => i.kind === 'ACKNOWLEDGED')).toHaveLength(1);
  });

  it('when many replies arrive concurrently, then all are logged once each in one gap-free sequence', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => actViaApi(app, agent, caseId, 'reply', { message: `part ${i}` }, `part-${i}`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const seqs = answers.flatMap((a) => a.body.result.appended as number[]).sort((a, b) => a - b);
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('when compensation above the agent\'s limit is approved by a manager, then the grant moves from pending to approved', async () => {
    const app = apiFor(h);
    const { caseId } = await openViaApi(app, backOffice);
    await actViaApi(app, agent, caseId, 'acknowledge');
    const asked = await actViaApi(app, agent, caseId, 'grantCompensation', { amount: 80_000, currency: 'CNY', reason: 'Outage' });
    expect(asked.body.case.compensation[0].status).toBe('PENDING_APPROVAL');
    const self = await actViaApi(app, agent, caseId, 'decideCompensation', { grantId: 'G1', approve: true });
    expect(self.status).toBe(403);
    const ok = await actViaApi(app, manager, caseId, 'decideCompensation', { grantId: 'G1', approve: true });
    expect(ok.status).toBe(200);
    expect(ok.body.case.compensation[0].status).toBe('APPROVED');
  });
});
