// Mints a development bearer token for the local system:
//   npm run token -- --role agent --sub ann [--customer acme] [--limit 50000] [--ttl 12h]
// It carries AUTH_ISSUER / AUTH_AUDIENCE when set, and refuses a --ttl the API would refuse.
// --limit (the compLimit claim) counts only where the API runs with AUTH_COMP_LIMIT_CLAIM=trust;
// otherwise the provider's authority matrix (/v1/admin/authority) sets compensation limits.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { mintToken } from '../api/auth';
import { loadAuthPolicy } from '../config/env';
import { ROLES, type Role } from '../domain/case-types';

const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, customer: { type: 'string' }, limit: { type: 'string' }, ttl: { type: 'string', default: '12h' } },
});
const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role) || !values.sub) {
  console.error(`usage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--customer <customerId>] [--limit <minor units, only with AUTH_COMP_LIMIT_CLAIM=trust>] [--ttl <duration, e.g. 12h>]`);
  process.exit(2);
}
if (role === 'customer' && !values.customer) {
  console.error('a customer token needs --customer <customerId>');
  process.exit(2);
}
const secretFile = path.resolve(__dirname, '../.data/dev-auth-secret');
const secret = process.env.AUTH_JWT_SECRET ?? (fs.existsSync(secretFile) ? fs.readFileSync(secretFile, 'utf8').trim() : undefined);
if (!secret) {
  console.error('no AUTH_JWT_SECRET and no .data/dev-auth-secret: run `npm start` once first');
  process.exit(2);
}
const policy = loadAuthPolicy();
const actor = { sub: values.sub, role, ...(values.customer ? { customerId: values.customer } : {}), ...(values.limit ? { compLimit: Number(values.limit) } : {}) };
void mintToken(secret, actor, values.ttl, {
  ...(policy.AUTH_ISSUER ? { issuer: policy.AUTH_ISSUER } : {}),
  ...(policy.AUTH_AUDIENCE ? { audience: policy.AUTH_AUDIENCE } : {}),
}).then((token) => {
  const { iat = 0, exp = 0 } = decodeJwt(token);
  if (exp - iat > policy.AUTH_MAX_TOKEN_LIFETIME) {
    console.error(`--ttl ${values.ttl} is longer than AUTH_MAX_TOKEN_LIFETIME (${policy.AUTH_MAX_TOKEN_LIFETIME} s): the API would refuse the token`);
    process.exit(2);
  }
  console.log(token);
});
