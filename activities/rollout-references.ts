// The SLA policies and calendars one roll-out page needs, each read once per page: a
// page of 500 cases usually names a handful of policy versions and one calendar. A case
// under a service contract pins the policy `contract:<organisation>` at the contract's
// version (domain/contract-terms.ts): that one is read from the contract's versions.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendars, contractVersions, slaPolicies } from '../db/schema';
import type { CalendarSpec } from '../domain/business-calendar';
import { contractPolicy, organisationOfPolicy, versionInForce, type ContractTerms } from '../domain/contract-terms';
import type { SlaPolicy } from '../domain/sla-policy';

export class ReferenceLookups {
  private readonly policies = new Map<string, Promise<SlaPolicy | undefined>>();
  private readonly calendars = new Map<string, Promise<{ version: number; spec: CalendarSpec } | undefined>>();

  constructor(private readonly db: Db) {}

  /** The policy at `version`, or its newest version when none is named. */
  policy(id: string, version?: number): Promise<SlaPolicy | undefined> {
    const key = `${id}@${version ?? 'newest'}`;
    let found = this.policies.get(key);
    if (!found) {
      const organisationId = organisationOfPolicy(id);
      found = organisationId === undefined ? this.namedPolicy(id, version) : this.contractPolicy(organisationId, version);
      this.policies.set(key, found);
    }
    return found;
  }

  private namedPolicy(id: string, version?: number): Promise<SlaPolicy | undefined> {
    const where = version === undefined ? eq(slaPolicies.id, id) : and(eq(slaPolicies.id, id), eq(slaPolicies.version, version));
    return this.db
      .select({ policy: slaPolicies.policy })
      .from(slaPolicies)
      .where(where)
      .orderBy(desc(slaPolicies.version))
      .limit(1)
      .then(([row]) => row?.policy as SlaPolicy | undefined);
  }

  /** A contract's version as the policy its cases pin (the newest version only when none is named). */
  private contractPolicy(organisationId: string, version?: number): Promise<SlaPolicy | undefined> {
    const where = version === undefined ? eq(contractVersions.organisationId, organisationId) : and(eq(contractVersions.organisationId, organisationId), eq(contractVersions.version, version));
    return this.db
      .select({ version: contractVersions.version, terms: contractVersions.terms })
      .from(contractVersions)
      .where(where)
      .orderBy(desc(contractVersions.version))
      .limit(1)
      .then(([row]) => (row ? asPolicy(organisationId, row.version, row.terms as ContractTerms) : undefined));
  }

  /** The number of the organisation's contract version in force at `at`, if any. */
  async contractVersionInForce(organisationId: string, at: Date): Promise<number | undefined> {
    const versions = await this.db
      .select({ version: contractVersions.version, effectiveFrom: contractVersions.effectiveFrom })
      .from(contractVersions)
      .where(eq(contractVersions.organisationId, organisationId));
    return versionInForce(versions, at)?.version;
  }

  /** The calendar at `version`, or its newest version when none is named. */
  calendar(id: string, version?: number): Promise<{ version: number; spec: CalendarSpec } | undefined> {
    const key = `${id}@${version ?? 'newest'}`;
    let found = this.calendars.get(key);
    if (!found) {
      const where = version === undefined ? eq(calendars.id, id) : and(eq(calendars.id, id), eq(calendars.version, version));
      found = this.db
        .select({ version: calendars.version, spec: calendars.spec })
        .from(calendars)
        .where(where)
        .orderBy(desc(calendars.version))
        .limit(1)
        .then(([row]) => (row ? { version: row.version, spec: row.spec as CalendarSpec } : undefined));
      this.calendars.set(key, found);
    }
    return found;
  }
}

/** Stored terms were validated when saved; terms that no longer validate count as missing, not as an outage to retry for ever. */
function asPolicy(organisationId: string, version: number, terms: ContractTerms): SlaPolicy | undefined {
  try {
    return contractPolicy({ organisationId, version, terms });
  } catch {
    return undefined;
  }
}
