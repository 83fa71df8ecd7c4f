// How people on a case appear to its customer: their own organisation's users by ID,
// everyone else under a neutral label, so no staff member's identity reaches a customer.
import type { Actor } from '../../domain/case-types';
import type { CaseView } from '../../workflows/case/contract';

export const STAFF_LABEL = 'customer-service';
export const REVIEWER_LABEL = 'reviewer';
export const SYSTEM_LABEL = 'system';

/** An ID as the customer may see it, or `fallback` when it may not be shown. */
export type Identify = (id: string, fallback: string) => string;

/** How an actor appears to a customer: customers by ID, everyone else by a label. */
export function actorLabel(id: string, role: string, kind?: string): string {
  if (role === 'customer') return id;
  if (role === 'system') return SYSTEM_LABEL;
  return kind === 'APPEAL_DECIDED' ? REVIEWER_LABEL : STAFF_LABEL;
}

/**
 * Shows an ID only when it is the reader's or a customer's in the case's recent log and
 * never a staff member's; a system the log knows shows as `system`; anyone else as
 * `fallback`. Older log entries drop out of the view, so an unknown ID gets the label:
 * hiding a customer's ID is the safe mistake.
 */
export function identities(view: CaseView, reader: Actor): Identify {
  const customers = new Set(view.recentInteractions.filter((i) => i.actorRole === 'customer').map((i) => i.actorId));
  customers.add(reader.id);
  const roles = new Map(view.recentInteractions.map((i) => [i.actorId, i.actorRole] as const));
  const staff = new Set(view.handlers);
  return (id, fallback) => {
    if (staff.has(id)) return STAFF_LABEL;
    if (customers.has(id)) return id;
    return roles.get(id) === 'system' ? SYSTEM_LABEL : fallback;
  };
}
