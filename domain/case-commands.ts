// The actions people take on a case. The API validates their shape with zod before
// they reach a workflow; the workflow's validators decide whether the case allows them.
import type { Channel, PolicyRequest, StandardProcedure, Unit } from './case-types';

interface Base {
  /** Channel the action came through (C1.2); defaults to the case's channel. */
  channel?: Channel;
}

export type CaseCommand = Base &
  (
    | { type: 'acknowledge'; message?: string }
    | { type: 'reply'; message: string; measures?: string }
    | { type: 'requestInfo'; message: string }
    | { type: 'customerReply'; message: string }
    | { type: 'assign'; assignee: string }
    | { type: 'recordFinding'; finding: string }
    | { type: 'escalate'; reason: string; toLevel?: number; unit?: Unit }
    | { type: 'grantCompensation'; amount: number; currency: string; reason: string }
    | { type: 'decideCompensation'; grantId: string; approve: boolean; note?: string }
    | {
        type: 'resolve';
        result: string;
        measures?: string;
        procedure?: StandardProcedure;
        policyRequest?: PolicyRequest;
      }
    | { type: 'accept' }
    | { type: 'dispute'; reason: string }
    | { type: 'appeal'; grounds: string }
    | {
        type: 'decideAppeal';
        decision: 'UPHELD' | 'OVERTURNED';
        reasoning: string;
        newResult?: string;
        faultFinding?: string;
        remedy?: string;
      }
    | { type: 'feedback'; rating: number; comment?: string }
    | { type: 'withdraw'; reason?: string }
  );

export type CommandType = CaseCommand['type'];

/** Whom a notice is for; the webhook consumer routes it to people. */
export type Audience = 'customer' | 'assignee' | 'supervisor' | 'manager' | 'unit';

export interface Notice {
  type: string;
  audience: Audience[];
  summary: string;
  data?: Record<string, unknown>;
}
