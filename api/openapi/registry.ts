// Every route the API serves, as the OpenAPI document describes it: method, path,
// who may call it, what it reads and every status it can answer. Request schemas are
// the ones the routes validate with; tests walk the Express app and fuzz each
// operation against this registry, so a route missing here, or an answer not listed
// here, fails them.
import { OpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { registerCasePaths } from './paths-cases';
import { registerPublicPaths } from './paths-public';
import { registerReferencePaths } from './paths-reference';
import { registerNoticePaths } from './paths-notices';
import { registerOrganisationPaths } from './paths-organisations';
import { registerReportPaths } from './paths-reports';
import { registerAuthorityPaths } from './paths-authority';
import { registerCalendarImportPaths } from './paths-calendar-imports';
import { registerRolloutPaths } from './paths-rollouts';
import { EDGE_COMMON, problems } from './problems';
import { BEARER } from './route-helpers';

export function buildRegistry(): OpenAPIRegistry {
  const r = new OpenAPIRegistry();
  r.registerComponent('securitySchemes', BEARER, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An HS256 JWT with `sub` and `role` claims (customers also `customerId`).',
  });
  registerPublicPaths(r);
  registerCasePaths(r);
  registerReferencePaths(r);
  registerNoticePaths(r);
  registerOrganisationPaths(r);
  registerReportPaths(r);
  registerAuthorityPaths(r);
  registerCalendarImportPaths(r);
  registerRolloutPaths(r);
  // The edge answers before any route does, so every operation, also one added later, lists its statuses.
  for (const route of registeredRoutes(r)) route.responses = { ...problems(...EDGE_COMMON), ...route.responses };
  return r;
}

/** The registered operations, for tests that check the app and the document agree. */
export function registeredRoutes(registry: OpenAPIRegistry): RouteConfig[] {
  return registry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
}
