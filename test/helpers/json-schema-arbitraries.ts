// fast-check arbitraries from the JSON Schemas of an OpenAPI 3.1 document: values the
// schema allows, and values a careless or hostile client might send instead. The
// fuzz test drives the API with them, so what it sends follows the published document
// rather than anything the test author assumed.
import fc from 'fast-check';
import { BOUNDARY_NUMBERS, ODD_BUT_VALID_PIECES, OUT_OF_RANGE_INSTANTS } from './hostile-values';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

export interface SchemaContext {
  components: Record<string, JsonSchema>;
  /** Values worth sending for properties of these names (IDs that exist), mixed with generated ones. */
  hints?: Record<string, readonly unknown[]>;
}

// Small collections and strings keep each request cheap; the bounds still come from the schema.
const MAX_ITEMS = 3;
const MAX_STRING = 40;


const isoInstant = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const word = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const nearInstant = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

// The same instant written in a zone's local time (±HH:MM), up to ±14 hours from UTC.
const withOffset = fc
  .tuple(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), fc.integer({ min: -14 * 4, max: 14 * 4 }))
  .map(([d, quarters]) => {
    const minutes = quarters * 15;
    const local = new Date(d.getTime() + minutes * 60_000).toISOString().slice(0, -1);
    const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
    const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
    return `${local}${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
  })
  .filter((s) => /^\d{4}-/.test(s)); // the local time itself must have a four-digit year

/** Values valid under `schema` (as far as JSON Schema can say: zod may still refuse, e.g. blank after trim). */
export function validArbitrary(schema: JsonSchema, ctx: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return validArbitrary(ctx.components[schema.$ref.replace('#/components/schemas/', '')]!, ctx, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(s, ctx, depth)));
  if (schema.allOf) return validArbitrary(Object.assign({}, ...schema.allOf) as JsonSchema, ctx, depth);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => validArbitrary({ ...schema, type }, ctx, depth)));
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer': {
      // Unbounded in the document means any safe integer: a column narrower than that shows up as a 5xx.
      const min = Math.ceil(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Number.MIN_SAFE_INTEGER));
      const max = Math.floor(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : Number.MAX_SAFE_INTEGER));
      const edges = BOUNDARY_NUMBERS.filter((n) => Number.isSafeInteger(n) && n >= min && n <= max);
      const any = fc.integer({ min, max });
      return edges.length > 0 ? fc.oneof({ weight: 4, arbitrary: any }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : any;
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? schema.exclusiveMinimum ?? -1e9,
        max: schema.maximum ?? schema.exclusiveMaximum ?? 1e9,
        minExcluded: schema.exclusiveMinimum !== undefined,
        maxExcluded: schema.exclusiveMaximum !== undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(schema, ctx, depth);
    case 'object':
      return objectArbitrary(schema, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  if (schema.format === 'date-time') {
    // Also the instants past PostgreSQL's years: the API must refuse them, never answer 500.
    const outOfRange = fc.constantFrom(...OUT_OF_RANGE_INSTANTS);
    return fc.oneof({ weight: 3, arbitrary: nearInstant }, { weight: 1, arbitrary: isoInstant }, { weight: 1, arbitrary: withOffset }, { weight: 1, arbitrary: outOfRange });
  }
  // Addresses as people write them: the API's email check is stricter than RFC 5322.
  if (schema.format === 'email') return fc.tuple(word, word, fc.constantFrom('com', 'org', 'cn')).map(([l, d, t]) => `${l}@${d}.${t}`).filter(fits);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const plain = [fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' })];
  // Only alternatives that can fit: a filter that never passes would spin for ever.
  const odd: fc.Arbitrary<string>[] = [];
  if (maxLength > minLength) {
    const count = Math.max(1, minLength);
    const pieces = fc.array(fc.constantFrom(...ODD_BUT_VALID_PIECES), { minLength: count, maxLength: Math.max(count, Math.min(maxLength - 1, 8)) });
    odd.push(pieces.map((p) => `x${p.join('')}`).filter(fits));
  }
  // As long as the field allows: 10,000 characters with a bidi mark and an emoji at the end.
  const long = `${'x'.repeat(9_996)}\u202e🎉`;
  if (fits(long)) odd.push(fc.constant(long));
  return fc.oneof(...plain, ...odd);
}

function arrayArbitrary(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown[]> {
  if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => validArbitrary(s, ctx, depth + 1)));
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, depth > 2 ? minLength : MAX_ITEMS));
  return fc.array(validArbitrary(schema.items ?? {}, ctx, depth + 1), { minLength, maxLength });
}

function objectArbitrary(schema: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = schema.required ?? [];
  const known = fc.record(
    Object.fromEntries(Object.entries(props).map(([k, s]) => [k, hinted(k, validArbitrary(s, ctx, depth + 1), ctx)])),
    { requiredKeys: required },
  );
  // A map (z.record): keys from propertyNames, values from additionalProperties.
  if (Object.keys(props).length === 0 && typeof schema.additionalProperties === 'object') {
    const key = schema.propertyNames ? (validArbitrary(schema.propertyNames, ctx, depth + 1) as fc.Arbitrary<string>) : fc.string({ maxLength: 12 });
    return fc.dictionary(key, validArbitrary(schema.additionalProperties, ctx, depth + 1), { maxKeys: depth > 2 ? 0 : MAX_ITEMS });
  }
  return known as fc.Arbitrary<Record<string, unknown>>;
}

/** A named value: often one that exists (when hinted), otherwise whatever the schema allows. */
export function hinted(name: string, generated: fc.Arbitrary<unknown>, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const known = ctx.hints?.[name];
  if (!known || known.length === 0) return generated;
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated });
}
