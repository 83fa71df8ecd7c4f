// The state of one case, as the workflow holds it and `getCase` returns it.
// Plain JSON (times are ISO strings) so it survives payload conversion,
// continue-as-new and the read model unchanged.
import type {
  Actor,
  Category,
  Channel,
  CaseStatus,
  CloseReason,
  PolicyRequest,
  Priority,
  StandardProcedure,
  Unit,
} from './case-types';

export const CLOCK_KINDS = [
  'FIRST_RESPONSE', // C3.2
  'PROGRESS_UPDATE', // C2.1(e), C3.2
  'ESCALATION', // C3.4: unresolved N business days at a level
  'CUSTOMER_REPLY', // waiting on customer: no reply → resolves as "no response"
  'APPEAL_WINDOW', // C5.1: no appeal by then → CLOSED
  'APPEAL_REVIEW', // C5.1: late review escalates to management
  'COMPENSATION_APPROVAL', // C2.2(d)
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export type DeadlineStatus = 'PENDING' | 'MET' | 'BREACHED' | 'EXPIRED' | 'CANCELLED';

export interface Deadline {
  id: string;
  kind: ClockKind;
  /** When the clock started; the due time is recomputed from it when the policy changes. */
  startedAt: string;
  due: string;
  warnAt: string;
  status: DeadlineStatus;
  warned: boolean;
  /** Business minutes the clock spent paused (waiting on customer); pushes `due` out. */
  pausedMinutes: number;
  /** Set while the clock is paused. */
  pausedAt?: string;
  /** Escalation level the clock belongs to, or the compensation grant it guards. */
  ref?: string;
  endedAt?: string;
}

export interface Breach {
  clock: ClockKind;
  deadlineId: string;
  due: string;
  at: string;
}

export interface Interaction {
  seq: number;
  at: string;
  actorId: string;
  actorRole: Actor['role'];
  channel: Channel;
  kind: string;
  /** What was said (personal data: encrypted in Temporal payloads, redacted in logs). */
  content?: string;
  /** Measures taken (C2.1(f)). */
  measures?: string;
  /** Result of the interaction (C2.1(f)). */
  result?: string;
  visibleToCustomer: boolean;
}

export type CompensationStatus = 'GRANTED' | 'PENDING_APPROVAL' | 'APPROVED' | 'REJECTED';
export interface CompensationGrant {
  id: string;
  amount: number; // minor units
  currency: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: CompensationStatus;
  decidedBy?: string;
  decidedAt?: string;
  note?: string;
}

export interface Resolution {
  result: string;
  procedure?: StandardProcedure;
  policyRequest?: PolicyRequest;
  by: string;
  at: string;
  noResponse: boolean;
}

export interface Appeal {
  filedAt: string;
  filedBy: string;
  grounds: string;
  status: 'UNDER_REVIEW' | 'DECIDED';
  reviewer?: string;
  decision?: 'UPHELD' | 'OVERTURNED';
  newResult?: string;
  faultFinding?: string;
  remedy?: string;
  decidedAt?: string;
}

export interface Escalation {
  fromLevel: number;
  toLevel: number;
  unit: Unit;
  reason: string;
  trigger: 'AGENT' | 'CLOCK' | 'CATEGORY' | 'DISPUTE' | 'LATE_APPEAL_REVIEW';
  by: string;
  at: string;
}

export interface Feedback {
  rating: number;
  comment?: string;
  at: string;
}

export interface CaseState {
  caseId: string;
  customerId: string;
  subject: string;
  description: string;
  category: Category;
  priority: Priority;
  channel: Channel;
  contact?: { name?: string; email?: string; phone?: string };
  status: CaseStatus;
  closeReason?: CloseReason;
  /** 0 = front line; each escalation goes one level (or more) up. */
  level: number;
  unit: Unit;
  assignee?: string;
  openedAt: string;
  openedBy: string;
  firstRespondedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  /** Status before WAITING_ON_CUSTOMER, to return to when the customer answers. */
  resumeStatus?: CaseStatus;
  preliminaryFinding?: string;
  resolution?: Resolution;
  /** Results the customer disputed (C3.4), oldest first. */
  previousResolutions?: Resolution[];
  appeal?: Appeal;
  escalations: Escalation[];
  compensation: CompensationGrant[];
  feedback: Feedback[];
  deadlines: Deadline[];
  breaches: Breach[];
  /** Everyone on staff who acted on the case: an appeal reviewer must not be among them (C5.1). */
  handlers: string[];
  policy: { id: string; version: number };
  calendarId: string;
  /** The pinned calendar's version: readers compute business time and horizons on it. Absent on cases pinned before it was recorded. */
  calendarVersion?: number;
  /** Last sequence number used in the interaction log (the read model's version is `revision`). */
  seq: number;
  /** Clocks started so far: numbers deadline IDs (older settled clocks are pruned). */
  clocksStarted?: number;
  /** Snapshots written so far: the read model's version, so a late retry never rolls it back. */
  revision: number;
  /** Notices issued so far; numbers each webhook event ID. */
  noticeCount: number;
  recentInteractions: Interaction[];
}

export const RECENT_INTERACTIONS_KEPT = 20;
