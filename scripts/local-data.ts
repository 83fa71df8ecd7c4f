// The local system's data folder and the secrets `npm start` keeps there (mode 600), for
// the launcher and the commands run beside it (npm run token, npm run ops): one folder,
// CASEKEEPER_DATA_DIR or .data, so every command finds what the others wrote.
import fs from 'node:fs';
import path from 'node:path';

export const LOCAL_SECRETS = { AUTH_JWT_SECRET: 'dev-auth-secret', CASEKEEPER_ENCRYPTION_KEYS: 'dev-encryption-keys' } as const;
type SecretVariable = keyof typeof LOCAL_SECRETS;

export const localDataDir = (env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(env.CASEKEEPER_DATA_DIR || path.join(__dirname, '..', '.data'));

/** The variable's value, else the one `npm start` wrote to the data folder, else undefined. */
export function localSecret(variable: SecretVariable, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[variable]) return env[variable];
  const file = path.join(localDataDir(env), LOCAL_SECRETS[variable]);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

/** The same, making (and keeping) one with `make` when there is none yet: the launcher's first start. */
export function localSecretOrMake(variable: SecretVariable, make: () => string, env: NodeJS.ProcessEnv = process.env): string {
  const found = localSecret(variable, env);
  if (found) return found;
  fs.writeFileSync(path.join(localDataDir(env), LOCAL_SECRETS[variable]), make(), { mode: 0o600 });
  return localSecret(variable, env)!;
}
