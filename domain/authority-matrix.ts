// The provider's authority matrix (C2.2(d)): compensation limits per role, per-person
// overrides, per currency, in minor units. Pure: the API stores versions of it and
// resolves an actor's limits from it before a grant or a decision.
import { DEFAULT_COMPENSATION_LIMITS } from './authority';
import type { Actor, Role } from './case-types';

/** Limits by ISO 4217 code, in that currency's minor units. */
export type CurrencyLimits = Readonly<Record<string, number>>;

export interface AuthorityMatrix {
  /** What each role may grant; a role left out may grant nothing. */
  roles: Readonly<Partial<Record<Role, CurrencyLimits>>>;
  /** By actor ID (the token's `sub`): these currencies' limits replace the role's. */
  agents: Readonly<Record<string, CurrencyLimits>>;
}

/**
 * The currency of the built-in matrix: the limits that were the role defaults before the
 * matrix existed, in the currency the provider's contract is priced in.
 */
export const SEED_CURRENCY = 'CNY';

/** The matrix in force until an admin saves the first version (version 0). */
export const DEFAULT_AUTHORITY_MATRIX: AuthorityMatrix = {
  roles: Object.fromEntries(
    Object.entries(DEFAULT_COMPENSATION_LIMITS)
      .filter(([, limit]) => limit > 0)
      .map(([role, limit]) => [role, { [SEED_CURRENCY]: limit }]),
  ),
  agents: {},
};

const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * The actor's limit in every currency the matrix names for them: their role's, with their
 * own override winning currency by currency. A currency missing here is limit 0.
 */
export function resolveCompensationLimits(matrix: AuthorityMatrix, actor: Pick<Actor, 'id' | 'role'>): Record<string, number> {
  return { ...own(matrix.roles, actor.role), ...own(matrix.agents, actor.id) };
}
