// C2.2(d): compensation within each actor's authority; above it, approval by someone
// whose limit covers it, under its own deadline.
import { act, startCase, view, useHarness } from '../helpers/case-harness';
import { agent, agent2, manager, pinnedSla, supervisor } from '../helpers/fixtures';
import { timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);

async function inProgress(): Promise<string> {
  const open = await startCase(h, { sla: pinnedSla({ compensationApprovalBusinessDays: 2 }) });
  await act(h, open.caseId, agent, { type: 'acknowledge' });
  return open.caseId;
}

describe('C2.2(d) compensation', () => {
  it('when an agent grants within their limit, then it is granted at once and the customer sees it', async () => {
    const caseId = await inProgress();
    await act(h, caseId, { ...agent, compensationLimit: 5_000 }, { type: 'grantCompensation', amount: 5_000, currency: 'CNY', reason: 'Outage credit' });
    const v = await view(h, caseId);
    expect(v.compensation).toEqual([expect.objectContaining({ id: 'G1', status: 'GRANTED', amount: 5_000 })]);
    expect(v.recentInteractions.at(-1)).toMatchObject({ kind: 'COMPENSATION_GRANTED', visibleToCustomer: true });
  });

  it('when the amount is above the agent\'s limit, then it waits for approval, the requester cannot approve it, and someone with a covering limit can', async () => {
    const caseId = await inProgress();
    await act(h, caseId, { ...agent, compensationLimit: 5_000 }, { type: 'grantCompensation', amount: 50_000, currency: 'CNY', reason: 'Two weeks down' });
    let v = await view(h, caseId);
    expect(v.compensation[0]!.status).toBe('PENDING_APPROVAL');
    expect(v.openDeadlines.map((d) => d.kind)).toContain('COMPENSATION_APPROVAL');

    await expect(act(h, caseId, { ...agent, compensationLimit: 1_000_000 }, { type: 'decideCompensation', grantId: 'G1', approve: true })).rejects.toThrow(/other than its requester/);
    await expect(act(h, caseId, { ...agent2, compensationLimit: 10_000 }, { type: 'decideCompensation', grantId: 'G1', approve: true })).rejects.toThrow(/exceeds your limit/);
    await act(h, caseId, supervisor, { type: 'decideCompensation', grantId: 'G1', approve: true, note: 'Justified' });
    v = await view(h, caseId);
    expect(v.compensation[0]).toMatchObject({ status: 'APPROVED', decidedBy: supervisor.id });
    expect(v.openDeadlines.map((d) => d.kind)).not.toContain('COMPENSATION_APPROVAL');
  });

  it('when nobody decides a pending grant within its approval time, then the breach is recorded and managers are told', async () => {
    const caseId = await inProgress();
    await act(h, caseId, agent, { type: 'grantCompensation', amount: 90_000, currency: 'CNY', reason: 'Data loss' });
    await h.env.sleep('2881 minutes');
    const v = await view(h, caseId);
    expect(v.breaches.map((b) => b.clock)).toContain('COMPENSATION_APPROVAL');
    await act(h, caseId, manager, { type: 'decideCompensation', grantId: 'G1', approve: false, note: 'Covered by contract' });
    expect((await view(h, caseId)).compensation[0]!.status).toBe('REJECTED');
  });
});
