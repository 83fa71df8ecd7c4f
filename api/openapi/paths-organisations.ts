// /v1/admin/organisations: customer organisations and their versioned service contracts
// (issue 12); /v1/service-standards: what a customer's contract promises it (C4.2).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  contractVersionBody,
  contractVersionParam,
  contractVersionSchema,
  savedContractVersionSchema,
  organisationAuditSchema,
  organisationBody,
  organisationIdSchema,
  organisationListSchema,
  organisationSchema,
  serviceStandardsQuery,
  serviceStandardsSchema,
} from '../schemas/organisations';
import { json, jsonBody, v1 } from './route-helpers';

const Organisation = organisationSchema.meta({ id: 'Organisation' });
const OrganisationList = organisationListSchema.meta({ id: 'OrganisationList' });
const OrganisationBody = organisationBody.meta({ id: 'OrganisationBody' });
const ContractVersion = contractVersionSchema.meta({ id: 'ContractVersion' });
const SavedContractVersion = savedContractVersionSchema.meta({ id: 'SavedContractVersion' });
const ContractVersionBody = contractVersionBody.meta({ id: 'ContractVersionBody' });
const OrganisationAudit = organisationAuditSchema.meta({ id: 'OrganisationAudit' });
const ServiceStandards = serviceStandardsSchema.meta({ id: 'ServiceStandards' });

const TAG = 'organisations';
const base = '/v1/admin/organisations/{organisationId}' as const;
const orgParams = z.object({ organisationId: organisationIdSchema });
const readers: [403, string] = [403, 'Staff and systems only.'];
const admins: [403, string] = [403, 'Admins only.'];
const noOrg: [404, string] = [404, 'No such organisation.'];

export function registerOrganisationPaths(r: OpenAPIRegistry): void {
  v1(r, {
    method: 'get', path: '/v1/admin/organisations', operationId: 'listOrganisations', tags: [TAG],
    summary: 'List customer organisations (the first 1,000 by ID) with their contract versions',
    responses: { 200: json(OrganisationList, 'The organisations.') },
  }, readers);
  v1(r, {
    method: 'get', path: base, operationId: 'getOrganisation', tags: [TAG],
    summary: 'Read an organisation: its name, its contract versions and the one in force now',
    request: { params: orgParams },
    responses: { 200: json(Organisation, 'The organisation.') },
  }, readers, noOrg);
  v1(r, {
    method: 'put', path: base, operationId: 'saveOrganisation', tags: [TAG],
    summary: 'Create or rename an organisation (audited)',
    description: 'The ID is the `customerId` its cases and its customers\' tokens carry. Until it has a contract in force, its cases get the provider\'s default SLA policy.',
    request: { params: orgParams, body: jsonBody(OrganisationBody) },
    responses: { 200: json(Organisation, 'Renamed (or unchanged).'), 201: json(Organisation, 'Created.') },
  }, admins);
  v1(r, {
    method: 'post', path: `${base}/contract-versions`, operationId: 'addContractVersion', tags: [TAG],
    summary: 'Add a service-contract version taking effect at `effectiveFrom` (audited); its roll-out moves open cases onto it then',
    description:
      'New cases of the organisation pin the version in force when they open. Open cases already under the contract move onto the new version when it takes effect: saving it starts a roll-out whose start is delayed until `effectiveFrom`. Versions take effect in the order they are numbered, so `effectiveFrom` is never before the latest version\'s.',
    request: { params: orgParams, body: jsonBody(ContractVersionBody) },
    responses: { 201: json(SavedContractVersion, 'The saved version and its roll-out.') },
  }, admins, noOrg,
  [422, 'The terms break a rule beyond their schema (ladder order, an unknown calendar, deadlines that cannot be computed on it), or `effectiveFrom` is before the latest version\'s.']);
  v1(r, {
    method: 'get', path: `${base}/contract-versions/{version}`, operationId: 'getContractVersion', tags: [TAG],
    summary: 'Read one service-contract version',
    request: { params: orgParams.extend({ version: contractVersionParam }) },
    responses: { 200: json(ContractVersion, 'The version.') },
  }, readers, [404, 'No such organisation or version.']);
  v1(r, {
    method: 'get', path: `${base}/audit`, operationId: 'getOrganisationAudit', tags: [TAG],
    summary: 'Who changed the organisation or its contract, what, and when (newest first, at most 500)',
    request: { params: orgParams },
    responses: { 200: json(OrganisationAudit, 'The audit trail.') },
  }, [403, 'Supervisors, managers and admins only.'], noOrg);
  v1(r, {
    method: 'get', path: '/v1/service-standards', operationId: 'getServiceStandards', tags: [TAG],
    summary: 'The service standards of the caller\'s organisation (C4.2): hours, response times, escalation path, appeal window',
    description: 'A customer reads its own organisation\'s; staff name one with `organisationId`. Without a contract in force, the provider\'s default applies (`contract` is null).',
    request: { query: serviceStandardsQuery },
    responses: { 200: json(ServiceStandards, 'The standards in force now.') },
  }, [400, 'Staff did not name the organisation.'], [403, 'A customer asked for another organisation, or its token names none.'],
  [404, 'Staff named an organisation nobody knows: not onboarded, no customer account, no case.'],
  [422, 'The service hours name a calendar that is not on record.']);
}
