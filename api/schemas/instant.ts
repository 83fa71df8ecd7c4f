// The one rule for a time a client sends (a filter, a report period, a cursor, an effective
// date): ISO 8601 with an offset, within the years 0001–9999 in UTC once the offset applies.
// PostgreSQL reads ISO year 0000 as out of range (22008), and JavaScript writes an instant
// past 9999 as `+010000-…`, which PostgreSQL cannot parse (22009): outside that span a time
// is a client error, never a 500.
import { z } from 'zod';

const FIRST_INSTANT = Date.parse('0001-01-01T00:00:00Z');
const LAST_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

/** The instant falls within the years 0001–9999 in UTC (false for NaN). */
export const isStorableInstant = (ms: number): boolean => ms >= FIRST_INSTANT && ms <= LAST_INSTANT;

export const boundedInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => isStorableInstant(Date.parse(s)), 'a time within the years 0001–9999 (UTC)');
