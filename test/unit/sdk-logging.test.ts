// The Temporal SDK's failure lines reach the JSON log with what kind of error it was,
// never with the error's message or stack, which can quote what a customer wrote.
import vm from 'node:vm';
import { ApplicationFailure, DefaultFailureConverter, defaultPayloadConverter } from '@temporalio/common';
import { sdkLogger } from '../../worker/sdk-logging';
import { capturedLogger } from '../helpers/captured-logger';

const SECRET = 'Li Wei, card 4111 1111 1111 1111';

function capture() {
  const { lines, logger } = capturedLogger();
  return { lines, sdk: sdkLogger(logger) };
}

describe('SDK logs in the JSON stream', () => {
  it('when an activity fails with an error quoting a customer, then the line keeps the failure type and the activity, not the text or the stack', () => {
    const { lines, sdk } = capture();
    const cause = new TypeError(`bad value near "${SECRET}"`);
    const error = ApplicationFailure.create({ message: `insert failed: ${SECRET}`, type: 'DatabaseUnavailable', nonRetryable: false, cause });
    sdk.warn('Activity failed', { activityType: 'persistCase', workflowId: 'case-c1', durationMs: 12, error });
    expect(JSON.stringify(lines)).not.toContain('4111');
    expect(JSON.stringify(lines)).not.toMatch(/Li Wei|sdk-logging\.test|at Object/);
    expect(lines[0]).toMatchObject({
      level: 40,
      sdk: true,
      msg: 'Activity failed',
      activityType: 'persistCase',
      workflowId: 'case-c1',
      error: { errorType: 'ApplicationFailure', failureType: 'DatabaseUnavailable', nonRetryable: false, cause: { errorType: 'TypeError' } },
    });
  });

  it('when a workflow\'s own error (another realm) fails a task and the SDK repeats its text in the line, then neither the text nor the stack is logged', () => {
    const { lines, sdk } = capture();
    const fromWorkflow = vm.runInNewContext(`new Error(${JSON.stringify(`cannot reply: ${SECRET}`)})`) as Error;
    sdk.error(`Failed to process Workflow Activation: cannot reply: ${SECRET}`, { runId: 'r1', error: fromWorkflow });
    sdk.warn('Workflow failed', { error: fromWorkflow });
    expect(JSON.stringify(lines)).not.toContain('4111');
    expect(lines.map((l) => l.msg)).toEqual(['Failed to process Workflow Activation: [redacted]', 'Workflow failed']);
    expect(lines[0]).toMatchObject({ runId: 'r1', error: { errorType: 'Error' } });
  });

  it('when a workflow fails on an activity failure read back from the history, then the failure record it carries is not logged either', () => {
    const { lines, sdk } = capture();
    // As the SDK decodes it: the error keeps the Failure record, whose stack trace repeats the message.
    const activityFailure = new DefaultFailureConverter().failureToError(
      {
        message: 'Activity task failed',
        activityFailureInfo: { activityType: { name: 'persistCase' }, activityId: '1' },
        cause: { message: `insert failed: ${SECRET}`, stackTrace: `Error: insert failed: ${SECRET}\n    at persistCase`, applicationFailureInfo: { type: 'DatabaseUnavailable' } },
      },
      defaultPayloadConverter,
    );
    sdk.warn('Workflow failed', { error: activityFailure });
    expect(JSON.stringify(lines)).not.toContain('4111');
    expect(lines[0]).toMatchObject({ error: { errorType: 'ActivityFailure', cause: { errorType: 'ApplicationFailure', failureType: 'DatabaseUnavailable' } } });
  });
});
