// Checks an action makes before it changes anything: the case's status and who is acting.
// Each throws ActionRejected, so a refused action leaves the state as it was.
import { CUSTOMER_SIDE_ROLES, isStaff } from '../authority';
import { ActionRejected } from '../case-errors';
import type { CaseState } from '../case-state';
import type { Actor, CaseStatus } from '../case-types';

export function requireStatus(state: CaseState, allowed: CaseStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw new ActionRejected(`${action} is not allowed while the case is ${state.status}`);
  }
}

export function requireStaff(actor: Actor, action: string): void {
  if (!isStaff(actor)) throw new ActionRejected(`${action} is for customer-service staff`, 'FORBIDDEN');
}

/** The customer (only on their own case) or a back-office system acting for them. */
export function requireCustomerSide(state: CaseState, actor: Actor, action: string): void {
  if (!CUSTOMER_SIDE_ROLES.has(actor.role)) {
    throw new ActionRejected(`${action} is for the customer`, 'FORBIDDEN');
  }
  if (actor.role === 'customer' && actor.customerId !== state.customerId) {
    throw new ActionRejected('this case belongs to another customer', 'FORBIDDEN');
  }
}
