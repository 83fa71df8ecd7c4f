// The public routes: liveness and readiness probes, the OpenAPI document and its docs page.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as c from './components';
import { DOCS_ASSET_NAMES, DOCS_ASSET_PREFIX } from './docs-assets';
import { problems } from './problems';
import { codecBody } from '../routes/codec';
import { BEARER, json, jsonBody } from './route-helpers';

export function registerPublicPaths(r: OpenAPIRegistry): void {
  const pub = { security: [] as Record<string, string[]>[] };
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tags: ['probes'],
    summary: 'Liveness: the process answers',
    responses: { 200: json(c.Health, 'The API process is up.') },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/readyz',
    operationId: 'readiness',
    tags: ['probes'],
    summary: 'Readiness: Temporal and PostgreSQL both answer',
    responses: { 200: json(c.Readiness, 'Both servers answer.'), 503: json(c.Readiness, 'At least one server does not answer; the body says which.') },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/openapi.json',
    operationId: 'openApiDocument',
    tags: ['docs'],
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document.') },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/docs',
    operationId: 'docsPage',
    tags: ['docs'],
    summary: 'Readable API documentation (Swagger UI, served from this API)',
    responses: { 200: { description: 'An HTML page rendering /openapi.json.', content: { 'text/html': { schema: z.string() } } } },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/',
    operationId: 'root',
    tags: ['docs'],
    summary: 'The API\'s address leads to its documentation',
    responses: { 302: { description: 'To /docs (with a one-line text body, as browsers expect).', headers: { Location: { schema: { type: 'string', const: '/docs' } } }, content: { 'text/plain': { schema: z.string() } } } },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: `${DOCS_ASSET_PREFIX}/{file}`,
    operationId: 'docsAsset',
    tags: ['docs'],
    summary: 'A script, style sheet or image of the docs page',
    request: { params: z.object({ file: z.enum(DOCS_ASSET_NAMES) }) },
    responses: {
      200: {
        description: 'The file.',
        content: {
          'text/css': { schema: z.string() },
          'text/javascript': { schema: z.string() },
          'image/png': { schema: z.string().meta({ format: 'binary' }) },
        },
      },
      ...problems([400, 'The path is not valid percent-encoding.'], [404, 'No such asset.']),
    },
  });
  r.registerPath({
    ...pub,
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    tags: ['probes'],
    summary: 'Prometheus metrics: HTTP traffic, open cases by status and level, breaches by clock, webhook outcomes',
    responses: {
      200: { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: z.string() } } },
      ...problems([503, 'PostgreSQL does not answer.']),
    },
  });
  for (const op of ['decode', 'encode'] as const) {
    r.registerPath({
      method: 'post',
      path: `/codec/${op}`,
      operationId: `codec${op === 'decode' ? 'Decode' : 'Encode'}`,
      tags: ['codec server'],
      summary: op === 'decode' ? 'Decrypt Temporal payloads for the Temporal UI and CLI' : 'Encrypt Temporal payloads',
      description:
        'Temporal codec-server protocol. Supervisors, managers and admins with a bearer token; on a local system (CODEC_AUTH=local, loopback only) the configured Temporal UI origin may call without one.',
      security: [{ [BEARER]: [] }, {}],
      request: { body: jsonBody(codecBody) },
      responses: {
        200: json(codecBody, `The payloads, ${op}d, in the same order.`),
        ...problems(400, 401, 403, 413, 415, [422, `A payload cannot be ${op}d (unknown key, altered ciphertext).`]),
      },
    });
  }
}
