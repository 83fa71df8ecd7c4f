// Bearer-token authentication: HS256 JWTs signed with AUTH_JWT_SECRET, or RS256/ES256 ones
// from an identity provider's JWKS (api/token-rules.ts decides which tokens are accepted).
// The token's claims become the Actor that every action carries into the workflow. A
// `compLimit` claim counts only where the provider trusts it (AUTH_COMP_LIMIT_CLAIM);
// otherwise compensation limits come from the authority matrix (routes/authority-on-compensation.ts).
import type { RequestHandler } from 'express';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { AuthPolicy } from '../config/env';
import type { Actor } from '../domain/case-types';
import { ROLES } from '../domain/case-types';
import { Problem, unavailable } from './problem';
import { KeySetUnavailable, TokenRefused, tokenVerifier, type TokenRules } from './token-rules';

const claims = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  customerId: z.string().min(1).max(64).optional(),
  compLimit: z.number().int().min(0).optional(),
});

const unauthorized = (detail: string): Problem =>
  new Problem({ status: 401, title: 'Unauthorized', detail }, { 'www-authenticate': 'Bearer' });

/** The rules from the AUTH_* variables (see config/env.ts), with the given secret. */
export function rulesFromPolicy(secret: string, policy: AuthPolicy): TokenRules {
  return {
    secret,
    maxLifetimeSeconds: policy.AUTH_MAX_TOKEN_LIFETIME,
    ...(policy.AUTH_ISSUER ? { issuer: policy.AUTH_ISSUER } : {}),
    ...(policy.AUTH_AUDIENCE ? { audience: policy.AUTH_AUDIENCE } : {}),
    ...(policy.AUTH_JWKS_URL ? { jwksUrl: policy.AUTH_JWKS_URL } : {}),
  };
}

export function authenticate(rules: TokenRules, compLimitClaim: AuthPolicy['AUTH_COMP_LIMIT_CLAIM'] = 'ignore'): RequestHandler {
  const verify = tokenVerifier(rules);
  return async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(unauthorized('a bearer token is required'));
    let payload;
    try {
      payload = await verify(match[1]!);
    } catch (err) {
      if (err instanceof KeySetUnavailable) return next(unavailable(err.message));
      return next(unauthorized(err instanceof TokenRefused ? err.message : 'the token is invalid'));
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) return next(unauthorized('the token lacks valid sub and role claims'));
    const c = parsed.data;
    if (c.role === 'customer' && !c.customerId) return next(unauthorized('a customer token needs a customerId claim'));
    req.actor = {
      id: c.sub,
      role: c.role,
      ...(c.customerId ? { customerId: c.customerId } : {}),
      ...(c.compLimit !== undefined && compLimitClaim === 'trust' ? { compensationLimit: c.compLimit } : {}),
    };
    next();
  };
}

/** Mints an HS256 token (always with iat and exp); used by the dev-token command and by tests. */
export function mintToken(
  secret: string,
  actor: { sub: string; role: Actor['role']; customerId?: string; compLimit?: number },
  ttl = '12h',
  parties: { issuer?: string; audience?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({ role: actor.role, ...(actor.customerId ? { customerId: actor.customerId } : {}), ...(actor.compLimit !== undefined ? { compLimit: actor.compLimit } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.sub)
    .setIssuedAt()
    .setExpirationTime(ttl);
  if (parties.issuer) jwt.setIssuer(parties.issuer);
  if (parties.audience) jwt.setAudience(parties.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
