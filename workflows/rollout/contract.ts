// The contract of `rolloutWorkflow`: what a roll-out moves, its ID, its progress and the
// query that reads it. The API starts it and reads its progress; the worker runs it.
import { defineQuery } from '@temporalio/workflow';

export const ROLLOUT_WORKFLOW_TYPE = 'rolloutWorkflow';

/**
 * What a roll-out moves: the open cases of one SLA policy, one calendar, or one customer
 * organisation's service contract. A new kind is one more member here, and TypeScript then
 * asks for its entries in the two registries: its selection and pins
 * (activities/rollout-targets.ts) and its version (api/services/policy-rollout.ts).
 */
export const ROLLOUT_TARGET_KINDS = ['policy', 'calendar', 'organisation'] as const;
export type RolloutTargetKind = (typeof ROLLOUT_TARGET_KINDS)[number];
export interface RolloutTarget {
  kind: RolloutTargetKind;
  id: string;
}

/**
 * One roll-out ID per target and version. While one runs, asking again for the same
 * target at the same version is that roll-out; once it has completed, asking again starts
 * a new run under the same ID: a sweep of the cases still on an older version (see
 * startRollout in api/services/policy-rollout.ts).
 */
export const rolloutId = (target: RolloutTarget, version: number): string => `${target.kind}-${target.id}-v${version}`;
export const rolloutWorkflowId = (id: string): string => `rollout-${id}`;

/** The target and version a roll-out ID names, or undefined if it names none. */
export function parseRolloutId(id: string): { target: RolloutTarget; version: number } | undefined {
  const m = /^([a-z]+)-(.+)-v(\d+)$/.exec(id);
  const kind = ROLLOUT_TARGET_KINDS.find((k) => k === m?.[1]);
  return m && kind ? { target: { kind, id: m[2]! }, version: Number(m[3]) } : undefined;
}

/** Why a case was not moved. Every other trouble (an outage) is retried, not reported. */
export const ROLLOUT_FAILURE_REASONS = [
  'CASE_ENDED', // its workflow has completed although the read model still shows it open
  'POLICY_MISSING', // the policy (or the version) the new pin needs is not on record
  'CALENDAR_MISSING', // the calendar (or the version) the new pin needs is not on record
  'DEADLINES_NOT_COMPUTABLE', // the rule cannot produce deadlines on the calendar
] as const;
export type RolloutFailureReason = (typeof ROLLOUT_FAILURE_REASONS)[number];

export interface RolloutFailure {
  caseId: string;
  reason: RolloutFailureReason;
}

/** At most this many failed cases are listed (all are counted): the progress crosses continue-as-new. */
export const MAX_LISTED_FAILURES = 1000;

export interface RolloutProgress {
  id: string;
  target: RolloutTarget;
  version: number;
  state: 'RUNNING' | 'COMPLETED';
  pagesDone: number;
  /** Cases signalled their new pin (each recomputes its pending deadlines on receipt). */
  moved: number;
  failedCount: number;
  /** The first MAX_LISTED_FAILURES failures, in case-ID order. */
  failed: RolloutFailure[];
  /** The last case ID handled: the next page starts after it (keyset pagination). */
  after: string | null;
  startedAt: string;
  finishedAt?: string;
  /**
   * An organisation's roll-out only: the contract version in force when it ran, when that
   * was not this one (a later version took effect at the same time). Nothing was moved.
   */
  supersededBy?: number;
}

/** The memo key under which each run keeps its progress (read by describe(), no query). */
export const PROGRESS_MEMO_KEY = 'progress';
export const progressMemo = (progress: RolloutProgress): Record<string, unknown> => ({ [PROGRESS_MEMO_KEY]: progress });

export interface RolloutInput {
  target: RolloutTarget;
  version: number;
  /** Cases per page (default 500). */
  pageSize?: number;
  /** Where the previous run stopped (continue-as-new carries it). */
  progress?: RolloutProgress;
}

/** What one page did: the activity's answer. */
export interface RolloutPageResult {
  moved: number;
  failed: RolloutFailure[];
  /** The last case ID of the page, or null when the page was empty. */
  last: string | null;
  /** No cases after this page. */
  done: boolean;
  /** Set (with done) when the version is no longer the one to move cases onto: see RolloutProgress. */
  supersededBy?: number;
}

export interface RolloutPageInput {
  target: RolloutTarget;
  version: number;
  after: string | null;
  limit: number;
}

export interface RolloutActivities {
  /** Reads one page of the target's open cases after `after`, and signals each its new pin. */
  rolloutPage(input: RolloutPageInput): Promise<RolloutPageResult>;
}

export const rolloutProgressQuery = defineQuery<RolloutProgress>('rolloutProgress');
