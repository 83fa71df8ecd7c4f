// What a user reads when a start fails: one line naming the setting, never a password,
// never sdk-core's transport dump or the driver's "Failed query".
import { explainStartupError } from '../../config/startup-errors';

const withCause = (message: string, name: string, cause: Error): Error => Object.assign(new Error(message, { cause }), { name });

describe('start-up messages', () => {
  it('when the API port is taken, then the line names the port and PORT', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), { code: 'EADDRINUSE', port: 3000 });
    expect(explainStartupError(err, { ports: { 3000: 'PORT' } })).toBe('port 3000 is already in use (another program, or Casekeeper started elsewhere): stop it, or set PORT to a free port');
  });

  it('when Temporal refuses or its host is unknown, then the line names TEMPORAL_ADDRESS and the reason in words', () => {
    const refused = Object.assign(new Error('tonic::transport::Error(Transport, ConnectError(ConnectError("tcp connect error", 127.0.0.1:7233, Os { code: 111, kind: ConnectionRefused, message: "Connection refused" })))'), { name: 'TransportError' });
    expect(explainStartupError(refused, { TEMPORAL_ADDRESS: '127.0.0.1:7233' })).toBe('cannot reach Temporal at 127.0.0.1:7233 (TEMPORAL_ADDRESS): connection refused');
    const unknown = Object.assign(new Error('tonic::transport::Error(Transport, ConnectError(ConnectError("dns error", Custom { kind: Uncategorized, error: "failed to lookup address information" })))'), { name: 'TransportError' });
    expect(explainStartupError(unknown, { TEMPORAL_ADDRESS: 'temporal.invalid:7233' })).toBe('cannot reach Temporal at temporal.invalid:7233 (TEMPORAL_ADDRESS): host name not found');
  });

  it('when the database cannot be used, then the line gives its cause and where, without user or password', () => {
    const url = 'postgres://casekeeper:s3cret-pw@db.internal:5432/cases';
    const refused = withCause('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"\nparams: ', 'DrizzleQueryError', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }));
    const line = explainStartupError(refused, { DATABASE_URL: url });
    expect(line).toBe('cannot use the database at db.internal:5432/cases (DATABASE_URL): ECONNREFUSED');
    const missing = withCause('Failed query: CREATE SCHEMA IF NOT EXISTS "drizzle"\nparams: ', 'DrizzleQueryError', Object.assign(new Error('database "cases" does not exist'), { name: 'PostgresError', code: '3D000' }));
    expect(explainStartupError(missing, { DATABASE_URL: url })).toBe('cannot use the database at db.internal:5432/cases (DATABASE_URL): 3D000 database "cases" does not exist');
    expect(line + explainStartupError(missing, { DATABASE_URL: url })).not.toMatch(/s3cret|casekeeper:/);
    // Refused before any query wraps it (the driver opening a transaction): told by the port.
    const bare = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED', port: 5432 });
    expect(explainStartupError(bare, { DATABASE_URL: url })).toBe('cannot use the database at db.internal:5432/cases (DATABASE_URL): ECONNREFUSED');
  });

  it('when an error is none of these, then its own message is the line', () => {
    expect(explainStartupError(new Error('invalid configuration:\n  PORT: Expected number'))).toBe('invalid configuration:\n  PORT: Expected number');
  });
});
