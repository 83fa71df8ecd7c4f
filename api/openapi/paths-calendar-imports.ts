// /v1/admin/calendars/{id}/imports: a year's official holidays and make-up working days
// into a calendar, from an iCalendar file or JSON (docs/BUSINESS-TIME.md).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { calendarImportJson, calendarImportQuery, calendarImportResultSchema } from '../schemas/calendar-imports';
import { idSchema } from '../schemas/reference';
import { json, v1 } from './route-helpers';

export function registerCalendarImportPaths(r: OpenAPIRegistry): void {
  v1(
    r,
    {
      method: 'post',
      path: '/v1/admin/calendars/{id}/imports',
      operationId: 'importCalendarYear',
      tags: ['reference data'],
      summary: 'Import a year\'s official holidays and make-up working days as the calendar\'s next version',
      description:
        'The year\'s dates replace what the calendar held for that year; dates within a month either side are merged in; the horizon becomes 31 December of the year. '
        + 'An .ics file (text/calendar, up to 256 KiB, `?year=` required) lists all-day events: one whose SUMMARY or CATEGORIES says 班 (补班, 上班), "working day", "workday" or "make-up" is a make-up working day, any other a holiday. '
        + 'New cases pin the new version; open cases move to it through a roll-out.',
      request: {
        params: z.object({ id: idSchema }),
        query: calendarImportQuery,
        body: {
          required: true,
          content: {
            'application/json': { schema: calendarImportJson },
            'text/calendar': { schema: z.string().describe('an iCalendar (RFC 5545) file of all-day events') },
          },
        },
      },
      responses: { 201: json(calendarImportResultSchema, 'The saved version, with what the import took.') },
    },
    [403, 'Admins only.'],
    [404, 'No such calendar.'],
    [409, 'Another version of the calendar was saved at the same moment; import again.'],
    [413, 'An .ics file may be up to 256 KiB.'],
    [422, 'The file or list cannot be used: it does not parse, an event is not all-day, repeats or spans more than 31 days, a date is both a day off and a working day, the year has no dates, or the calendar would have no business time ahead.'],
  );
}
