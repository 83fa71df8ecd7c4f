// /v1 reference data and customer accounts: SLA policies, calendars, the SLA preview,
// audited account look-ups.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { customerIdSchema, lookupQuery } from '../routes/reference';
import { idSchema } from '../schemas/reference';
import * as c from './components';
import { json, jsonBody, v1 } from './route-helpers';

const customerParams = z.object({ customerId: customerIdSchema });
const idParams = z.object({ id: idSchema });

export function registerReferencePaths(r: OpenAPIRegistry): void {
  const readers = 'Staff and systems only.';
  for (const kind of [
    { path: 'sla-policies', one: c.SlaPolicy, list: c.SlaPolicyList, body: c.SlaPolicyBody, name: 'SlaPolicy', what: 'SLA policy' },
    { path: 'calendars', one: c.Calendar, list: c.CalendarList, body: c.CalendarBody, name: 'Calendar', what: 'business calendar' },
  ] as const) {
    v1(
      r,
      {
        method: 'get',
        path: `/v1/${kind.path}`,
        operationId: `list${kind.name}s`,
        tags: ['reference data'],
        summary: `List the newest version of each ${kind.what}`,
        responses: { 200: json(kind.list, `Every ${kind.what}.`) },
      },
      [403, readers],
    );
    v1(
      r,
      {
        method: 'get',
        path: `/v1/${kind.path}/{id}`,
        operationId: `get${kind.name}`,
        tags: ['reference data'],
        summary: `Read the newest version of a ${kind.what}`,
        request: { params: idParams },
        responses: { 200: json(kind.one, `The ${kind.what}.`) },
      },
      [403, readers],
      [404, `No such ${kind.what}.`],
    );
    v1(
      r,
      {
        method: 'post',
        path: `/v1/${kind.path}`,
        operationId: `save${kind.name}`,
        tags: ['reference data'],
        summary: `Save a new version of a ${kind.what}`,
        request: { body: jsonBody(kind.body) },
        responses: { 201: json(kind.one, 'The saved version.') },
      },
      [403, 'Admins only.'],
      [422, 'The body breaks a rule beyond its schema: ladder order, overlapping hours, an unknown time zone or calendar, a calendar without business time ahead, or deadlines that cannot be computed on the calendar.'],
    );
  }
  v1(
    r,
    {
      method: 'post',
      path: '/v1/sla-preview',
      operationId: 'previewSla',
      tags: ['reference data'],
      summary: 'If a case opened now (or at `openedAt`), when would what be due?',
      description:
        'Answers from the caller\'s service contract, as opening a case would: a customer\'s own organisation\'s contract in force at `openedAt`; staff name an `organisationId`, or (for no organisation, or one without a contract) an `slaPolicyId`. Without either, or without a contract in force, the provider\'s default policy.',
      request: { body: { ...jsonBody(c.PreviewBody), required: false } },
      responses: { 200: json(c.SlaPreview, 'The deadlines.') },
    },
    [403, 'A customer named another organisation.'],
    [422, 'A customer named an `slaPolicyId` (the contract decides), staff named one for an organisation with a contract in force, or no such SLA policy; or the policy names an unknown calendar, or its deadlines cannot be computed from `openedAt` (no business time ahead, or past the year 9999).'],
  );
  v1(
    r,
    {
      method: 'get',
      path: '/v1/customers/{customerId}/account',
      operationId: 'lookUpAccount',
      tags: ['customer accounts'],
      summary: 'Look up a customer\'s account (audited; needs an open case of that customer)',
      request: { params: customerParams, query: lookupQuery },
      responses: { 200: json(c.Account, 'The account.') },
    },
    [403, 'Staff only, and only for an open case of this customer.'],
    [404, 'No account on record for this customer.'],
  );
  v1(
    r,
    {
      method: 'put',
      path: '/v1/customers/{customerId}/account',
      operationId: 'saveAccount',
      tags: ['customer accounts'],
      summary: 'Create or replace a customer\'s account (back office)',
      request: { params: customerParams, body: jsonBody(c.AccountBody) },
      responses: { 200: json(c.Account, 'The saved account.') },
    },
    [403, 'Systems and admins only.'],
  );
  v1(
    r,
    {
      method: 'get',
      path: '/v1/customers/{customerId}/account-lookups',
      operationId: 'accountLookupAudit',
      tags: ['customer accounts'],
      summary: 'Who looked up this customer\'s account, when, for which case and why',
      request: { params: customerParams },
      responses: { 200: json(c.LookupAudit, 'The audit trail, oldest first.') },
    },
    [403, 'Supervisors, managers and admins only.'],
  );
}
