// What a refused Update means to the caller: the workflow's typed rejection becomes 409
// (state), 403 (authority), 422 (invalid) or 404 (another organisation's case, which for
// that caller does not exist); a case that did not answer in time is a 503 to retry.
import { ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Problem, notFound } from '../problem';

const STATUS: Record<string, [number, string]> = {
  FORBIDDEN: [403, 'Forbidden'],
  INVALID: [422, 'Unprocessable Content'],
  NOT_FOUND: [404, 'Not Found'],
  STATE: [409, 'Conflict'],
};

/**
 * The server dropped the Update because the workflow task carrying it failed (it happens
 * when concurrent messages race a task): nothing was applied, and the same Update ID may
 * simply be sent again.
 */
export function updateWasAborted(err: unknown): boolean {
  if (!(err instanceof ServiceError)) return false;
  const cause = err.cause as { code?: number; details?: string; message?: string } | undefined;
  return cause?.code === 9 /* FAILED_PRECONDITION */ && /workflow task failure|aborted/i.test(`${cause.details ?? ''} ${cause.message ?? ''}`);
}

/** Runs an Update call, sending it again (same ID, so at most once in effect) while the server drops it. */
export async function withAbortRetries<T>(call: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!updateWasAborted(err) || attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

export function rejectionToProblem(err: unknown, caseId: string): Problem | undefined {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || updateWasAborted(err)) {
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
