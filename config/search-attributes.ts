// Casekeeper's search attributes must exist in the namespace before a case runs: an
// upsert of an unknown attribute fails the case's workflow task (its clocks stop), and a
// start carrying one is refused. Worker and API check at start and name what is missing;
// the same functions back `npm run ops -- search-attributes`, on every server we name.
import { temporal } from '@temporalio/proto';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';

type OperatorService = temporal.api.operatorservice.v1.OperatorService;

export const REGISTER_COMMAND = 'npm run ops -- search-attributes';
const UNIMPLEMENTED = 12;
const ALREADY_EXISTS = 6;

/**
 * Names of Casekeeper's search attributes the namespace lacks; `undefined` when the
 * server cannot list them (the time-skipping test server), which is not a refusal.
 */
export async function missingSearchAttributes(operator: OperatorService, namespace: string): Promise<string[] | undefined> {
  try {
    const { customAttributes } = await operator.listSearchAttributes({ namespace });
    return CASE_SEARCH_ATTRIBUTES.filter((k) => !(k.name in (customAttributes ?? {}))).map((k) => k.name);
  } catch (err) {
    if ((err as { code?: number }).code === UNIMPLEMENTED) return undefined;
    throw err;
  }
}

/** Throws an error saying which attributes are missing and how to register them. */
export async function requireSearchAttributes(operator: OperatorService, namespace: string): Promise<void> {
  const missing = await missingSearchAttributes(operator, namespace);
  if (missing && missing.length > 0) {
    throw new Error(`namespace ${namespace} lacks the search attributes ${missing.join(', ')}: register them with \`${REGISTER_COMMAND}\` (same TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE), then start again`);
  }
}

/** Registers what is missing; where the server cannot list, adds all (already present is fine). */
export async function registerSearchAttributes(operator: OperatorService, namespace: string): Promise<string[]> {
  const missing = (await missingSearchAttributes(operator, namespace)) ?? CASE_SEARCH_ATTRIBUTES.map((k) => k.name);
  const keys = CASE_SEARCH_ATTRIBUTES.filter((k) => missing.includes(k.name));
  if (keys.length === 0) return [];
  try {
    await operator.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(keys.map((k) => [k.name, indexedValueType(k.type)])),
    });
  } catch (err) {
    if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
    return [];
  }
  return keys.map((k) => `${k.name} (${k.type})`);
}

/** The server's enum for a key's type (KEYWORD → INDEXED_VALUE_TYPE_KEYWORD). */
export function indexedValueType(type: string): temporal.api.enums.v1.IndexedValueType {
  return temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${type}` as keyof typeof temporal.api.enums.v1.IndexedValueType];
}
