// Temporal connections from Temporal's standard client configuration: a profile in a TOML
// file (how Temporal Cloud users connect: address, namespace, API key, TLS), environment
// variables on top; worker tuning by environment; logs readable for npm start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../config/env';
import { createLogger, logDestination } from '../../config/logger';
import { tuningOptions } from '../../worker/create-worker';

const base = { AUTH_JWT_SECRET: 'x'.repeat(40), CASEKEEPER_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString('base64')}` };
let profileFile: string;

beforeAll(() => {
  profileFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-profile-')), 'temporal.toml');
  fs.writeFileSync(profileFile, ['[profile.cloud]', 'address = "acme.a1b2c.tmprl.cloud:7233"', 'namespace = "acme.a1b2c"', 'api_key = "cloud-api-key"', ''].join('\n'));
});

describe('Temporal connection settings', () => {
  it('when a profile names a Temporal Cloud namespace with an API key, then every connection uses its address, namespace, key and TLS', () => {
    const config = loadConfig({ ...base, TEMPORAL_CONFIG_FILE: profileFile, TEMPORAL_PROFILE: 'cloud' });
    expect(config.TEMPORAL_ADDRESS).toBe('acme.a1b2c.tmprl.cloud:7233');
    expect(config.TEMPORAL_NAMESPACE).toBe('acme.a1b2c');
    expect(config.temporalConnection).toMatchObject({ address: 'acme.a1b2c.tmprl.cloud:7233', apiKey: 'cloud-api-key', tls: true });
  });

  it('when TEMPORAL_ADDRESS is set beside a profile, then the variable wins; with nothing set, localhost:7233 and default', () => {
    expect(loadConfig({ ...base, TEMPORAL_CONFIG_FILE: profileFile, TEMPORAL_PROFILE: 'cloud', TEMPORAL_ADDRESS: 'proxy:7233' }).TEMPORAL_ADDRESS).toBe('proxy:7233');
    const plain = loadConfig({ ...base, TEMPORAL_CONFIG_FILE: path.join(os.tmpdir(), 'no-such-temporal.toml') });
    expect([plain.TEMPORAL_ADDRESS, plain.TEMPORAL_NAMESPACE, plain.temporalConnection.apiKey]).toEqual(['localhost:7233', 'default', undefined]);
  });

  it('when npm start runs its own dev server, then a profile for another cluster does not reach it', () => {
    const local = loadConfig({ ...base, TEMPORAL_CONFIG_FILE: profileFile, TEMPORAL_PROFILE: 'cloud', TEMPORAL_ADDRESS: '127.0.0.1:7233' }, { localTemporal: true });
    expect(local.temporalConnection.apiKey).toBeUndefined();
    expect(local.TEMPORAL_NAMESPACE).toBe('default');
  });

  it('when worker tuning is given, then it is parsed; a bad value names its variable', () => {
    const tuned = loadConfig({ ...base, WORKER_MAX_CACHED_WORKFLOWS: '250', WORKER_MAX_CONCURRENT_ACTIVITIES: '20' });
    expect([tuned.WORKER_MAX_CACHED_WORKFLOWS, tuned.WORKER_MAX_CONCURRENT_ACTIVITIES, tuned.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS]).toEqual([250, 20, undefined]);
    expect(() => loadConfig({ ...base, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '0' })).toThrow(/WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/);
    // What the worker hands the SDK: only what was set, so the rest keeps the SDK's defaults.
    expect(tuningOptions(tuned)).toEqual({ maxConcurrentActivityTaskExecutions: 20, maxCachedWorkflows: 250 });
  });
});

describe('readable logs', () => {
  it('when LOG_FORMAT is pretty, then a line reads as text with level and message, personal data still redacted', () => {
    let text = '';
    const out = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    createLogger('info', logDestination('pretty', out)).warn({ caseId: 'c-42', clock: 'FIRST_RESPONSE', contact: { email: 'li@acme.example' } }, 'SLA breached');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: SLA breached /);
    expect(text).toContain('"caseId":"c-42"');
    expect(text).not.toContain('li@acme.example');
    expect(() => JSON.parse(text)).toThrow();
  });
});
