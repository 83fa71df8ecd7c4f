// The bench's Temporal Cloud action count, rule by rule, on small hand-built histories.
import { temporal } from '@temporalio/proto';
import { countBillableActions, sumActions } from '../../bench/billing-rules';

const T = temporal.api.enums.v1.EventType;
const { History } = temporal.api.history.v1;
/** An event as plain data; `count` turns it into what a client's fetchHistory returns. */
type Event = Record<string, unknown> & { eventType: number };

const started: Event = { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, workflowExecutionStartedEventAttributes: {} };
const taskScheduled: Event = { eventType: T.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED };
const taskCompleted = (lARetries = 0): Event => ({
  eventType: T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
  workflowTaskCompletedEventAttributes: lARetries ? { meteringMetadata: { nonfirstLocalActivityExecutionAttempts: lARetries } } : {},
});
const marker = (markerName: string, workflowTaskCompletedEventId: number): Event => ({
  eventType: T.EVENT_TYPE_MARKER_RECORDED,
  markerRecordedEventAttributes: { markerName, workflowTaskCompletedEventId },
});
const upsert = (...keys: string[]): Event => ({
  eventType: T.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES,
  upsertWorkflowSearchAttributesEventAttributes: { searchAttributes: { indexedFields: Object.fromEntries(keys.map((k) => [k, {}])) } },
});
const signaled: Event = { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED };
// Through the wire format and back, so IDs are Longs and maps are maps, as the server sends them.
const count = (...events: Event[]) => countBillableActions(History.decode(History.encode(History.fromObject({ events })).finish()));

describe('Temporal Cloud billable actions counted from a history', () => {
  it('when a workflow starts, then the start is one action and the task events around it are none', () => {
    expect(count(started, taskScheduled, taskCompleted()).total).toBe(1);
  });

  it('when timers start (sleep or condition with a timeout), then each is one action and firing them is none', () => {
    const c = count(started, { eventType: T.EVENT_TYPE_TIMER_STARTED }, { eventType: T.EVENT_TYPE_TIMER_FIRED }, { eventType: T.EVENT_TYPE_TIMER_STARTED });
    expect(c.byKind.timerStarted).toBe(2);
    expect(c.total).toBe(3);
  });

  it('when signals arrive, then each is one action, but the signal of a signal-with-start is billed with the start', () => {
    const withStart = count(started, signaled, taskScheduled, signaled);
    expect(withStart.byKind).toMatchObject({ workflowStarted: 1, signalReceived: 1 });
    expect(withStart.exempt.signalsWithStart).toBe(1);
    expect(withStart.total).toBe(2);
  });

  it('when Updates are accepted, then each is one action; their completion is none', () => {
    const c = count(started, taskScheduled, { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED }, { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED });
    expect(c.byKind.updateAccepted).toBe(1);
    expect(c.total).toBe(2);
  });

  it('when an activity is scheduled and its third attempt succeeds, then it costs one action plus two retries', () => {
    const c = count(
      started,
      { eventType: T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED },
      { eventType: T.EVENT_TYPE_ACTIVITY_TASK_STARTED, activityTaskStartedEventAttributes: { attempt: 3 } },
      { eventType: T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED },
    );
    expect(c.byKind).toMatchObject({ activityScheduled: 1, activityRetried: 2 });
    expect(c.total).toBe(4);
  });

  it('when local activities run, then all of one workflow task are one action, retries add theirs, other markers are free', () => {
    const c = count(
      started,
      taskCompleted(),
      marker('core_local_activity', 4),
      marker('core_local_activity', 4),
      taskCompleted(1),
      marker('core_local_activity', 9),
      marker('core_patch', 9),
    );
    expect(c.byKind).toMatchObject({ localActivityTasks: 2, localActivityRetried: 1 });
    expect(c.exempt.otherMarkers).toBe(1);
    expect(c.total).toBe(4);
  });

  it('when search attributes are upserted, then each upsert is one action whatever it sets, and a patch\'s TemporalChangeVersion upsert is free', () => {
    const c = count(started, upsert('CaseStatus', 'SlaBreached'), upsert('CaseStatus'), upsert('TemporalChangeVersion'));
    expect(c.byKind.searchAttributeUpserts).toBe(2);
    expect(c.exempt.changeVersionUpserts).toBe(1);
    expect(c.total).toBe(3);
  });

  it('when a child workflow is started or options are updated, then they cost two and one', () => {
    const c = count(started, { eventType: T.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED }, { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_OPTIONS_UPDATED });
    expect(c.byKind).toMatchObject({ childWorkflowStarted: 2, optionsUpdated: 1 });
    expect(c.total).toBe(4);
  });

  it('when a workflow continued as new, then each run\'s start is one action and the runs add up', () => {
    const first = count(started, { eventType: T.EVENT_TYPE_TIMER_STARTED }, { eventType: T.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW });
    const second = count(started, upsert('CaseStatus'));
    const both = sumActions([first, second]);
    expect(both.byKind).toMatchObject({ workflowStarted: 2, timerStarted: 1, searchAttributeUpserts: 1 });
    expect(both.total).toBe(4);
  });
});
