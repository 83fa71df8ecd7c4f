// Result, acceptance, dispute (C3.4) and the formal appeal (C5.1, C5.2) on the
// time-skipping server.
import { act, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, agent2, customer, manager, pinnedSla, supervisor } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

const sla = () => pinnedSla({ appealWindow: { days: 15, kind: 'calendar' }, appealReviewBusinessDays: 5 });

async function resolved(): Promise<string> {
  const open = await startCase(h, { sla: sla() });
  await act(h, open.caseId, agent, { type: 'acknowledge' });
  await act(h, open.caseId, agent, { type: 'resolve', result: 'Reset the password; login works again.', procedure: 'PASSWORD_RESET' });
  return open.caseId;
}

describe('C5.1 appeal window', () => {
  it('when nobody appeals by the end of the 15th day after the result, then the case closes as APPEAL_WINDOW_EXPIRED', async () => {
    const caseId = await resolved();
    const v = await view(h, caseId);
    expect(v.status).toBe('RESOLVED');
    expect(v.resolution).toMatchObject({ procedure: 'PASSWORD_RESET', by: agent.id });
    const window = v.openDeadlines.find((d) => d.kind === 'APPEAL_WINDOW')!;
    const resolvedOn = v.resolvedAt!.slice(0, 10);
    const lastDay = new Date(Date.parse(`${resolvedOn}T00:00:00Z`) + 16 * 24 * 3600_000).toISOString();
    expect(window.due).toBe(lastDay); // midnight (UTC calendar) after the 15th day
    await h.env.sleep('15 days');
    expect((await view(h, caseId)).status).toBe('RESOLVED');
    await h.env.sleep('1 day');
    const closed = await view(h, caseId);
    expect(closed).toMatchObject({ status: 'CLOSED', closeReason: 'APPEAL_WINDOW_EXPIRED' });
  });

  it('when the customer accepts the result, then the case closes as ACCEPTED and further actions are refused', async () => {
    const caseId = await resolved();
    await act(h, caseId, customer, { type: 'accept' });
    expect(await view(h, caseId)).toMatchObject({ status: 'CLOSED', closeReason: 'ACCEPTED' });
    await expect(act(h, caseId, customer, { type: 'appeal', grounds: 'changed my mind' })).rejects.toThrow(/closed/);
  });

  it('when the customer appeals after the window closed, then nothing can be filed', async () => {
    const caseId = await resolved();
    await h.env.sleep('17 days');
    await expect(act(h, caseId, customer, { type: 'appeal', grounds: 'late' })).rejects.toThrow(/closed/);
  });

  it('when the customer appeals in time, then a reviewer who never handled the case decides it and the case closes with the decision', async () => {
    const caseId = await resolved();
    await h.env.sleep('3 days');
    const filed = await act(h, caseId, customer, { type: 'appeal', grounds: 'The agent promised a refund that never came.' });
    expect(filed.status).toBe('APPEALED');
    await expect(act(h, caseId, agent, { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'fine' })).rejects.toThrow(/supervisor or manager/);
    const decided = await act(h, caseId, supervisor, {
      type: 'decideAppeal',
      decision: 'OVERTURNED',
      reasoning: 'The promise was made and is binding.',
      newResult: 'Refund of one month granted.',
      faultFinding: 'Agent promised beyond authority',
      remedy: 'One month refund',
    });
    expect(decided.status).toBe('CLOSED');
    const v = await view(h, caseId);
    expect(v.closeReason).toBe('APPEAL_DECIDED');
    expect(v.appeal).toMatchObject({ decision: 'OVERTURNED', reviewer: supervisor.id, faultFinding: 'Agent promised beyond authority', remedy: 'One month refund' });
    expect(v.resolution!.result).toBe('Refund of one month granted.');
  });

  it('when a supervisor who handled the case tries to decide its appeal, then the four-eyes rule refuses it', async () => {
    const open = await startCase(h, { sla: sla() });
    await act(h, open.caseId, supervisor, { type: 'acknowledge' });
    await act(h, open.caseId, supervisor, { type: 'resolve', result: 'Done.' });
    await act(h, open.caseId, customer, { type: 'appeal', grounds: 'Not done.' });
    await expect(act(h, open.caseId, supervisor, { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'mine' })).rejects.toThrow(/must not have handled/);
    await act(h, open.caseId, manager, { type: 'decideAppeal', decision: 'UPHELD', reasoning: 'Correct result.' });
    expect((await view(h, open.caseId)).status).toBe('CLOSED');
  });

  it('when the appeal review is late, then the breach is recorded and the case goes to management', async () => {
    const caseId = await resolved();
    await act(h, caseId, customer, { type: 'appeal', grounds: 'Wrong result.' });
    await h.env.sleep('7201 minutes');
    const v = await view(h, caseId);
    expect(v.status).toBe('APPEALED');
    expect(v.breaches.map((b) => b.clock)).toContain('APPEAL_REVIEW');
    expect(v.unit).toBe('management');
    expect(v.escalations.at(-1)).toMatchObject({ trigger: 'LATE_APPEAL_REVIEW' });
  });
});

describe('C3.4 dispute', () => {
  it('when the customer is not satisfied with the result, then the case is re-assessed one level up', async () => {
    const caseId = await resolved();
    const r = await act(h, caseId, customer, { type: 'dispute', reason: 'Still cannot log in.' });
    expect(r.status).toBe('ESCALATED');
    const v = await view(h, caseId);
    expect(v.level).toBe(1);
    expect(v.escalations.at(-1)).toMatchObject({ trigger: 'DISPUTE' });
    expect(v.openDeadlines.map((d) => d.kind)).not.toContain('APPEAL_WINDOW');
    await act(h, caseId, agent2, { type: 'resolve', result: 'Unlocked the account at the identity provider.' });
    expect((await view(h, caseId)).status).toBe('RESOLVED');
  });
});
