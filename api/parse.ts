// Validation at the edge: a zod failure becomes a 400 problem naming the fields.
import type { z } from 'zod';
import { fromZod } from './problem';

export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, where);
  return r.data;
}
