// Values near a JSON Schema that it does not (necessarily) allow, for the fuzz test:
// what a careless client sends (a field dropped, added or of the wrong type) and what
// a hostile one sends (text the API must refuse, boundary numbers, deep nesting).
import fc from 'fast-check';
import { BOUNDARY_NUMBERS, deeplyNested, HOSTILE_TEXT, NUMBER_LIKE, withBadText } from './hostile-values';
import { validArbitrary, type JsonSchema, type SchemaContext } from './json-schema-arbitraries';

/**
 * Values near `schema` that it does not (necessarily) allow: a field dropped, an
 * unknown field added, a field of the wrong type, or something else altogether.
 */
export function nearMissArbitrary(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, ctx);
  const anyJson = fc.oneof({ weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 2, arbitrary: hostileValue });
  const onObject = (f: (o: Record<string, unknown>, key: string, v: unknown) => Record<string, unknown>) =>
    fc.tuple(valid, fc.string({ maxLength: 12 }), anyJson, fc.nat()).map(([v, extraKey, junk, pick]) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return junk;
      const keys = Object.keys(v);
      const key = keys.length > 0 ? keys[pick % keys.length]! : extraKey;
      return f({ ...(v as Record<string, unknown>) }, key === '' ? extraKey : key, junk);
    });
  return fc.oneof(
    onObject((o, key) => {
      delete o[key];
      return o;
    }),
    onObject((o, key, junk) => ({ ...o, [key]: junk })),
    fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), anyJson).map(([v, k, junk]) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, [`x-${k}`]: junk } : junk,
    ),
    // Valid in every way but one string, somewhere inside, holding a character the API must refuse.
    fc.tuple(valid, fc.constantFrom(...HOSTILE_TEXT), fc.nat()).map(([v, bad, pick]) => withBadText(v, bad, pick)),
    // An object key the API must refuse.
    fc.tuple(valid, fc.constantFrom(...HOSTILE_TEXT), anyJson).map(([v, bad, junk]) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, [`k${bad}`]: junk } : { [`k${bad}`]: v },
    ),
    fc.constantFrom<unknown>(null, [], {}, '', 0, true, { __proto__: { polluted: true } }, { constructor: { prototype: {} } }),
    anyJson,
  );
}

/** Hostile text, boundary numbers, number-like strings and over-deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_TEXT, ...BOUNDARY_NUMBERS, ...NUMBER_LIKE),
  fc.constant(deeplyNested(40)),
);
