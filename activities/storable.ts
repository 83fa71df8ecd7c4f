// PostgreSQL stores neither a NUL character (text and jsonb both refuse it) nor a lone
// UTF-16 surrogate (not valid UTF-8). The API refuses both at its edge; this is the last
// line for anything that reached a case another way (an older API, a direct start):
// the log keeps the rest of what was said, with U+FFFD where the character could not go.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(s: string): string {
  return s.replace(UNSTORABLE, '\uFFFD');
}

/** A deep copy with every string, object keys included, made storable. */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map((v) => storable(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storableText(k), storable(v)])) as T;
  }
  return value;
}
