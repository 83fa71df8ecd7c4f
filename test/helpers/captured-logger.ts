// A real pino logger (with the project's redaction) whose lines a test can read back.
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../config/logger';

export function capturedLogger(level = 'info'): { lines: Record<string, unknown>[]; logger: Logger } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger(level, stream) };
}
