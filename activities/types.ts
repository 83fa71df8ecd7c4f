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
  /**
   * Set by workflow code that writes beside its clocks: a write the database refuses fails
   * at once (type DatabaseRefusedWrite) so the case can record it and redrive it later.
   * Without it the write is retried forever, as the first workflow version expects.
   */
  reportRefusal?: boolean;
}

export interface PersistCaseResult {
  receiver: boolean;
}

export interface CaseActivities {
  /**
   * One transaction: log entries (exactly once), outbox rows, read-model row. Says whether
   * a webhook receiver is configured, so the case schedules delivery only when one is.
   */
  persistCase(input: PersistCaseInput): Promise<PersistCaseResult | void>;
  /** Sends the case's undelivered outbox events as signed webhooks, in order (notice-delivery.ts). */
  deliverNotices(input: { caseId: string }): Promise<{ delivered: number; skipped: number }>;
}

/** What one pass of the notice relay did, and when it has something to do next. */
export interface RelayPass {
  delivered: number;
  /** Cases whose head notice failed again in this pass. */
  failed: number;
  /** More cases were due than one pass takes on: run another pass straight away. */
  more: boolean;
  /** The earliest next attempt or lease end among waiting notices (ISO), or null when none waits. */
  nextDueAt: string | null;
}

/** What the notice relay workflow (workflows/notices/relay.ts) asks of the outside world. */
export interface NoticeRelayActivities {
  /** Retries the failed notices that are due, each case's in order, with capped back-off. */
  relayDueNotices(): Promise<RelayPass>;
}
