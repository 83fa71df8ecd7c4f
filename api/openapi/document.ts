// The OpenAPI 3.1 document, generated from the registry once per process: the schemas
// never change while it runs, and /openapi.json should cost nothing per request.
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { buildRegistry } from './registry';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

let cached: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  cached ??= new OpenApiGeneratorV31(buildRegistry().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Casekeeper API',
      version: '1',
      description:
        'Customer-service cases, each a durable Temporal workflow. Every error is an RFC 9457 problem document (`application/problem+json`).',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'cases', description: 'Open, read and list cases' },
      { name: 'case actions', description: 'Everything that moves a case along; each is a Temporal Update' },
      { name: 'reference data', description: 'SLA policies, business calendars and the SLA preview' },
      { name: 'customer accounts', description: 'Audited account look-ups' },
      { name: 'notices', description: 'Webhook notices that could not be delivered: list and redrive (admins)' },
      { name: 'authority', description: 'The provider\'s authority matrix: compensation limits per role, person and currency (admins)' },
      { name: 'reports', description: 'The SLA report for supervisors, managers and admins (JSON or CSV)' },
      { name: 'organisations', description: 'Customer organisations, their versioned service contracts, and the service standards a customer reads (C4.2)' },
      { name: 'probes', description: 'Liveness and readiness' },
      { name: 'docs', description: 'This document and its readable form' },
    ],
  });
  return cached;
}
