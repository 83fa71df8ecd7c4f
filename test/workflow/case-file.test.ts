// The Temporal UI reads like a case file: every timer the case sets names its clock and
// due instant (UTC with the case's local time), current details lead with the status and
// the breach, and a closed case says on its first line that it only lingers for feedback.
import type { temporal } from '@temporalio/proto';
import { defaultPayloadConverter } from '@temporalio/common';
import { workflowMetadataQuery } from '@temporalio/workflow';
import { AesGcmCodec } from '../../codec/aes-gcm-codec';
import { twentyFourSevenCalendarSpec } from '../../domain/calendar-presets';
import { caseWorkflowId } from '../../workflows/case/contract';
import { act, startCase, useHarness, view } from '../helpers/case-harness';
import { customer, pinnedSla } from '../helpers/fixtures';
import { TEST_KEY_RING, timeSkippingEnv } from '../helpers/temporal';

const h = useHarness(timeSkippingEnv);
const codec = new AesGcmCodec(TEST_KEY_RING);
const shanghaiSla = (overrides: Parameters<typeof pinnedSla>[0] = {}) => ({
  ...pinnedSla(overrides),
  calendarId: '24x7-shanghai',
  calendar: twentyFourSevenCalendarSpec('Asia/Shanghai'),
});

/** The summaries of the timers the case started, decrypted as the UI shows them. */
async function timerSummaries(caseId: string): Promise<string[]> {
  const { events } = await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  const summaries: string[] = [];
  for (const e of (events ?? []) as temporal.api.history.v1.IHistoryEvent[]) {
    const summary = e.timerStartedEventAttributes ? e.userMetadata?.summary : undefined;
    if (!summary) continue;
    const [plain] = await codec.decode([summary as never]);
    summaries.push(defaultPayloadConverter.fromPayload<string>(plain!));
  }
  return summaries;
}

async function currentDetails(caseId: string): Promise<string> {
  const meta = await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).query(workflowMetadataQuery);
  return meta.currentDetails ?? '';
}

describe('the case file in the Temporal UI', () => {
  it('when a case opens, then its alarm timer names the clock, what happens and when, in UTC and the case zone', async () => {
    const open = await startCase(h, { sla: shanghaiSla({ firstResponseMinutes: 60, warningFraction: 0.75 }) });
    const clock = (await view(h, open.caseId)).openDeadlines.find((d) => d.kind === 'FIRST_RESPONSE')!;
    const warnAt = new Date(clock.warnAt);
    const utc = `${warnAt.toISOString().slice(0, 10)} ${warnAt.toISOString().slice(11, 16)} UTC`;
    const local = new Date(warnAt.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
    const [first] = await timerSummaries(open.caseId);
    expect(first).toMatch(new RegExp(`^FIRST_RESPONSE warning at ${utc} \\((\\d{4}-\\d\\d-\\d\\d )?${local} Asia/Shanghai\\)$`));
  });

  it('when the first response deadline passes, then current details lead with the status and the breach, then the next deadline', async () => {
    const open = await startCase(h, { sla: shanghaiSla({ firstResponseMinutes: 30 }) });
    await h.env.sleep('31 minutes');
    const details = await currentDetails(open.caseId);
    const lines = details.split('\n\n');
    expect(lines[0]).toBe('**OPEN** · level 0 · front-line · unassigned');
    expect(lines[1]).toBe('⚠ **breached**: FIRST_RESPONSE');
    expect(lines[2]).toMatch(/^next: [A-Z_]+ due \d{4}-\d\d-\d\d \d\d:\d\d UTC \(.*Asia\/Shanghai\)$/);
    expect(lines.length).toBe(3); // the panel shows about three lines
    expect(await timerSummaries(open.caseId)).toContainEqual(expect.stringMatching(/^FIRST_RESPONSE due at /));
  });

  it('when a case closes, then its first line says it is closed and kept for feedback, and so does its linger timer', async () => {
    const open = await startCase(h, { sla: shanghaiSla() });
    const alarmSetAtOpening = Date.parse((await view(h, open.caseId)).openDeadlines[0]!.warnAt);
    await act(h, open.caseId, customer, { type: 'withdraw', reason: 'sorted it out myself' });
    const details = await currentDetails(open.caseId);
    expect(details.split('\n\n')[0]).toMatch(/^\*\*CLOSED\*\* \(WITHDRAWN\) — kept until \d{4}-\d\d-\d\d \d\d:\d\d UTC .* for feedback, then the workflow completes$/);
    // The alarm set before the close still rings first (cancelling it would be a new command); then the linger timer.
    await h.env.sleep(alarmSetAtOpening - Date.now() + 60_000);
    expect((await timerSummaries(open.caseId)).at(-1)).toMatch(/^closed — kept 7 days for feedback, until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });
});
