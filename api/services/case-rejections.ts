// What a refused Update means to the caller: the workflow's typed rejection becomes 409
// (state), 403 (authority), 422 (invalid) or 404 (another organisation's case, which for
// that caller does not exist); a case that did not answer in time is a 503 to retry.
import { WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Problem, notFound } from '../problem';

const STATUS: Record<string, [number, string]> = {
  FORBIDDEN: [403, 'Forbidden'],
  INVALID: [422, 'Unprocessable Content'],
  NOT_FOUND: [404, 'Not Found'],
  STATE: [409, 'Conflict'],
};

export function rejectionToProblem(err: unknown, caseId: string): Problem | undefined {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new Problem({ status: 503, title: 'Service Unavailable', detail: 'the case did not answer in time; retry with the same Idempotency-Key' }, { 'retry-after': '2' });
  }
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== 'ActionRejected') return undefined;
  const reason = String(cause.details?.[0] ?? 'STATE');
  if (reason === 'NOT_FOUND') return notFound(`no case ${caseId}`); // the same words as for no case at all
  const [status, title] = STATUS[reason] ?? STATUS.STATE!;
  return new Problem({ status, title, detail: cause.message });
}
