// Mints a development bearer token for the local system:
//   npm run token -- --role agent --sub ann [--customer acme] [--limit 50000]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '../api/auth';
import { ROLES, type Role } from '../domain/case-types';

const { values } = parseArgs({
  options: { role: { type: 'string' }, sub: { type: 'string' }, customer: { type: 'string' }, limit: { type: 'string' }, ttl: { type: 'string', default: '12h' } },
});
const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role) || !values.sub) {
  console.error(`usage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--customer <customerId>] [--limit <minor units>]`);
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
mintToken(secret, { sub: values.sub, role, ...(values.customer ? { customerId: values.customer } : {}), ...(values.limit ? { compLimit: Number(values.limit) } : {}) }, values.ttl).then((t) => console.log(t));
