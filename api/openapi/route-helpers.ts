// Shorthands the path files share: JSON bodies and answers, and the /v1 wrapper that
// adds the bearer token and the statuses every /v1 route can answer.
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { problems, V1_COMMON } from './problems';

export const BEARER = 'bearerAuth';

export const json = (schema: z.ZodType, description: string): ResponseConfig => ({ description, content: { 'application/json': { schema } } });
export const jsonBody = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });

/** A /v1 operation: bearer token required, and the statuses every /v1 route shares. */
export function v1(registry: OpenAPIRegistry, route: Omit<RouteConfig, 'path'> & { path: `/v1/${string}` }, ...own: Parameters<typeof problems>): void {
  registry.registerPath({
    ...route,
    security: [{ [BEARER]: [] }],
    responses: { ...route.responses, ...problems(...V1_COMMON, ...own) },
  });
}
