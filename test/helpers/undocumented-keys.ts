// Fields an answer carries that its zod schema does not name. zod's plain objects
// accept (and strip) unknown keys, so safeParse alone would let a response grow
// fields the documentation never mentions; this walks the schema beside the value.
import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function undocumentedKeys(schema: z.ZodType, value: unknown, at = '$'): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return value === undefined || value === null ? [] : undocumentedKeys(def.innerType!, value, at);
    case 'pipe':
      return undocumentedKeys(def.in!, value, at);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => undocumentedKeys(def.element!, v, `${at}[${i}]`)) : [];
    case 'tuple':
      return Array.isArray(value) ? value.flatMap((v, i) => (def.items![i] ? undocumentedKeys(def.items![i]!, v, `${at}[${i}]`) : [])) : [];
    case 'union': {
      // The value is documented if any alternative documents all of it.
      const each = def.options!.map((o) => undocumentedKeys(o, value, at));
      return each.find((e) => e.length === 0) ?? each[0] ?? [];
    }
    case 'object': {
      if (typeof value !== 'object' || value === null) return [];
      const shape = def.shape!;
      const open = def.catchall !== undefined && defOf(def.catchall).type !== 'never';
      return Object.entries(value).flatMap(([k, v]) =>
        shape[k] ? undocumentedKeys(shape[k], v, `${at}.${k}`) : open ? [] : [`${at}.${k}`],
      );
    }
    default:
      return []; // records, unknown and scalars: nothing named to compare with
  }
}
