// POST /v1/admin/calendars/{id}/imports: a year's official holidays and make-up working
// days, as an iCalendar file (text/calendar, ?year=) or JSON, become the calendar's next
// version. Admins only.
import { isUtf8 } from 'node:buffer';
import express, { Router, type Request } from 'express';
import type { Db } from '../../db/client';
import { isAdmissible } from '../edge/admissible';
import { InvalidUtf8 } from '../edge/json-body';
import { parse } from '../parse';
import { badRequest } from '../problem';
import { allow } from '../roles';
import { calendarImportJson, calendarImportQuery } from '../schemas/calendar-imports';
import { idSchema } from '../schemas/reference';
import { officialYearFromIcs } from '../services/calendar-ics';
import { importCalendarYear } from '../services/calendar-imports';

/** An official year's .ics is a few KiB; multi-year feeds from calendar tools run larger. */
export const ICS_LIMIT = '256kb';
const IMPORT_PATH = /^\/admin\/calendars\/[^/]+\/imports\/?$/;

/** For the /v1 gate, which takes JSON only: this route also takes text/calendar. */
export const takesCalendarText = (req: Request): boolean => req.method === 'POST' && IMPORT_PATH.test(req.path) && req.is('text/calendar') !== false;

const icsText = express.text({
  type: 'text/calendar',
  limit: ICS_LIMIT,
  verify: (_req, _res, buf) => {
    if (!isUtf8(buf)) throw new InvalidUtf8();
  },
});

export function calendarImportsRouter(db: Db): Router {
  const router = Router();
  router.post('/:id/imports', allow('admin'), icsText, async (req, res) => {
    const id = parse(idSchema, req.params.id, 'calendar ID');
    const query = parse(calendarImportQuery, req.query, 'query');
    let official;
    if (req.is('text/calendar')) {
      if (query.year === undefined) throw badRequest('name the year the file lists: ?year=YYYY', [{ path: 'query.year', message: 'required with text/calendar' }]);
      const text = typeof req.body === 'string' ? req.body : '';
      if (!isAdmissible(text)) throw badRequest('the file holds NUL, a lone surrogate or a control character other than tab, LF and CR');
      official = officialYearFromIcs(text, query.year);
    } else {
      official = parse(calendarImportJson, req.body ?? {}, 'request body');
      if (query.year !== undefined && query.year !== official.year) throw badRequest('?year and the body\'s year differ');
    }
    const saved = await importCalendarYear(db, id, official, new Date());
    res.status(201).location(`/v1/calendars/${id}`).json(saved);
  });
  return router;
}
