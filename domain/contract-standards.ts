/**
 * C4.2: the service standards a customer may know, read off the policy its cases get
 * (its contract's, or the provider default) and the calendar of its service hours.
 * Only what the customer is owed: no warning fractions, no approval times. Pure.
 */
import type { CalendarSpec } from './business-calendar';
import type { Category } from './case-types';
import { PRIORITIES, type Priority, type SlaPolicy, type SlaRule } from './sla-policy';

/** C3.4 for organisations without a contract: what the provider tells every customer. */
export const PROVIDER_ESCALATION_PATH =
  'Front-line service, then specialist support, then a customer-care manager, then management. ' +
  'A case moves up when it stays unresolved past each level\'s business days, or when you are not ' +
  'satisfied with the result or the way it was handled.';

const CUSTOMER_FIELDS = [
  'firstResponseMinutes', 'progressUpdateMinutes', 'escalationLadder', 'waitingOnCustomerTimeoutBusinessDays',
  'appealWindow', 'appealReviewBusinessDays',
] as const satisfies readonly (keyof SlaRule)[];
type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export type PriorityStandards = { priority: Priority } & Pick<SlaRule, CustomerField>;
export type CategoryException = { category: Category; priority: Priority } & Partial<Pick<SlaRule, CustomerField>>;

export interface ServiceStandards {
  serviceHours: { calendarId: string; timezone: string; weekly: CalendarSpec['weekly']; holidays: string[]; extraWorkdays: string[] };
  responseTimes: PriorityStandards[];
  categoryExceptions: CategoryException[];
  escalationPath: string;
}

function customerFields(rule: Partial<SlaRule>): Partial<Pick<SlaRule, CustomerField>> {
  const out: Partial<Record<CustomerField, unknown>> = {};
  for (const f of CUSTOMER_FIELDS) if (rule[f] !== undefined) out[f] = structuredClone(rule[f]);
  return out as Partial<Pick<SlaRule, CustomerField>>;
}

export function serviceStandards(policy: SlaPolicy, calendar: CalendarSpec, escalationPath: string): ServiceStandards {
  const categoryExceptions: CategoryException[] = [];
  for (const [category, byPriority] of Object.entries(policy.categoryOverrides ?? {})) {
    for (const priority of PRIORITIES) {
      const fields = customerFields(byPriority?.[priority] ?? {});
      // An override of fields the customer is not shown (say, warningFraction) is no exception to them.
      if (Object.keys(fields).length > 0) categoryExceptions.push({ category: category as Category, priority, ...fields });
    }
  }
  return {
    serviceHours: {
      calendarId: policy.calendarId,
      timezone: calendar.timezone,
      weekly: structuredClone(calendar.weekly),
      holidays: [...(calendar.holidays ?? [])],
      extraWorkdays: [...(calendar.extraWorkdays ?? [])],
    },
    responseTimes: PRIORITIES.map((priority) => ({ priority, ...(customerFields(policy.rules[priority]) as Pick<SlaRule, CustomerField>) })),
    categoryExceptions,
    escalationPath,
  };
}
