// One structured logger (pino) per process. Personal data never reaches a log line: the
// fields that can hold it are redacted wherever they appear (before any formatting), and
// request logs carry methods, routes, statuses and IDs, never bodies. JSON by default,
// for log collectors; LOG_FORMAT=pretty (npm start's default) prints one readable line
// per entry, in local time.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

/** Fields that may hold names, contacts or what a customer wrote. */
const PERSONAL = ['name', 'email', 'phone', 'contact', 'message', 'content', 'description', 'subject', 'grounds', 'comment', 'reason', 'result', 'details'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'casekeeper' },
      redact: {
        paths: [...PERSONAL, ...PERSONAL.map((f) => `*.${f}`), ...PERSONAL.map((f) => `*.*.${f}`), 'req.headers.authorization', 'headers.authorization'],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Where a process's log lines go, by LOG_FORMAT: pretty text or JSON, both on stdout. */
export function logDestination(format: 'json' | 'pretty', out: NodeJS.WritableStream = process.stdout): pino.DestinationStream | undefined {
  if (format === 'json') return undefined;
  return pretty({
    destination: out,
    sync: true, // lines keep their order with the launcher's own console output
    colorize: 'isTTY' in out && out.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,service',
    singleLine: true,
  });
}

/** The process's logger from its configuration (LOG_LEVEL, LOG_FORMAT). */
export const processLogger = (config: { LOG_LEVEL: string; LOG_FORMAT: 'json' | 'pretty' }): Logger =>
  createLogger(config.LOG_LEVEL, logDestination(config.LOG_FORMAT));
