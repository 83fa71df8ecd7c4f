// Reference data every installation starts with: the preset calendars and the
// default SLA policy (version 1). Inserting is idempotent: existing rows are kept.
import { CN_MAINLAND_CALENDAR_ID, presetCalendarSpec, TWENTY_FOUR_SEVEN_CALENDAR_ID } from '../domain/calendar-presets';
import { DEFAULT_SLA_POLICY } from '../domain/sla-policy';
import type { Db } from './client';
import { calendars, slaPolicies } from './schema';

const PRESET_NAMES: Record<string, string> = {
  [CN_MAINLAND_CALENDAR_ID]: 'Mainland China working days (statutory holidays and make-up days)',
  [TWENTY_FOUR_SEVEN_CALENDAR_ID]: 'Around the clock',
};

export async function seedReferenceData(db: Db): Promise<void> {
  await db
    .insert(calendars)
    .values(
      Object.entries(PRESET_NAMES).map(([id, name]) => ({ id, version: 1, name, spec: presetCalendarSpec(id) })),
    )
    .onConflictDoNothing();
  await db
    .insert(slaPolicies)
    .values({ id: DEFAULT_SLA_POLICY.id, version: DEFAULT_SLA_POLICY.version, name: DEFAULT_SLA_POLICY.name, policy: DEFAULT_SLA_POLICY })
    .onConflictDoNothing();
}
