// Waiting on the customer (pausing clocks, the no-response timeout) and progress
// updates (C2.1(e), C3.2) on the time-skipping server.
import { act, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer, pinnedSla } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

const HOUR = 3600_000;

describe('progress updates (C2.1(e))', () => {
  it('when no update reaches the customer within the progress interval, then the breach is recorded and the supervisor told', async () => {
    const open = await startCase(h, { sla: pinnedSla({ progressUpdateMinutes: 240 }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await h.env.sleep('241 minutes');
    const v = await view(h, open.caseId);
    expect(v.breaches.map((b) => b.clock)).toEqual(['PROGRESS_UPDATE']);
    expect(v.slaBreached).toBe(true);
  });

  it('when the agent replies before the interval runs out, then the progress clock starts again from the reply', async () => {
    const open = await startCase(h, { sla: pinnedSla({ progressUpdateMinutes: 240 }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    await h.env.sleep('200 minutes');
    await act(h, open.caseId, agent, { type: 'reply', message: 'We found the cause, fix tonight.', measures: 'patched config' });
    await h.env.sleep('200 minutes');
    const v = await view(h, open.caseId);
    expect(v.breaches).toEqual([]);
    const clock = v.openDeadlines.find((d) => d.kind === 'PROGRESS_UPDATE')!;
    expect(Date.parse(clock.due) - Date.parse(clock.startedAt)).toBe(4 * HOUR);
  });
});

describe('waiting on the customer', () => {
  it('when the agent asks for information, then the paused clocks stop, and resume with their remaining time when the customer answers', async () => {
    const open = await startCase(h, { sla: pinnedSla({ escalationLadder: [{ toLevel: 1, afterBusinessDays: 3, unit: 'specialist' }], waitingPauses: ['escalation', 'progressUpdate'], waitingOnCustomerTimeoutBusinessDays: 5 }) });
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const before = (await view(h, open.caseId)).openDeadlines.find((d) => d.kind === 'ESCALATION')!;
    await h.env.sleep('1 day');
    const r = await act(h, open.caseId, agent, { type: 'requestInfo', message: 'Which browser do you use?' });
    expect(r.status).toBe('WAITING_ON_CUSTOMER');
    await h.env.sleep('2 days');
    const waiting = await view(h, open.caseId);
    expect(waiting.level).toBe(0);
    expect(waiting.openDeadlines.find((d) => d.kind === 'ESCALATION')!.pausedAt).toBeDefined();

    await act(h, open.caseId, customer, { type: 'customerReply', message: 'Firefox 140.' });
    const resumed = await view(h, open.caseId);
    expect(resumed.status).toBe('IN_PROGRESS');
    const clock = resumed.openDeadlines.find((d) => d.kind === 'ESCALATION')!;
    // Two days paused push the three-day ladder clock out by two days.
    const pushedOut = Date.parse(clock.due) - Date.parse(before.due);
    expect(pushedOut).toBeGreaterThanOrEqual(48 * HOUR);
    expect(pushedOut).toBeLessThan(48 * HOUR + 5_000); // plus the moments between skipped time and the reply
    expect(resumed.deadlines.find((d) => d.kind === 'CUSTOMER_REPLY')!.status).toBe('MET');
  });

  it('when the customer does not answer within the waiting time, then the case resolves as no response and later closes as CUSTOMER_UNRESPONSIVE', async () => {
    const open = await startCase(h, { sla: pinnedSla({ waitingOnCustomerTimeoutBusinessDays: 5, appealWindow: { days: 15, kind: 'calendar' } }) });
    await act(h, open.caseId, agent, { type: 'requestInfo', message: 'Please send the invoice number.' });
    await h.env.sleep('5 days');
    await h.env.sleep('1 minute');
    const v = await view(h, open.caseId);
    expect(v.status).toBe('RESOLVED');
    expect(v.resolution).toMatchObject({ noResponse: true });
    await h.env.sleep('16 days');
    expect(await view(h, open.caseId)).toMatchObject({ status: 'CLOSED', closeReason: 'CUSTOMER_UNRESPONSIVE' });
  });

  it('when a back-office e-mail gateway relays the customer\'s answer, then it counts as the customer reply', async () => {
    const open = await startCase(h);
    await act(h, open.caseId, agent, { type: 'requestInfo', message: 'Account number?' });
    await act(h, open.caseId, backOffice, { type: 'customerReply', message: 'ACC-42', channel: 'EMAIL' });
    const v = await view(h, open.caseId);
    expect(v.status).toBe('IN_PROGRESS');
    expect(v.recentInteractions.at(-1)).toMatchObject({ kind: 'CUSTOMER_REPLY', channel: 'EMAIL', actorId: 'crm' });
  });
});

describe('withdrawal and feedback (C4.4)', () => {
  it('when the customer withdraws, then the case closes as WITHDRAWN and still takes feedback', async () => {
    const open = await startCase(h);
    await act(h, open.caseId, customer, { type: 'withdraw', reason: 'Solved it myself.' });
    expect(await view(h, open.caseId)).toMatchObject({ status: 'CLOSED', closeReason: 'WITHDRAWN', openDeadlines: [] });
    await act(h, open.caseId, customer, { type: 'feedback', rating: 4, comment: 'Quick answers' });
    expect((await view(h, open.caseId)).feedback).toEqual([expect.objectContaining({ rating: 4 })]);
    await expect(act(h, open.caseId, agent, { type: 'reply', message: 'ok' })).rejects.toThrow(/closed/);
  });

  it('when a customer of another organisation acts on the case, then for them it does not exist and nothing changes', async () => {
    const open = await startCase(h);
    const stranger = { id: 'x', role: 'customer' as const, customerId: 'globex' };
    for (const command of [{ type: 'withdraw' }, { type: 'acknowledge' }] as const) {
      await expect(act(h, open.caseId, stranger, command)).rejects.toMatchObject({ type: 'ActionRejected', details: ['NOT_FOUND'] });
    }
    expect((await view(h, open.caseId)).status).toBe('OPEN');
  });
});
