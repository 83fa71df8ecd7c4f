// Values a hostile or careless client sends, for the fuzz generators and the hostile-input
// tests: text the API must refuse, odd text it must accept, numbers at the edges of
// the columns and of float64, and what a client's URL encoder makes of them.

/** Text PostgreSQL cannot store or a screen cannot show: the API must refuse it wherever it sits. */
export const HOSTILE_TEXT = ['\u0000', '\ud800', '\udfff', 'a\udc00b', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\u009b'] as const;
/** Unusual but legitimate text (bidi marks, emoji, CJK): the API must accept, store and show it. */
export const ODD_BUT_VALID_PIECES = ['\u202e', '\u2066', '\u2069', '\u200f', '👩‍💻', '🎉', '账单', 'é', 'a', ' '] as const;
/** Numbers at the edges of int4, float64 and safe integers. */
export const BOUNDARY_NUMBERS = [2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, -1e308, -0, 5e-324] as const;
/** Strings a lenient number parser might take for numbers. */
export const NUMBER_LIKE = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', ' 1', '1_000', '2147483648', '9007199254740993'] as const;
/**
 * ISO 8601 instants zod's datetime accepts but PostgreSQL cannot store: year 0000, and
 * times whose offset carries them into year 0000 or 10000 in UTC.
 */
export const OUT_OF_RANGE_INSTANTS = ['0000-01-01T00:00:00Z', '0001-01-01T00:30:00+01:00', '9999-12-31T23:59:59-01:00', '9999-12-31T23:59:59.999-14:00'] as const;
/** A value nested far deeper than any schema (and the API's 32-level limit). */
export const deeplyNested = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: [inner] }), 'leaf');

/** `value` with `bad` added to its n-th string (n = pick modulo the count); `bad` itself when it holds none. */
export function withBadText(value: unknown, bad: string, pick: number): unknown {
  const strings: { set: (s: string) => void; get: () => string }[] = [];
  const copy = structuredClone(value);
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const key of Object.keys(node)) {
      const holder = node as Record<string, unknown>;
      if (typeof holder[key] === 'string') strings.push({ get: () => holder[key] as string, set: (s) => (holder[key] = s) });
      else visit(holder[key]);
    }
  };
  if (typeof copy === 'string') return copy + bad;
  visit(copy);
  if (strings.length === 0) return bad;
  const target = strings[pick % strings.length]!;
  target.set(target.get() + bad);
  return copy;
}

/**
 * Percent-encoding as a careless client does it: like encodeURIComponent, but a lone
 * surrogate goes out as its three generalized-UTF-8 bytes instead of throwing.
 */
export function percentEncode(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (c) => {
    const unit = c.charCodeAt(0);
    if (c.length === 2 || unit < 0xd800 || unit > 0xdfff) return encodeURIComponent(c);
    return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  });
}
