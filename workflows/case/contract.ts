// The contract of `caseWorkflow`: its ID, input, messages and view. The API, tests and
// tools import these constants; nobody spells a message name as a string.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CalendarSpec } from '../../domain/business-calendar';
import type { CaseCommand, CommandType } from '../../domain/case-commands';
import type { CaseState, Deadline } from '../../domain/case-state';
import type { Actor } from '../../domain/case-types';
import type { NewCase } from '../../domain/case-open';
import type { SlaRule } from '../../domain/sla-policy';
import type { PersistCaseInput } from '../../activities/types';
import type { CaseFile } from './case-file';

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';
export const CASE_TASK_QUEUE = 'casekeeper-cases';
export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;

/** The SLA a case pins at opening: the policy version's rule and the calendar, by value. */
export interface PinnedSla {
  policyId: string;
  policyVersion: number;
  rule: SlaRule;
  calendarId: string;
  /** The calendar's version (pins made before it was recorded have none). */
  calendarVersion?: number;
  calendar: CalendarSpec;
}

/** A new case as the API starts it: the intake fields and the SLA it pins, by value. */
export interface OpenCaseInput extends Omit<NewCase, 'policy' | 'calendarId'> {
  sla: PinnedSla;
}

/** What continue-as-new carries into the next run. */
export interface CarriedState {
  state: CaseState;
  sla: PinnedSla;
  /** Update IDs already applied, with their results: de-duplication across runs. */
  applied: [string, ActionResult][];
  closedAt?: string;
  /** Idempotency-Key IDs already used, with their request hashes (bounded like `applied`). */
  keys?: [string, string][];
  /** Effects not yet known to be written (a refused or interrupted write): written first. */
  unwritten?: PersistCaseInput;
  writeStall?: WriteStall;
}

/** The database refuses this case's writes: since when, how often, and its SQLSTATE. */
export interface WriteStall {
  since: string;
  attempts: number;
  code?: string;
}

export interface CaseWorkflowInput {
  open: OpenCaseInput;
  carried?: CarriedState;
  /**
   * Continue-as-new once the history reaches this many events, even before the server
   * suggests it (an operator's lever for very busy cases; tests use a small value).
   */
  maxHistoryEvents?: number;
}

export interface CaseView extends CaseState {
  slaBreached: boolean;
  nextDeadline?: Pick<Deadline, 'kind' | 'due' | 'id'>;
  /** Deadlines of running clocks (paused ones included, with `pausedAt`), soonest first. */
  openDeadlines: Deadline[];
  /** C4.2: what the customer may expect and by when (absent when not running). */
  customerDeadlines: {
    firstResponseDue?: string;
    nextUpdateDue?: string;
    replyBy?: string;
    appealWindowClosesAt?: string;
    appealReviewDue?: string;
    /** True while waiting on the customer: our clocks are paused. */
    clocksPaused: boolean;
  };
  /** C3.4: where the case goes next if it stays unresolved or the customer is not satisfied. */
  escalationPath: string;
}

export interface ActionResult {
  caseId: string;
  status: CaseState['status'];
  seq: number;
  /** Log entries this action appended. */
  appended: number[];
  /**
   * The case after the action, once the action's log entries and read-model row are written
   * (read-your-writes); the API shows the caller only what it may see. Cases still on the
   * v1 loop leave it out. Never remembered for de-duplication: a retry gets it afresh.
   */
  case?: CaseView;
}

export interface ActionArgs {
  actor: Actor;
  /** The command; its `type` is implied by the Update's name and overwritten by it. */
  command: CaseCommand;
  /** The HTTP request that sent the action, for following it through the logs. */
  requestId?: string;
  /**
   * An Idempotency-Key, as an ID of caller, case, action and key, with the hash of the
   * request: a second request with the key and another body is refused (INVALID).
   */
  idempotency?: { keyId: string; requestHash: string };
}

/** What the opening answers: the case as its opener may see it, written. */
export interface OpenedArgs {
  actor: Actor;
}

export const getCaseQuery = defineQuery<CaseView>('getCase');
/** The case's state in a few readable lines (local times beside UTC): for the UI's Queries tab. */
export const caseFileQuery = defineQuery<CaseFile>('caseFile');
/** Sent with the start (update-with-start): answers the case once its opening is written. */
export const openedUpdate = defineUpdate<CaseView, [OpenedArgs]>('opened');
export const policyChangedSignal = defineSignal<[PinnedSla]>('policyChanged');
/** An operator's word that the database takes writes again: retry a refused write now. */
export const redriveWritesSignal = defineSignal('redriveWrites');

/** Static details the API starts a case with: the UI shows them first; no personal data. */
export function caseStaticDetails(open: Pick<OpenCaseInput, 'sla' | 'category' | 'priority' | 'channel'>): string {
  const { sla } = open;
  return [
    `${open.category} · ${open.priority} · via ${open.channel} · SLA ${sla.policyId} v${sla.policyVersion}`,
    `calendar ${sla.calendarId} (${sla.calendar.timezone})`,
    'live state: Current Details; query **caseFile**',
  ].join('\n\n');
}

const COMMAND_TYPES = [
  'acknowledge', 'reply', 'requestInfo', 'customerReply', 'assign', 'recordFinding', 'escalate',
  'grantCompensation', 'decideCompensation', 'resolve', 'accept', 'dispute', 'appeal',
  'decideAppeal', 'feedback', 'withdraw',
] as const satisfies readonly CommandType[];

/** One Update per action, named after it, so the Temporal UI history reads as the case's story. */
export const actionUpdates = Object.fromEntries(
  COMMAND_TYPES.map((t) => [t, defineUpdate<ActionResult, [ActionArgs]>(t)]),
) as Record<CommandType, UpdateDefinition<ActionResult, [ActionArgs]>>;

// Every command type has its Update: this fails to compile when one is missing.
type Missing = Exclude<CommandType, (typeof COMMAND_TYPES)[number]>;
const allCommandsHaveUpdates: [Missing] extends [never] ? true : never = true;
void allCommandsHaveUpdates;

export const ACTION_TYPES: readonly CommandType[] = COMMAND_TYPES;
