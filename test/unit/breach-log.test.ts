// A breach is logged at warn with its case and clock (activities/case-activities.ts):
// these are the breaches a case write records.
import { breachesRecorded } from '../../activities/case-write';
import type { PersistCaseInput } from '../../activities/types';

const entry = (seq: number, kind: string) => ({ seq, at: '2026-03-02T09:00:00.000Z', actorId: 'system', actorRole: 'system', channel: 'API', kind, visibleToCustomer: false });
const snapshot = {
  breaches: [
    { clock: 'FIRST_RESPONSE', deadlineId: 'd1', due: '2026-03-01T09:00:00.000Z', at: '2026-03-01T09:00:00.000Z' },
    { clock: 'PROGRESS_UPDATE', deadlineId: 'd2', due: '2026-03-02T09:00:00.000Z', at: '2026-03-02T09:00:00.000Z' },
  ],
} as unknown as PersistCaseInput['snapshot'];

describe('breaches a case write records', () => {
  it('when a write carries an SLA_BREACHED entry, then its clock and due instant are the newest breach', () => {
    const interactions = [entry(7, 'AGENT_REPLY'), entry(8, 'SLA_BREACHED')] as PersistCaseInput['interactions'];
    expect(breachesRecorded({ interactions, snapshot })).toEqual([{ clock: 'PROGRESS_UPDATE', due: '2026-03-02T09:00:00.000Z' }]);
  });

  it('when a write carries no breach, then there is nothing to warn about, however many breaches the case had before', () => {
    expect(breachesRecorded({ interactions: [entry(9, 'AGENT_REPLY')] as PersistCaseInput['interactions'], snapshot })).toEqual([]);
  });
});
