// The SLA policies and calendars one roll-out page needs, each read once per page: a
// page of 500 cases usually names a handful of policy versions and one calendar.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { calendars, slaPolicies } from '../db/schema';
import type { CalendarSpec } from '../domain/business-calendar';
import type { SlaPolicy } from '../domain/sla-policy';

export class ReferenceLookups {
  private readonly policies = new Map<string, Promise<SlaPolicy | undefined>>();
  private readonly calendars = new Map<string, Promise<CalendarSpec | undefined>>();

  constructor(private readonly db: Db) {}

  /** The policy at `version`, or its newest version when none is named. */
  policy(id: string, version?: number): Promise<SlaPolicy | undefined> {
    const key = `${id}@${version ?? 'newest'}`;
    let found = this.policies.get(key);
    if (!found) {
      const where = version === undefined ? eq(slaPolicies.id, id) : and(eq(slaPolicies.id, id), eq(slaPolicies.version, version));
      found = this.db
        .select({ policy: slaPolicies.policy })
        .from(slaPolicies)
        .where(where)
        .orderBy(desc(slaPolicies.version))
        .limit(1)
        .then(([row]) => row?.policy as SlaPolicy | undefined);
      this.policies.set(key, found);
    }
    return found;
  }

  /** The calendar at `version`, or its newest version when none is named. */
  calendar(id: string, version?: number): Promise<CalendarSpec | undefined> {
    const key = `${id}@${version ?? 'newest'}`;
    let found = this.calendars.get(key);
    if (!found) {
      const where = version === undefined ? eq(calendars.id, id) : and(eq(calendars.id, id), eq(calendars.version, version));
      found = this.db
        .select({ spec: calendars.spec })
        .from(calendars)
        .where(where)
        .orderBy(desc(calendars.version))
        .limit(1)
        .then(([row]) => row?.spec as CalendarSpec | undefined);
      this.calendars.set(key, found);
    }
    return found;
  }
}
