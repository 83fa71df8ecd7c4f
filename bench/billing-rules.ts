// Temporal Cloud's billable actions in one workflow run's event history, by the rules
// Temporal publishes (docs.temporal.io/cloud/actions, the "Temporal Cloud Actions" page):
// what a case would cost on Temporal Cloud, counted without a Cloud account.
// Queries and rejected Updates are billed but never written to a history: callers add
// those from the client side. Pure: no I/O, so it is unit-tested on hand-built histories.
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;

/** The SDK's marker for a local activity's result (sdk-core's LOCAL_ACTIVITY_MARKER_NAME). */
export const LOCAL_ACTIVITY_MARKER = 'core_local_activity';
/** The search attribute the SDK upserts for `patched()`; the docs exempt it from billing. */
export const CHANGE_VERSION_ATTRIBUTE = 'TemporalChangeVersion';

export const BILLED_KINDS = [
  'workflowStarted', // client start, continue-as-new, signal- or update-with-start
  'timerStarted', // sleep and condition(fn, timeout) alike
  'signalReceived',
  'updateAccepted',
  'activityScheduled',
  'activityRetried', // the docs bill every retry ("Activity started or retried")
  'localActivityTasks', // all local activities of one workflow task are one action
  'localActivityRetried',
  'searchAttributeUpserts',
  'childWorkflowStarted', // two actions each: the recorded intent and the start
  'optionsUpdated',
] as const;
export type BilledKind = (typeof BILLED_KINDS)[number];

/** Events that look billable but the rules exempt: kept so a reader can check the count. */
export interface ExemptEvents {
  changeVersionUpserts: number;
  /** The signal that came with a signal-with-start: one action for both, billed as the start. */
  signalsWithStart: number;
  /** Markers other than local activities' (patches, side effects of other SDKs' kinds). */
  otherMarkers: number;
}

export interface BillableActions {
  total: number;
  byKind: Record<BilledKind, number>;
  exempt: ExemptEvents;
}

export const noActions = (): BillableActions => ({
  total: 0,
  byKind: Object.fromEntries(BILLED_KINDS.map((k) => [k, 0])) as Record<BilledKind, number>,
  exempt: { changeVersionUpserts: 0, signalsWithStart: 0, otherMarkers: 0 },
});

/** Events billed at a fixed number of actions each. */
const FIXED: ReadonlyMap<number, [BilledKind, number]> = new Map<number, [BilledKind, number]>([
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, ['workflowStarted', 1]],
  [EventType.EVENT_TYPE_TIMER_STARTED, ['timerStarted', 1]],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, ['updateAccepted', 1]],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, ['activityScheduled', 1]],
  [EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED, ['childWorkflowStarted', 2]],
  [EventType.EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED, ['optionsUpdated', 1]],
]);

const num = (v: number | { toString(): string } | null | undefined): number => (v == null ? 0 : Number(v.toString()));

/** Counts one run's billable actions. Continue-as-new: count each run; its new run's start is the action. */
export function countBillableActions(history: History): BillableActions {
  const out = noActions();
  const events: HistoryEvent[] = history.events ?? [];
  const bill = (kind: BilledKind, n: number): void => {
    out.byKind[kind] += n;
  };
  const localActivityTasks = new Set<string>();
  events.forEach((event, i) => {
    const type = event.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED;
    const fixed = FIXED.get(type);
    if (fixed) bill(...fixed);
    else if (type === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) {
      // Signal-with-start records the signal right after the start, before any task.
      if (events[i - 1]?.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) out.exempt.signalsWithStart++;
      else bill('signalReceived', 1);
    } else if (type === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
      // Attempts before the recorded one leave no events of their own; `attempt` counts them.
      bill('activityRetried', Math.max(0, num(event.activityTaskStartedEventAttributes?.attempt) - 1));
    } else if (type === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
      bill('localActivityRetried', num(event.workflowTaskCompletedEventAttributes?.meteringMetadata?.nonfirstLocalActivityExecutionAttempts));
    } else if (type === EventType.EVENT_TYPE_MARKER_RECORDED) {
      const marker = event.markerRecordedEventAttributes;
      if (marker?.markerName === LOCAL_ACTIVITY_MARKER) localActivityTasks.add(String(num(marker.workflowTaskCompletedEventId)));
      else out.exempt.otherMarkers++;
    } else if (type === EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES) {
      const keys = Object.keys(event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
      if (keys.length === 1 && keys[0] === CHANGE_VERSION_ATTRIBUTE) out.exempt.changeVersionUpserts++;
      else bill('searchAttributeUpserts', 1);
    }
  });
  bill('localActivityTasks', localActivityTasks.size);
  out.total = BILLED_KINDS.reduce((sum, k) => sum + out.byKind[k], 0);
  return out;
}

/** Sums the counts of several runs (a chain of continue-as-new). */
export function sumActions(counts: BillableActions[]): BillableActions {
  const out = noActions();
  for (const c of counts) {
    for (const k of BILLED_KINDS) out.byKind[k] += c.byKind[k];
    out.exempt.changeVersionUpserts += c.exempt.changeVersionUpserts;
    out.exempt.signalsWithStart += c.exempt.signalsWithStart;
    out.exempt.otherMarkers += c.exempt.otherMarkers;
    out.total += c.total;
  }
  return out;
}
