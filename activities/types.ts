// What the case workflow asks of the outside world. The workflow imports these
// types only; the implementations live beside them and are built by a factory.
import type { Notice } from '../domain/case-commands';
import type { Interaction } from '../domain/case-state';
import type { CaseView } from '../workflows/case/contract';

export interface OutgoingNotice extends Notice {
  /** Stable ID for de-duplication by webhook receivers: `<caseId>-<n>`. */
  eventId: string;
  eventSeq: number;
  caseId: string;
  customerId: string;
  at: string;
}

export interface PersistCaseInput {
  caseId: string;
  interactions: Interaction[];
  notices: OutgoingNotice[];
  /** HTTP request IDs of the actions in this batch, for following a request through the logs. */
  requestIds?: string[];
  /** The case as it stands; `revision` is its version, so a late retry never rolls it back. */
  snapshot: CaseView;
}

export interface CaseActivities {
  /** One transaction: log entries (exactly once), outbox rows, read-model row. */
  persistCase(input: PersistCaseInput): Promise<void>;
  /** Sends the case's undelivered outbox events as signed webhooks. */
  deliverNotices(input: { caseId: string }): Promise<{ delivered: number; skipped: number }>;
}
