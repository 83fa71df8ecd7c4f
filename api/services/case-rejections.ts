// What a refused Update means to the caller: the workflow's typed rejection becomes 409
// (state), 403 (authority), 422 (invalid) or 404 (another organisation's case, which for
// that caller does not exist); a case that did not answer in time is a 503 to retry.
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Problem, notFound } from '../problem';

const STATUS: Record<string, [number, string]> = {
  FORBIDDEN: [403, 'Forbidden'],
  INVALID: [422, 'Unprocessable Content'],
  NOT_FOUND: [404, 'Not Found'],
  STATE: [409, 'Conflict'],
};

/**
 * The server did not take the Update for now: the workflow task carrying it failed (it
 * happens when concurrent messages race a task; code 9), the case already has as many
 * Updates in flight as the server allows (10 per run by default; code 8), or another
 * transient refusal; or it reached the worker in a task that ended before the worker took
 * it up. The Update has a fixed ID, so sending it again applies it at most once.
 */
export function updateWasAborted(err: unknown): boolean {
  // The server's word when a workflow task that carried the Update ended without the
  // worker taking it up (seen with local activities and a burst of Updates): not applied.
  if (err instanceof WorkflowUpdateFailedError) return err.cause instanceof ApplicationFailure && err.cause.type === 'UnprocessedUpdate';
  if (!(err instanceof ServiceError) || err instanceof WorkflowNotFoundError) return false;
  const code = (err.cause as { code?: number } | undefined)?.code;
  // 5 NOT_FOUND and 3 INVALID_ARGUMENT are answers, not a server's "not now".
  return code !== 5 && code !== 3;
}

/** Runs an Update call, sending it again (same ID, so at most once in effect) while the server drops it. */
export async function withAbortRetries<T>(call: () => Promise<T>, tries = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!updateWasAborted(err) || attempt >= tries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
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
