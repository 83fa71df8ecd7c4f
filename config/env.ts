// Configuration, parsed once at start-up. A bad value stops the process with a
// message naming the variable and what is wrong with it.
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');

const schema = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).optional(),
  /** Unset → the embedded PGlite database in CASEKEEPER_DATA_DIR/pglite. */
  DATABASE_URL: z.string().url().optional(),
  CASEKEEPER_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Where notices go as signed webhooks; unset → they stay in the outbox as SKIPPED. */
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(16).optional(),
  /** HS256 secret that signs API bearer tokens (npm start makes a local one if unset). */
  AUTH_JWT_SECRET: z.string().min(32, 'at least 32 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { pgliteDir: string };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.WEBHOOK_URL && !parsed.data.WEBHOOK_SECRET) {
    throw new Error('invalid configuration:\n  WEBHOOK_SECRET: required (16+ characters) when WEBHOOK_URL is set');
  }
  return { ...parsed.data, pgliteDir: path.join(parsed.data.CASEKEEPER_DATA_DIR, 'pglite') };
}
