// /v1/admin/authority: the provider's authority matrix (C2.2(d)). Admins read it, save a
// new version of it, and read every saved version (who saved what, and when).
import { Router } from 'express';
import type { Db } from '../../db/client';
import { parse } from '../parse';
import { allow } from '../roles';
import { authorityMatrixBody, authorityVersionsQuery } from '../schemas/authority';
import { matrixInForce, matrixVersions, saveMatrix } from '../services/authority';

export function authorityRouter(db: Db): Router {
  const r = Router();
  const admins = allow('admin');

  r.get('/', admins, async (_req, res) => {
    res.json(await matrixInForce(db));
  });
  r.put('/', admins, async (req, res) => {
    res.json(await saveMatrix(db, req.actor!, parse(authorityMatrixBody, req.body ?? {}, 'request body')));
  });
  r.get('/versions', admins, async (req, res) => {
    res.json(await matrixVersions(db, parse(authorityVersionsQuery, req.query, 'query')));
  });
  return r;
}
