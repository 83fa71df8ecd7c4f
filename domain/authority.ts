// Who may do what (C2.2, C5.1): role groups, compensation limits, the four-eyes rule.
import type { Actor, Role } from './case-types';

export const STAFF_ROLES: ReadonlySet<Role> = new Set(['agent', 'supervisor', 'manager', 'admin']);
export const REVIEWER_ROLES: ReadonlySet<Role> = new Set(['supervisor', 'manager', 'admin']);
/** Back-office systems act for the customer (an e-mail gateway relays replies, a CRM withdraws). */
export const CUSTOMER_SIDE_ROLES: ReadonlySet<Role> = new Set(['customer', 'system']);

/**
 * Compensation authority per role before the provider's matrix (domain/authority-matrix.ts):
 * the matrix's built-in version 0 holds these in CNY, and an actor that carries neither a
 * per-currency map nor a single limit (histories recorded before the matrix) is held to
 * them in any currency. Admins configure; they don't compensate. Never change these:
 * recorded histories replay against them.
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

/**
 * The actor's limit for one currency. With the matrix's per-currency map (what the API
 * sends now) a currency the map does not name is 0: someone whose limit covers it must
 * approve. Without the map (older histories, or a trusted token claim) the single limit
 * above applies in every currency, as it always did.
 */
export function compensationLimitIn(actor: Actor, currency: string): number {
  const limits = actor.compensationLimits;
  if (!limits) return compensationLimit(actor);
  return Object.hasOwn(limits, currency) ? limits[currency]! : 0;
}

export const isStaff = (actor: Actor): boolean => STAFF_ROLES.has(actor.role);
