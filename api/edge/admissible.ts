// The one rule for every string the API takes in (body values and keys at any depth,
// query, path and header values): no NUL, no lone UTF-16 surrogate, no control
// character other than tab, line feed and carriage return. PostgreSQL cannot store
// NUL in text or jsonb and cannot encode a lone surrogate as UTF-8, and the other
// controls are never part of what a person writes. Bidi marks and emoji are text.

// With the u flag a surrogate range matches only a surrogate that is not half of a pair.
const INADMISSIBLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF]/u;
const INADMISSIBLE_ALL = new RegExp(INADMISSIBLE.source, 'gu');

/** JSON nested deeper than this is refused before anything recurses over it. */
export const MAX_JSON_DEPTH = 32;
/** Past this many findings a problem document says nothing more useful. */
const MAX_FINDINGS = 20;

export interface Finding {
  path: string;
  message: string;
}

export const INADMISSIBLE_TEXT = 'contains NUL, a lone surrogate or a control character (only tab, LF and CR are allowed)';

export function isAdmissible(text: string): boolean {
  return !INADMISSIBLE.test(text);
}

/** A name fit to show in a problem document: inadmissible characters written as \uXXXX. */
export function printable(text: string): string {
  return text.replace(INADMISSIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Findings for a parsed JSON value: inadmissible strings and keys, and nesting past MAX_JSON_DEPTH. */
export function jsonFindings(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  walk(value, path, 0, findings);
  return findings;
}

function walk(value: unknown, path: string, depth: number, findings: Finding[]): void {
  if (findings.length >= MAX_FINDINGS) return;
  if (typeof value === 'string') {
    if (!isAdmissible(value)) findings.push({ path, message: INADMISSIBLE_TEXT });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth >= MAX_JSON_DEPTH) {
    findings.push({ path, message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}.${i}`, depth + 1, findings));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${printable(key)}`;
    if (!isAdmissible(key)) findings.push({ path: at, message: `the key ${INADMISSIBLE_TEXT}` });
    else walk(item, at, depth + 1, findings);
  }
}

/** Findings for flat name → value(s) pairs: query parameters and headers. */
export function pairFindings(pairs: Record<string, unknown>, prefix: string): Finding[] {
  const findings: Finding[] = [];
  for (const [name, value] of Object.entries(pairs)) {
    const at = `${prefix}.${printable(name)}`;
    const values = Array.isArray(value) ? value : [value];
    if (!isAdmissible(name)) findings.push({ path: at, message: `the name ${INADMISSIBLE_TEXT}` });
    else if (values.some((v) => typeof v === 'string' && !isAdmissible(v))) findings.push({ path: at, message: INADMISSIBLE_TEXT });
    if (findings.length >= MAX_FINDINGS) break;
  }
  return findings;
}
