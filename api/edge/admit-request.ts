// Middleware that holds every request to the rule in ./admissible before any route
// sees it: headers, query and path first (app-wide, so routes added later are covered
// without anyone remembering), then the parsed JSON body (see ./json-body).
import type { RequestHandler } from 'express';
import { badRequest } from '../problem';
import { INADMISSIBLE_TEXT, isAdmissible, jsonFindings, pairFindings, type Finding } from './admissible';

const refuse = (where: string, findings: Finding[]) => badRequest(`the ${where} holds text this API cannot store or show`, findings);

/**
 * Headers, query parameters and path segments. `pathTemplates` (OpenAPI style,
 * `/v1/cases/{caseId}`) name the path parameter a bad segment stands for.
 */
export function admitUrlAndHeaders(pathTemplates: readonly string[]): RequestHandler {
  const templates = pathTemplates.map((t) => t.split('/'));
  return (req, _res, next) => {
    const findings = [...pairFindings(req.headers, 'header'), ...pairFindings(req.query as Record<string, unknown>, 'query'), ...pathFindings(req.path, templates)];
    next(findings.length > 0 ? refuse('request', findings) : undefined);
  };
}

/** The parsed JSON body, keys and values at every depth, and its nesting. */
export const admitBody: RequestHandler = (req, _res, next) => {
  const findings = req.body === undefined ? [] : jsonFindings(req.body, 'body');
  next(findings.length > 0 ? refuse('request body', findings) : undefined);
};

function pathFindings(path: string, templates: string[][]): Finding[] {
  const segments = path.split('/');
  const findings: Finding[] = [];
  segments.forEach((segment, i) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return; // malformed percent-encoding: the router answers that with its own 400
    }
    if (!isAdmissible(decoded)) findings.push({ path: `path.${parameterName(segments, i, templates)}`, message: INADMISSIBLE_TEXT });
  });
  return findings;
}

/** The `{name}` of the template whose other segments match this path, or the segment's position. */
function parameterName(segments: string[], index: number, templates: string[][]): string {
  const match = templates.find(
    (t) => t.length === segments.length && /^\{\w+\}$/.test(t[index]!) && t.every((part, j) => j === index || part.startsWith('{') || part === segments[j]),
  );
  return match ? match[index]!.slice(1, -1) : `segment${index}`;
}
