// Mints a development bearer token for the local system:
//   npm run token -- --role agent --sub ann [--customer acme] [--limit 50000] [--ttl 12h]
// It signs with AUTH_JWT_SECRET or the secret `npm start` keeps in the data folder,
// carries AUTH_ISSUER / AUTH_AUDIENCE when set, and refuses a --ttl the API would refuse.
// --limit (the compLimit claim) counts only where the API runs with AUTH_COMP_LIMIT_CLAIM=trust;
// otherwise the provider's authority matrix (/v1/admin/authority) sets compensation limits.
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { mintToken } from '../api/auth';
import { loadAuthPolicy } from '../config/env';
import { ROLES, type Role } from '../domain/case-types';
import { localSecret } from './local-data';

const USAGE = `usage: npm run -s token -- --role <${ROLES.join('|')}> --sub <id> [--customer <customerId>] [--limit <minor units, only with AUTH_COMP_LIMIT_CLAIM=trust>] [--ttl <duration, e.g. 12h>]
Prints a bearer token for the local API, signed with AUTH_JWT_SECRET or the secret npm start keeps in .data/ (CASEKEEPER_DATA_DIR).`;

/** A refusal the user can act on: one line (and the usage where it helps), exit code 2. */
class Refusal extends Error {}

function parsedArgs() {
  try {
    return parseArgs({
      options: { help: { type: 'boolean', short: 'h' }, role: { type: 'string' }, sub: { type: 'string' }, customer: { type: 'string' }, limit: { type: 'string' }, ttl: { type: 'string', default: '12h' } },
    }).values;
  } catch (err) {
    throw new Refusal(`${(err as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const values = parsedArgs();
  if (values.help) return console.log(USAGE);
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role) || !values.sub) throw new Refusal(USAGE);
  if (role === 'customer' && !values.customer) throw new Refusal('a customer token needs --customer <customerId>');
  const secret = localSecret('AUTH_JWT_SECRET');
  if (!secret) throw new Refusal('no AUTH_JWT_SECRET and no dev-auth-secret in the data folder: run `npm start` once first');
  const policy = loadAuthPolicy();
  const actor = { sub: values.sub, role, ...(values.customer ? { customerId: values.customer } : {}), ...(values.limit ? { compLimit: Number(values.limit) } : {}) };
  const token = await mintToken(secret, actor, values.ttl!, {
    ...(policy.AUTH_ISSUER ? { issuer: policy.AUTH_ISSUER } : {}),
    ...(policy.AUTH_AUDIENCE ? { audience: policy.AUTH_AUDIENCE } : {}),
  });
  const { iat = 0, exp = 0 } = decodeJwt(token);
  if (exp - iat > policy.AUTH_MAX_TOKEN_LIFETIME) {
    throw new Refusal(`--ttl ${values.ttl} is longer than AUTH_MAX_TOKEN_LIFETIME (${policy.AUTH_MAX_TOKEN_LIFETIME} s): the API would refuse the token`);
  }
  console.log(token);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(err instanceof Refusal ? 2 : 1);
});
