// /v1/cases: thin handlers. Parse with zod, make one service call, answer.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { actionBodies, caseIdSchema, createCaseBody, type ActionName } from '../schemas/cases';
import type { CaseService } from '../services/case-service';
import { badRequest } from '../problem';
import { allow } from '../roles';
import { parse } from '../parse';
import { historyQuery, listCasesQuery } from '../schemas/queries';
import { caseHistory, listCases } from '../services/case-queries';
import { withProvisionalListItems } from '../services/calendar-horizons';
import type { Db } from '../../db/client';

export const idempotencyKey = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

function keyOf(req: Request, required: boolean): string | undefined {
  const raw = req.get('idempotency-key');
  if (raw === undefined) {
    if (required) throw badRequest('the Idempotency-Key header is required');
    return undefined;
  }
  return parse(idempotencyKey, raw, 'Idempotency-Key header');
}

export function casesRouter(service: CaseService, db: Db): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await withProvisionalListItems(db, await listCases(db, parse(listCasesQuery, req.query, 'query'), req.actor!)));
  });

  router.get('/:caseId/history', async (req, res) => {
    const caseId = parse(caseIdSchema, req.params.caseId, 'case ID');
    res.json(await caseHistory(db, caseId, req.actor!, parse(historyQuery, req.query, 'query')));
  });

  // Admins configure; everyone else may open a case (customers for their own organisation).
  router.post('/', allow('customer', 'agent', 'supervisor', 'manager', 'system'), async (req, res) => {
    const body = parse(createCaseBody, req.body ?? {}, 'request body');
    const result = await service.open(body, req.actor!, keyOf(req, true)!);
    res.status(result.status).location(`/v1/cases/${(result.body as { caseId: string }).caseId}`).json(result.body);
  });

  router.get('/:caseId', async (req, res) => {
    const caseId = parse(caseIdSchema, req.params.caseId, 'case ID');
    res.json(await service.viewFor(caseId, req.actor!));
  });

  for (const action of Object.keys(actionBodies) as ActionName[]) {
    router.post(`/:caseId/${action}`, async (req, res) => {
      const caseId = parse(caseIdSchema, req.params.caseId, 'case ID');
      const body = parse(actionBodies[action], req.body ?? {}, 'request body');
      const result = await service.act(caseId, action, body, req.actor!, keyOf(req, false), req.requestId);
      res.status(result.status).json(result.body);
    });
  }
  return router;
}
