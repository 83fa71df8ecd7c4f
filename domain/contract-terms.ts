/**
 * A customer organisation's service contract: what each signed contract writes into
 * the source contract's placeholders. Pure; workflow-safe.
 *
 * Decisions:
 * - A contract version *embeds* its rules in the SLA policy's shape (rules by priority,
 *   optional category overrides), so one validator and one deadline arithmetic serve
 *   both. The calendar is referenced by ID: calendars stay their own versioned resource.
 * - A case under a contract pins the policy `contract:<organisationId>`, version = the
 *   contract version. The colon keeps it apart from named policies, whose IDs cannot hold one.
 * - The version in force at an instant is the one with the latest `effectiveFrom` at or
 *   before it; of two with the same `effectiveFrom`, the later version.
 */
import { validateSlaPolicy, type Priority, type SlaPolicy, type SlaRule } from './sla-policy';

export interface ContractTerms {
  /** C3.1: the service-hours calendar. */
  calendarId: string;
  /** C3.2, C2.1(e), C3.4, C5.1 per priority: first response, updates, ladder, waiting, appeal, review. */
  rules: Record<Priority, SlaRule>;
  /** Where a category's terms differ from its priority's. */
  categoryOverrides?: SlaPolicy['categoryOverrides'];
  /** C3.4: the escalation path in the words the contract tells the customer. */
  escalationPath: string;
}

export interface ContractVersion {
  organisationId: string;
  version: number;
  effectiveFrom: Date;
  terms: ContractTerms;
}

export class ContractTermsError extends Error {
  override name = 'ContractTermsError';
}

const CONTRACT_POLICY_PREFIX = 'contract:';

export const contractPolicyId = (organisationId: string): string => `${CONTRACT_POLICY_PREFIX}${organisationId}`;

/** The organisation whose contract a pinned policy ID names, or undefined for a named policy. */
export function organisationOfPolicy(policyId: string): string | undefined {
  return policyId.startsWith(CONTRACT_POLICY_PREFIX) ? policyId.slice(CONTRACT_POLICY_PREFIX.length) : undefined;
}

/** The contract version as an SLA policy: what a case under it pins. */
export function contractPolicy(v: Pick<ContractVersion, 'organisationId' | 'version' | 'terms'>): SlaPolicy {
  return validateSlaPolicy({
    id: contractPolicyId(v.organisationId),
    version: v.version,
    name: `Service contract of ${v.organisationId}, version ${v.version}`,
    calendarId: v.terms.calendarId,
    rules: v.terms.rules,
    ...(v.terms.categoryOverrides ? { categoryOverrides: v.terms.categoryOverrides } : {}),
  });
}

/** Validates terms (throws ContractTermsError naming the field) and returns a clean copy. */
export function validateContractTerms(input: unknown): ContractTerms {
  const t = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const path = typeof t.escalationPath === 'string' ? t.escalationPath.trim() : '';
  if (path === '') throw new ContractTermsError('escalationPath: must say, in words, where an unresolved case goes (C3.4)');
  let policy: SlaPolicy;
  try {
    // The policy validator checks the rules; id and version are placeholders it needs.
    policy = validateSlaPolicy({ id: 'contract', version: 1, name: 'contract', calendarId: t.calendarId, rules: t.rules, categoryOverrides: t.categoryOverrides });
  } catch (e) {
    throw new ContractTermsError((e as Error).message);
  }
  return {
    calendarId: policy.calendarId,
    rules: policy.rules,
    ...(policy.categoryOverrides ? { categoryOverrides: policy.categoryOverrides } : {}),
    escalationPath: path,
  };
}

/** The version in force at `at` (see the module header), or undefined before the first takes effect. */
export function versionInForce<V extends Pick<ContractVersion, 'version' | 'effectiveFrom'>>(versions: readonly V[], at: Date): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() > at.getTime()) continue;
    const later = !best || v.effectiveFrom.getTime() > best.effectiveFrom.getTime() || (v.effectiveFrom.getTime() === best.effectiveFrom.getTime() && v.version > best.version);
    if (later) best = v;
  }
  return best;
}
