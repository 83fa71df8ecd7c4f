// Who may do what (C2.2, C5.1): role groups, compensation limits, the four-eyes rule.
import type { Actor, Role } from './case-types';

export const STAFF_ROLES: ReadonlySet<Role> = new Set(['agent', 'supervisor', 'manager', 'admin']);
export const REVIEWER_ROLES: ReadonlySet<Role> = new Set(['supervisor', 'manager', 'admin']);
/** Back-office systems act for the customer (an e-mail gateway relays replies, a CRM withdraws). */
export const CUSTOMER_SIDE_ROLES: ReadonlySet<Role> = new Set(['customer', 'system']);

/**
 * Default compensation authority per role, in minor currency units (C2.2(d)), used when
 * the actor's token carries no limit of its own. Admins configure; they don't compensate.
 */
export const DEFAULT_COMPENSATION_LIMITS: Record<Role, number> = {
  customer: 0,
  system: 0,
  admin: 0,
  agent: 20_000,
  supervisor: 100_000,
  manager: 1_000_000,
};

export const compensationLimit = (actor: Actor): number =>
  actor.compensationLimit ?? DEFAULT_COMPENSATION_LIMITS[actor.role];

export const isStaff = (actor: Actor): boolean => STAFF_ROLES.has(actor.role);
