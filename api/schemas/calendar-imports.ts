// zod schemas for importing a year's official holidays into a calendar (POST
// /v1/admin/calendars/{id}/imports): the JSON body, the query an .ics upload names its
// year in, and the answer.
import { z } from 'zod';
import { FIRST_IMPORT_YEAR, LAST_IMPORT_YEAR } from '../../domain/calendar-import';
import { localDateSchema } from './calendar-horizon';
import { calendarSchema } from './responses';

const year = z.number().int().min(FIRST_IMPORT_YEAR).max(LAST_IMPORT_YEAR).describe('the year the official list is for');
const dates = z.array(localDateSchema).max(400);

export const calendarImportJson = z
  .object({
    year,
    holidays: dates.describe('days off (YYYY-MM-DD), whatever their weekday'),
    extraWorkdays: dates.default([]).describe('make-up working days (调休), worked whatever their weekday'),
  })
  .strict();

export const calendarImportQuery = z
  .object({ year: z.coerce.number().pipe(year).optional().describe('required with an .ics file: the year it lists') })
  .strict();

export const calendarImportResultSchema = calendarSchema.extend({
  imported: z
    .object({
      year: z.number().int(),
      holidays: z.number().int().min(0).describe('days off taken from the import'),
      extraWorkdays: z.number().int().min(0).describe('make-up working days taken from the import'),
      ignored: z.number().int().min(0).describe('dates more than a month from the year, left out'),
    })
    .strict(),
});

export type CalendarImportJson = z.infer<typeof calendarImportJson>;
