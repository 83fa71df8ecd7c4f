// /v1/admin/notices: webhook notices for admins. List them by state (the failed ones by
// default) and redrive one or all failed ones now; the notice relay delivers them.
import type { Client } from '@temporalio/client';
import { Router } from 'express';
import type { Db } from '../../db/client';
import { parse } from '../parse';
import { allow } from '../roles';
import { eventIdSchema, listNoticesQuery } from '../schemas/notices';
import { listNotices, redriveAll, redriveNotice } from '../services/notice-admin';

export function noticesRouter(db: Db, client: Client, taskQueue?: string): Router {
  const r = Router();
  const admins = allow('admin');

  r.get('/', admins, async (req, res) => {
    res.json(await listNotices(db, parse(listNoticesQuery, req.query, 'query')));
  });
  r.post('/redrive', admins, async (_req, res) => {
    res.json(await redriveAll(db, client, taskQueue));
  });
  r.post('/:eventId/redrive', admins, async (req, res) => {
    res.json(await redriveNotice(db, client, parse(eventIdSchema, req.params.eventId, 'event ID'), taskQueue));
  });
  return r;
}
