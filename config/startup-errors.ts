// What a process prints when it cannot start: one line naming the setting to look at,
// instead of a stack trace or a transport library's debug text. A database URL is shown
// without its user and password; errors we do not recognise keep their own message.

/** The settings a start-up error can point at. */
export interface StartupSettings {
  TEMPORAL_ADDRESS?: string | undefined;
  DATABASE_URL?: string | undefined;
  /** Which variable chose each port this process listens on, e.g. { 3000: 'PORT' }. */
  ports?: Record<number, string>;
}

type ErrorLike = Error & { code?: unknown; port?: unknown; address?: unknown; cause?: unknown };

const isErrorLike = (v: unknown): v is ErrorLike => v instanceof Error || (typeof v === 'object' && v !== null && 'message' in v);

/** host:port/database of a PostgreSQL URL, never its credentials. */
export function databaseTarget(url: string | undefined): string {
  if (!url) return 'the embedded database';
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

function portInUse(err: ErrorLike, s: StartupSettings): string {
  const port = Number(err.port);
  const variable = s.ports?.[port];
  return `port ${port} is already in use (another program, or Casekeeper started elsewhere)${variable ? `: stop it, or set ${variable} to a free port` : ''}`;
}

/** The reason inside sdk-core's `tonic::transport::Error(…)` or the client's deadline, in words. */
function temporalReason(message: string): string {
  if (/ConnectionRefused/.test(message)) return 'connection refused';
  if (/dns error|failed to lookup/.test(message)) return 'host name not found';
  if (/deadline|TimedOut|timed out/i.test(message)) return 'no answer in time (is a server running there?)';
  if (/tls|certificate|handshake/i.test(message)) return 'TLS handshake failed (check TEMPORAL_TLS_* and TEMPORAL_API_KEY)';
  return 'transport error';
}

const isTemporalTransport = (err: ErrorLike): boolean =>
  err.name === 'TransportError' || /tonic::transport|Failed to connect before the deadline/.test(err.message);

/** A driver error's cause: a socket error code, or PostgreSQL's SQLSTATE and its message (which holds no data). */
function databaseReason(err: ErrorLike): string {
  const cause = isErrorLike(err.cause) ? err.cause : err;
  if (typeof cause.code === 'string' && /^E[A-Z]+$/.test(cause.code)) return cause.code;
  if (cause.name === 'PostgresError' && typeof cause.code === 'string') return `${cause.code} ${cause.message}`;
  return cause.name;
}

const isDatabaseError = (err: ErrorLike): boolean =>
  err.name === 'DrizzleQueryError' || err.message.startsWith('Failed query:') || err.name === 'PostgresError';

/**
 * A socket error on the way to DATABASE_URL's server, before any query wraps it (the
 * driver's own connect, e.g. opening the migration's transaction): told by its port.
 */
function isDatabaseSocketError(err: ErrorLike, url: string | undefined): boolean {
  if (!url || typeof err.code !== 'string' || !/^E[A-Z]+$/.test(err.code)) return false;
  try {
    return Number(err.port) === Number(new URL(url).port || 5432);
  } catch {
    return false;
  }
}

export function explainStartupError(err: unknown, settings: StartupSettings = {}): string {
  if (!isErrorLike(err)) return String(err);
  if (err.code === 'EADDRINUSE') return portInUse(err, settings);
  if (isTemporalTransport(err)) {
    return `cannot reach Temporal at ${settings.TEMPORAL_ADDRESS ?? 'TEMPORAL_ADDRESS'} (TEMPORAL_ADDRESS): ${temporalReason(err.message)}`;
  }
  if (isDatabaseError(err) || isDatabaseSocketError(err, settings.DATABASE_URL)) {
    return `cannot use the database at ${databaseTarget(settings.DATABASE_URL)} (DATABASE_URL): ${databaseReason(err)}`;
  }
  return err.message;
}
