// The contract of `noticeRelayWorkflow`: its fixed ID (one relay per namespace), its
// input and its signal. The worker starts it; the admin API signals it.
import { defineSignal } from '@temporalio/workflow';

export const NOTICE_RELAY_WORKFLOW_TYPE = 'noticeRelayWorkflow';
/** One relay per namespace: starting it again while it runs keeps the running one. */
export const NOTICE_RELAY_WORKFLOW_ID = 'casekeeper-notice-relay';

export interface NoticeRelayInput {
  /** How long the relay sleeps when no failed notice is waiting (default 5 minutes). */
  idleMs?: number;
}

/** Look for due notices now (an admin made some due), instead of at the next timer. */
export const redriveSignal = defineSignal('redrive');
