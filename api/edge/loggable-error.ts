// What a log line may say about an error the API could not answer: its class chain,
// PostgreSQL's SQLSTATE, constraint and table, and (for errors that did not come from
// the database) the stack's frames. Never a message: drizzle's DrizzleQueryError puts
// the query and its parameters (a whole case view, what a customer wrote) in its
// message and stack, and other libraries' messages may quote their input too.
import { databaseFacts } from '../../db/database-errors';

const SYSTEM_CODE = /^[A-Z][A-Z0-9_]{1,40}$/;
const MAX_CAUSES = 5;
const MAX_FRAMES = 8;

export interface LoggableError {
  /** Class names from the error down its `cause` chain, e.g. "DrizzleQueryError < PostgresError". */
  class: string;
  code?: string;
  constraint?: string;
  table?: string;
  /** `at …` lines only, and only when no database error is in the chain. */
  frames?: string[];
}

export function loggableError(err: unknown): LoggableError {
  const chain: object[] = [];
  for (let e: unknown = err; e && typeof e === 'object' && chain.length < MAX_CAUSES; e = (e as { cause?: unknown }).cause) chain.push(e);
  const out: LoggableError = { class: chain.length ? chain.map((e) => e.constructor?.name ?? 'Object').join(' < ') : typeof err };
  const facts = databaseFacts(err);
  const fromDatabase = facts.code !== undefined || chain.some((e) => 'query' in e || 'params' in e || 'parameters' in e);
  if (facts.code) {
    Object.assign(out, facts);
  } else {
    const code = (chain[0] as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && SYSTEM_CODE.test(code)) out.code = code; // e.g. ECONNREFUSED
  }
  const stack = (chain[0] as { stack?: unknown } | undefined)?.stack;
  if (!fromDatabase && typeof stack === 'string') {
    out.frames = stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, MAX_FRAMES).map((line) => line.trim());
  }
  return out;
}
