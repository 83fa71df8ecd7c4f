// What a failed database write means for the case, said without what the case holds.
// Drizzle's error message and the driver's error carry the query's parameters (what a
// customer wrote), so neither may cross into Temporal or a log line: the failure that
// leaves an activity names only the SQLSTATE, the constraint and the table.
import { ApplicationFailure } from '@temporalio/activity';
import { databaseFacts } from '../db/database-errors';

/** Failure type the workflow reacts to: the database refuses this write, retrying it is pointless. */
export const WRITE_REFUSED = 'DatabaseRefusedWrite';
/** Failure type for outages and anything unexplained: Temporal retries it with back-off. */
export const WRITE_UNAVAILABLE = 'DatabaseUnavailable';

/**
 * SQLSTATE classes where the same statement will fail again however often it is sent:
 * data exceptions (22: bad bytes, out-of-range numbers), integrity violations (23),
 * refused privileges or missing objects (42), and errors raised by triggers or functions
 * (P0). Everything else (connection loss, serialization, shutdown) may pass on a retry.
 */
const REFUSING_CLASSES = ['22', '23', '42', 'P0'];

/**
 * The failure an activity throws for a database error: typed, classified, free of content.
 * A refusal is non-retryable only when the caller can handle it (`refusalIsFinal`); older
 * workflow code would fail the case on it, so for that code it stays retryable as it was.
 */
export function asDatabaseFailure(err: unknown, what: string, refusalIsFinal = true): ApplicationFailure {
  const facts = databaseFacts(err);
  const where = [facts.code && `SQLSTATE ${facts.code}`, facts.constraint && `constraint ${facts.constraint}`, facts.table && `table ${facts.table}`]
    .filter(Boolean)
    .join(', ');
  if (refusalIsFinal && facts.code && REFUSING_CLASSES.includes(facts.code.slice(0, 2))) {
    return ApplicationFailure.nonRetryable(`the database refused ${what} (${where})`, WRITE_REFUSED, facts);
  }
  const kind = err instanceof Error ? err.constructor.name : typeof err;
  return ApplicationFailure.retryable(`${what} failed (${where || kind})`, WRITE_UNAVAILABLE, facts);
}
