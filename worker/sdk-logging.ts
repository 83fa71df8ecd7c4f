// Routes the Temporal SDK's logs - the worker's own and every workflow's and
// activity's `log` calls - into the process's pino logger, so one JSON stream carries
// them all, redaction included.
//
// The SDK attaches the error itself to its failure lines ("Activity failed", "Workflow
// failed", "Failed to process Workflow Activation", ...) and sometimes repeats its text in
// the line. An error's message and stack can quote what a customer wrote (a driver's
// error names the values it was given), so only what kind of error it was is logged.
import { DefaultLogger, type LogEntry, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Workflow code runs in its own realm, where `instanceof Error` fails for its errors. */
const isError = (v: unknown): v is Error => v instanceof Error || Object.prototype.toString.call(v) === '[object Error]';

/** What may be logged of an error: its name, its failure type and retryability, and its cause's, never its text. */
export function errorKind(err: Error, depth = 0): Record<string, unknown> {
  const failure = err as Error & { type?: unknown; nonRetryable?: unknown; cause?: unknown };
  return {
    errorType: err.name,
    ...(typeof failure.type === 'string' ? { failureType: failure.type } : {}),
    ...(typeof failure.nonRetryable === 'boolean' ? { nonRetryable: failure.nonRetryable } : {}),
    ...(isError(failure.cause) && depth < 5 ? { cause: errorKind(failure.cause, depth + 1) } : {}),
  };
}

/** The messages of an error and its causes: text to keep out of the log line. */
function messagesOf(err: Error): string[] {
  const out: string[] = [];
  for (let e: unknown = err, depth = 0; isError(e) && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    // Very short texts would cut words out of the SDK's own wording; they hold nothing to hide.
    if (e.message.length >= 4) out.push(e.message);
  }
  return out;
}

/** A log entry with every error in its metadata reduced to its kind, and its text cut from the line. */
export function withoutErrorText(entry: Pick<LogEntry, 'message' | 'meta'>): { message: string; meta: LogMetadata } {
  const meta: LogMetadata = {};
  let message = entry.message;
  for (const [key, value] of Object.entries(entry.meta ?? {})) {
    if (!isError(value)) {
      meta[key] = value;
      continue;
    }
    meta[key] = errorKind(value);
    for (const text of messagesOf(value)) message = message.split(text).join('[redacted]');
  }
  return { message, meta };
}

export function sdkLogger(logger: Logger, level: LogLevel = 'INFO'): DefaultLogger {
  return new DefaultLogger(level, (entry: LogEntry) => {
    const { message, meta } = withoutErrorText(entry);
    logger[PINO_LEVEL[entry.level]]({ sdk: true, ...meta }, message);
  });
}
