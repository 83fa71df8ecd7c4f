// Counts the queries a Temporal client sends, by workflow ID: Temporal Cloud bills each
// query a worker answers, but queries leave no trace in a workflow's history.
import type { WorkflowClientInterceptor } from '@temporalio/client';

/** The SDK's built-in metadata query; the billing rules exclude it. */
const UNBILLED_QUERY = '__temporal_workflow_metadata';

export class QueryCounter {
  private readonly counts = new Map<string, number>();

  /** Goes into the client's `interceptors.workflow`. */
  readonly interceptor: WorkflowClientInterceptor = {
    query: (input, next) => {
      if (input.queryType !== UNBILLED_QUERY) {
        const id = input.workflowExecution.workflowId;
        this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      }
      return next(input);
    },
  };

  countFor(workflowId: string): number {
    return this.counts.get(workflowId) ?? 0;
  }
}
