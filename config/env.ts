// Configuration, parsed once at start-up. A bad value stops the process with a
// message naming the variable and what is wrong with it.
import path from 'node:path';
import { z } from 'zod';
import { parseKeyRing, type KeyRing } from '../codec/keys';
import { loadTemporalTarget, type TemporalTarget } from './temporal';

const ROOT = path.resolve(__dirname, '..');

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };
/** "3600", "90s", "30m", "24h" or "7d" → seconds. */
const duration = z
  .string()
  .regex(/^\d+[smhd]?$/, 'a duration such as 3600, 90s, 30m, 24h or 7d')
  .transform((v) => Number.parseInt(v, 10) * (UNIT_SECONDS[v.slice(-1)] ?? 1));

/** Which bearer tokens the API accepts (besides AUTH_JWT_SECRET, which signs HS256 ones). */
/** How long an Idempotency-Key is remembered unless IDEMPOTENCY_KEY_TTL_HOURS says otherwise. */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 24;

const authFields = {
  /** The longest a token may live (exp − iat, or exp − now without iat). */
  AUTH_MAX_TOKEN_LIFETIME: duration.default(24 * 3600),
  /** When set, a token's iss must equal it. */
  AUTH_ISSUER: z.string().min(1).optional(),
  /** When set, a token's aud must contain it. */
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** An identity provider's JSON Web Key Set: RS256/ES256 tokens signed by its keys are accepted. */
  AUTH_JWKS_URL: z.string().url().optional(),
  /**
   * A token's `compLimit` claim: "ignore" it (compensation limits come from the provider's
   * authority matrix) or "trust" it as the actor's limit in every currency, as before the matrix.
   */
  AUTH_COMP_LIMIT_CLAIM: z.enum(['ignore', 'trust']).default('ignore'),
};

/** Worker tuning: unset leaves the SDK's default. */
const slots = z.coerce.number().int().min(1).max(100_000).optional();

const schema = z.object({
  // TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE: config/temporal.ts.
  TEMPORAL_TASK_QUEUE: z.string().min(1).optional(),
  /** Unset → the embedded PGlite database in CASEKEEPER_DATA_DIR/pglite. */
  DATABASE_URL: z.string().url().optional(),
  CASEKEEPER_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** On SIGTERM, how long the API lets requests in flight finish before it closes their connections and exits. */
  API_STOP_GRACE: duration.default(10),
  /** Where notices go as signed webhooks; unset → they stay in the outbox as SKIPPED. */
  WEBHOOK_URL: z.string().url().optional(),
  /**
   * Signs webhooks (Standard Webhooks): `whsec_<base64 of 24–64 random bytes>`, or a plain
   * string of 16+ characters, which keys the HMAC with its UTF-8 bytes (docs/WEBHOOKS.md).
   */
  WEBHOOK_SECRET: z
    .string()
    .min(16)
    .refine((s) => !s.startsWith('whsec_') || /^(?:[A-Za-z0-9+/]{4}){8,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s.slice(6)), 'whsec_ and then the base64 of 24 bytes or more')
    .optional(),
  /** HS256 secret that signs API bearer tokens (npm start makes a local one if unset). */
  AUTH_JWT_SECRET: z.string().min(32, 'at least 32 characters'),
  ...authFields,
  /** How long an Idempotency-Key is remembered; after that the same key starts a new request. */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 366).default(DEFAULT_IDEMPOTENCY_TTL_HOURS),
  /**
   * Payload encryption keys, "<id>:<base64 32 bytes>,…"; the first encrypts, all decrypt
   * (npm start makes a local one if unset).
   */
  CASEKEEPER_ENCRYPTION_KEYS: z.string().min(1, 'required: payloads in Temporal are encrypted'),
  /** Origins of the Temporal UI allowed to call the codec server (comma-separated). */
  CODEC_CORS_ORIGINS: z.string().default('http://127.0.0.1:8233,http://localhost:8233'),
  /** "local": the UI origin may call /codec without a token; allowed only with a loopback HOST. */
  CODEC_AUTH: z.enum(['token', 'local']).default('token'),
  /** Where the worker's Temporal SDK metrics are served (Prometheus). */
  WORKER_METRICS_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'host:port').default('127.0.0.1:9464'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests a minute per caller (role and subject), across all API replicas. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** `pretty`: one readable line per entry (npm start's default); `json` for log collectors. */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /** Workflow tasks a worker runs at once. */
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: slots,
  /** Activities (webhook deliveries, relay writes) a worker runs at once. */
  WORKER_MAX_CONCURRENT_ACTIVITIES: slots,
  /** Local activities (a case's database writes) a worker runs at once. */
  WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: slots,
  /** Cases kept in the worker's memory between their tasks (each costs memory, saves a replay). */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

export type Config = z.infer<typeof schema> & TemporalTarget & { pgliteDir: string; keyRing: KeyRing };

/** Parses `env` (empty values count as unset) or throws naming each bad variable. */
function parseEnv<T extends z.ZodTypeAny>(shape: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = shape.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export type AuthPolicy = z.infer<z.ZodObject<typeof authFields>>;

/** The token rules alone, for the dev-token command (the processes take them from loadConfig). */
export const loadAuthPolicy = (env: NodeJS.ProcessEnv = process.env): AuthPolicy => parseEnv(z.object(authFields), env);

/** The token rules' defaults, for an app built without a parsed configuration (tests, the bench). */
export const DEFAULT_AUTH_POLICY: AuthPolicy = parseEnv(z.object(authFields), {});

/** `localTemporal`: the dev server npm start runs, which no profile file may point elsewhere. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { localTemporal?: boolean } = {}): Config {
  const data = parseEnv(schema, env);
  let temporal: TemporalTarget;
  try {
    temporal = loadTemporalTarget(env, opts.localTemporal);
  } catch (e) {
    throw new Error(`invalid configuration:\n  TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE: ${(e as Error).message}`);
  }
  if (data.WEBHOOK_URL && !data.WEBHOOK_SECRET) {
    throw new Error('invalid configuration:\n  WEBHOOK_SECRET: required (16+ characters) when WEBHOOK_URL is set');
  }
  if (data.CODEC_AUTH === 'local' && !['127.0.0.1', 'localhost', '::1'].includes(data.HOST)) {
    throw new Error('invalid configuration:\n  CODEC_AUTH: "local" is only for an API bound to loopback (HOST=127.0.0.1)');
  }
  let keyRing: KeyRing;
  try {
    keyRing = parseKeyRing(data.CASEKEEPER_ENCRYPTION_KEYS);
  } catch (e) {
    const detail = e instanceof z.ZodError ? e.issues.map((i) => i.message).join('; ') : (e as Error).message;
    throw new Error(`invalid configuration:\n  CASEKEEPER_ENCRYPTION_KEYS: ${detail}`);
  }
  return { ...data, ...temporal, pgliteDir: path.join(data.CASEKEEPER_DATA_DIR, 'pglite'), keyRing };
}
