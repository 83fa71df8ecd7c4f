// /v1/sla-policies, /v1/calendars, /v1/sla-preview, /v1/customers/:id/account (roll-outs: routes/rollouts.ts).
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { allow, STAFF } from '../roles';
import { parse } from '../parse';
import { calendarBody, idSchema, previewBody, slaPolicyBody } from '../schemas/reference';
import { lookUpAccount, lookupAudit, saveAccount } from '../services/accounts';
import { getCalendar, getPolicy, listCalendars, listPolicies, preview, saveCalendar, savePolicy } from '../services/reference-data';
import { caseIdSchema } from '../schemas/cases';

export const customerIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'a customer ID');
export const lookupQuery = z.object({ caseId: caseIdSchema, purpose: z.string().trim().min(3).max(500) }).strict();
export const accountBody = z.object({ name: z.string().trim().min(1).max(200), details: z.record(z.string(), z.unknown()) }).strict();

export function referenceRouter(db: Db): Router {
  const r = Router();
  const readers = allow(...STAFF, 'system');

  r.get('/sla-policies', readers, async (_req, res) => {
    res.json({ items: await listPolicies(db) });
  });
  r.get('/sla-policies/:id', readers, async (req, res) => {
    res.json(await getPolicy(db, parse(idSchema, req.params.id, 'policy ID')));
  });
  r.post('/sla-policies', allow('admin'), async (req, res) => {
    res.status(201).json(await savePolicy(db, parse(slaPolicyBody, req.body, 'request body')));
  });

  r.get('/calendars', readers, async (_req, res) => {
    res.json({ items: await listCalendars(db) });
  });
  r.get('/calendars/:id', readers, async (req, res) => {
    res.json(await getCalendar(db, parse(idSchema, req.params.id, 'calendar ID')));
  });
  r.post('/calendars', allow('admin'), async (req, res) => {
    res.status(201).json(await saveCalendar(db, parse(calendarBody, req.body, 'request body')));
  });

  // C4.2: anyone signed in may see what a would-be case's deadlines are, under their own contract.
  r.post('/sla-preview', async (req, res) => {
    res.json(await preview(db, parse(previewBody, req.body ?? {}, 'request body'), req.actor!, new Date()));
  });

  r.get('/customers/:customerId/account', allow(...STAFF), async (req, res) => {
    const q = parse(lookupQuery, req.query, 'query');
    res.json(await lookUpAccount(db, req.actor!, parse(customerIdSchema, req.params.customerId, 'customer ID'), q.caseId, q.purpose));
  });
  r.put('/customers/:customerId/account', allow('system', 'admin'), async (req, res) => {
    res.json(await saveAccount(db, parse(customerIdSchema, req.params.customerId, 'customer ID'), parse(accountBody, req.body, 'request body')));
  });
  r.get('/customers/:customerId/account-lookups', allow('supervisor', 'manager', 'admin'), async (req, res) => {
    res.json({ items: await lookupAudit(db, parse(customerIdSchema, req.params.customerId, 'customer ID')) });
  });
  return r;
}
