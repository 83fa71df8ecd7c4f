// /v1/admin/organisations (admins manage customer organisations and their service
// contracts; staff read them) and /v1/service-standards (C4.2: what a customer is owed).
import { Router, type Request } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { parse } from '../parse';
import { allow, STAFF } from '../roles';
import { contractVersionBody, contractVersionParam, organisationBody, organisationIdSchema, serviceStandardsQuery } from '../schemas/organisations';
import { scheduleContractRollout } from '../services/contract-rollout';
import { addContractVersion, contractVersionAnswer, getContractVersion } from '../services/contract-versions';
import { getOrganisation, listOrganisations, organisationAuditTrail, saveOrganisation } from '../services/organisations';
import { assertKnownOrganisation, standardsFor, standardsOrganisation } from '../services/service-standards';

export function organisationsRouter(db: Db, client: Client, taskQueue?: string): Router {
  const r = Router();
  const base = '/admin/organisations';
  const readers = allow(...STAFF, 'system');
  const orgId = (req: Request) => parse(organisationIdSchema, req.params.organisationId, 'organisation ID');

  r.get(base, readers, async (_req, res) => {
    res.json({ items: await listOrganisations(db, new Date()) });
  });
  r.get(`${base}/:organisationId`, readers, async (req, res) => {
    res.json(await getOrganisation(db, orgId(req), new Date()));
  });
  r.put(`${base}/:organisationId`, allow('admin'), async (req, res) => {
    const saved = await saveOrganisation(db, req.actor!, orgId(req), parse(organisationBody, req.body, 'request body'), new Date());
    res.status(saved.status).json(saved.body);
  });
  r.post(`${base}/:organisationId/contract-versions`, allow('admin'), async (req, res) => {
    const now = new Date();
    const body = parse(contractVersionBody, req.body, 'request body');
    // The version reaches open cases when it takes effect (api/services/contract-rollout.ts).
    const added = await addContractVersion(db, req.actor!, orgId(req), body, now, (v) => scheduleContractRollout(client, v, now, taskQueue));
    res.status(201).json({ ...contractVersionAnswer(added.version), rollout: added.scheduled });
  });
  r.get(`${base}/:organisationId/contract-versions/:version`, readers, async (req, res) => {
    const version = Number(parse(contractVersionParam, req.params.version, 'contract version'));
    res.json(await getContractVersion(db, orgId(req), version));
  });
  r.get(`${base}/:organisationId/audit`, allow('supervisor', 'manager', 'admin'), async (req, res) => {
    res.json(await organisationAuditTrail(db, orgId(req)));
  });

  // C4.2: anyone signed in; a customer reads its own organisation's.
  r.get('/service-standards', async (req, res) => {
    const q = parse(serviceStandardsQuery, req.query, 'query');
    const organisationId = standardsOrganisation(req.actor!, q.organisationId);
    if (req.actor!.role !== 'customer') await assertKnownOrganisation(db, organisationId);
    res.json(await standardsFor(db, organisationId, new Date()));
  });
  return r;
}
