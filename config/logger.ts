// One structured JSON logger (pino) per process. Personal data never reaches a log
// line: the fields that can hold it are redacted wherever they appear, and request
// logs carry methods, routes, statuses and IDs, never bodies.
import pino, { type Logger } from 'pino';

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
