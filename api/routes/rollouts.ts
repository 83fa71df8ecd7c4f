// Roll-outs (admins): POST …/{id}/rollout starts moving the open cases of an SLA policy,
// a calendar or an organisation's service contract onto its current version and answers 202 at once, with the status resource
// in Location; GET /v1/rollouts/{id} says how far it got and which cases it could not move.
import type { Client } from '@temporalio/client';
import { Router, type RequestHandler } from 'express';
import type { Db } from '../../db/client';
import type { RolloutTargetKind } from '../../workflows/rollout/contract';
import { parse } from '../parse';
import { allow } from '../roles';
import type { z } from 'zod';
import { organisationIdSchema } from '../schemas/organisations';
import { idSchema } from '../schemas/reference';
import { rolloutIdSchema } from '../schemas/rollouts';
import { rolloutStatus, startRollout } from '../services/policy-rollout';

export function rolloutsRouter(db: Db, client: Client, taskQueue?: string): Router {
  const r = Router();
  const admins = allow('admin');

  const start =
    (kind: RolloutTargetKind, idRule: z.ZodType<string>, what: string): RequestHandler =>
    async (req, res) => {
      const accepted = await startRollout(db, client, { kind, id: parse(idRule, req.params.id, what) }, taskQueue);
      res.status(202).location(accepted.href).json(accepted);
    };
  r.post('/sla-policies/:id/rollout', admins, start('policy', idSchema, 'policy ID'));
  r.post('/calendars/:id/rollout', admins, start('calendar', idSchema, 'calendar ID'));
  r.post('/admin/organisations/:id/rollout', admins, start('organisation', organisationIdSchema, 'organisation ID'));

  r.get('/rollouts/:id', admins, async (req, res) => {
    res.json(await rolloutStatus(client, parse(rolloutIdSchema, req.params.id, 'roll-out ID')));
  });
  return r;
}
