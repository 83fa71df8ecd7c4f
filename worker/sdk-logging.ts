// Routes the Temporal SDK's logs - the worker's own and every workflow's and
// activity's `log` calls - into the process's pino logger, so one JSON stream carries
// them all, redaction included.
import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

export function sdkLogger(logger: Logger, level: LogLevel = 'INFO'): DefaultLogger {
  return new DefaultLogger(level, (entry: LogEntry) => {
    logger[PINO_LEVEL[entry.level]]({ sdk: true, ...(entry.meta ?? {}) }, entry.message);
  });
}
