// /v1/admin/authority: the provider's authority matrix (C2.2(d)) for admins: read the
// version in force, save a new version, read the saved versions.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { DEFAULT_AUTHORITY_MATRIX } from '../../domain/authority-matrix';
import { authorityMatrixBody, authorityMatrixSchema, authorityVersionsQuery, authorityVersionsSchema } from '../schemas/authority';
import { json, jsonBody, v1 } from './route-helpers';

const AuthorityMatrix = authorityMatrixSchema.meta({ id: 'AuthorityMatrix' });
const AuthorityMatrixBody = authorityMatrixBody.meta({ id: 'AuthorityMatrixBody' });
const AuthorityVersions = authorityVersionsSchema.meta({ id: 'AuthorityMatrixVersions' });
const admins: [403, string] = [403, 'Admins only.'];
const TAG = 'authority';

export function registerAuthorityPaths(r: OpenAPIRegistry): void {
  v1(
    r,
    {
      method: 'get',
      path: '/v1/admin/authority',
      operationId: 'getAuthorityMatrix',
      tags: [TAG],
      summary: 'Read the authority matrix in force: compensation limits per role, per-person overrides, per currency',
      description:
        `Grants and approvals follow it: a grant above the granter's limit in its currency waits for someone else whose limit covers it. Version 0 is built in: roles ${JSON.stringify(DEFAULT_AUTHORITY_MATRIX.roles)}, no overrides.`,
      responses: { 200: json(AuthorityMatrix, 'The matrix in force and who saved it.') },
    },
    admins,
  );
  v1(
    r,
    {
      method: 'put',
      path: '/v1/admin/authority',
      operationId: 'saveAuthorityMatrix',
      tags: [TAG],
      summary: 'Save a new version of the whole authority matrix',
      description: 'It applies to grants and decisions sent from then on; grants already pending keep their status until decided.',
      request: { body: jsonBody(AuthorityMatrixBody) },
      responses: { 200: json(AuthorityMatrix, 'The saved version, now in force.') },
    },
    admins,
    [409, 'Another admin saved a version since `basedOnVersion`: nothing was saved.'],
  );
  v1(
    r,
    {
      method: 'get',
      path: '/v1/admin/authority/versions',
      operationId: 'listAuthorityMatrixVersions',
      tags: [TAG],
      summary: 'Every saved version of the authority matrix, newest first: who saved what, and when',
      request: { query: authorityVersionsQuery },
      responses: { 200: json(AuthorityVersions, 'One page; pass `nextBefore` as `before` for the next.') },
    },
    admins,
  );
}
