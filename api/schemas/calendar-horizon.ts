// zod pieces for calendar horizons (domain/calendar-horizon.ts): the provisional flag a
// deadline carries past its calendar's horizon, and the horizon itself.
import { z } from 'zod';

export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const provisionalFlag = z
  .literal(true)
  .optional()
  .describe('present when this time lies past the calendar\'s horizon: the official holidays for that date are not known yet, so it may move');

export const calendarHorizonField = localDateSchema
  .optional()
  .describe('the last date the holiday data of the case\'s calendar covers; absent when the calendar has no holiday data');
