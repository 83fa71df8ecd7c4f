// The facts a PostgreSQL error carries that say what went wrong without quoting the row:
// SQLSTATE, constraint and table. Drizzle wraps the driver's error as `cause` and puts the
// query and its parameters in its own message, so callers log or pass on these facts only.
const SQLSTATE = /^[0-9A-Z]{5}$/;

export interface DatabaseFailureFacts {
  /** PostgreSQL SQLSTATE (e.g. 22021 for a byte the encoding refuses, P0001 for a trigger's raise). */
  code?: string;
  constraint?: string;
  table?: string;
}

/** The facts of the first error in the `cause` chain that carries a SQLSTATE; {} if none does. */
export function databaseFacts(err: unknown): DatabaseFailureFacts {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { code?: unknown; constraint_name?: unknown; table_name?: unknown };
    if (typeof o.code === 'string' && SQLSTATE.test(o.code)) {
      return {
        code: o.code,
        ...(typeof o.constraint_name === 'string' ? { constraint: o.constraint_name } : {}),
        ...(typeof o.table_name === 'string' ? { table: o.table_name } : {}),
      };
    }
  }
  return {};
}
