// A new case: its first log entry and the clocks that start at intake.
import type { CaseState } from './case-state';
import type { Actor, Category, Channel, Priority } from './case-types';
import { newOutcome, record, type Ctx, type Outcome } from './case-machine';
import { escalationStepFrom, startClock } from './clocks';

export interface NewCase {
  caseId: string;
  customerId: string;
  subject: string;
  description: string;
  category: Category;
  priority: Priority;
  channel: Channel;
  contact?: CaseState['contact'];
  openedBy: Actor;
  policy: CaseState['policy'];
  calendarId: string;
  calendarVersion?: number;
}

export function openCase(input: NewCase, ctx: Ctx): { state: CaseState; outcome: Outcome } {
  const now = ctx.now.toISOString();
  const state: CaseState = {
    caseId: input.caseId,
    customerId: input.customerId,
    subject: input.subject,
    description: input.description,
    category: input.category,
    priority: input.priority,
    channel: input.channel,
    ...(input.contact ? { contact: input.contact } : {}),
    status: 'OPEN',
    level: 0,
    unit: 'front-line',
    openedAt: now,
    openedBy: input.openedBy.id,
    escalations: [],
    compensation: [],
    feedback: [],
    deadlines: [],
    breaches: [],
    handlers: [],
    policy: input.policy,
    calendarId: input.calendarId,
    ...(input.calendarVersion !== undefined ? { calendarVersion: input.calendarVersion } : {}),
    seq: 0,
    noticeCount: 0,
    revision: 0,
    recentInteractions: [],
  };
  const outcome = newOutcome();
  const first = startClock(state, 'FIRST_RESPONSE', ctx.now, ctx);
  if (escalationStepFrom(0, ctx.rule)) startClock(state, 'ESCALATION', ctx.now, ctx, '0');
  // C2.1(a): the request is recorded in detail at intake.
  record(state, outcome, ctx.now, input.openedBy, {
    kind: 'OPENED',
    content: `${input.subject}\n\n${input.description}`,
    result: `first response due by ${first.due}`,
    visibleToCustomer: true,
  });
  outcome.notices.push({
    type: 'case.opened',
    audience: ['customer', 'unit'],
    summary: `Case opened: ${input.subject}`,
    data: { firstResponseDue: first.due, category: input.category, priority: input.priority },
  });
  return { state, outcome };
}
