// The error answers an operation can give, as OpenAPI responses: every one is an
// RFC 9457 problem document (application/problem+json), as api/problem.ts writes it.
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Problem } from './components';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export type ProblemStatus = 400 | 401 | 403 | 404 | 408 | 409 | 413 | 415 | 422 | 429 | 431 | 503;

const retryAfter = z.object({
  'Retry-After': z.string().regex(/^\d+$/).meta({ description: 'seconds to wait before retrying' }),
});

/** What each status means in this API; an operation may add its own detail. */
const MEANING: Record<ProblemStatus, string> = {
  400:
    'The request is malformed: invalid JSON or UTF-8, JSON nested deeper than 32 levels, text holding NUL, a lone surrogate or a control character other than tab, LF and CR (in any header, query or path parameter, body field or key), or a parameter, header or body field that fails validation (`errors` names each field, e.g. `body.contact.name`, `query.assignee`, `header.idempotency-key`, `path.caseId`).',
  401: 'No valid bearer token: missing, malformed, expired, or without valid `sub` and `role` claims.',
  403: 'The caller\'s role or authority does not allow this.',
  404: 'The resource does not exist, or is not visible to the caller.',
  408: 'The request did not arrive in time; the connection is closed.',
  409: 'The resource\'s current state does not allow this.',
  413: 'The request body is larger than 64 KiB.',
  415: 'The request body is not `application/json` in UTF-8 (or uses an unsupported content encoding).',
  422: 'The request is well-formed but cannot be applied.',
  429: 'Too many requests from this caller; retry after `Retry-After` seconds.',
  431: 'The request line and headers together exceed 16 KiB; the connection is closed.',
  503: 'A server Casekeeper depends on is not answering; retry after `Retry-After` seconds (with the same Idempotency-Key, if any).',
};

function problemResponse(status: ProblemStatus, detail?: string): ResponseConfig {
  return {
    description: detail ? `${MEANING[status]} ${detail}` : MEANING[status],
    ...(status === 429 || status === 503 ? { headers: retryAfter } : {}),
    ...(status === 401 ? { headers: z.object({ 'WWW-Authenticate': z.literal('Bearer') }) } : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } },
  };
}

/** Problem responses for the given statuses; a `[status, detail]` pair adds a route-specific note. */
export function problems(...statuses: (ProblemStatus | [ProblemStatus, string])[]): Record<string, ResponseConfig> {
  return Object.fromEntries(
    statuses.map((s) => (Array.isArray(s) ? [String(s[0]), problemResponse(s[0], s[1])] : [String(s), problemResponse(s)])),
  );
}

/**
 * Every operation can answer these: the edge holds every header, query and path
 * parameter to the text rule (400), and Node's HTTP parser refuses a malformed request
 * (400), a slow one (408) or oversized headers (431) before any route (api/edge/).
 */
export const EDGE_COMMON: ProblemStatus[] = [400, 408, 431];

/**
 * Every /v1 operation can answer these: its middleware reads a JSON body on any method
 * (400, 413, 415), then authenticates (401), then rate-limits (429), and every handler
 * reads PostgreSQL or Temporal (503).
 */
export const V1_COMMON: ProblemStatus[] = [400, 401, 413, 415, 429, 503];
