// Bearer-token authentication: HS256 JWTs signed with AUTH_JWT_SECRET. The token's
// claims become the Actor that every action carries into the workflow.
import type { RequestHandler } from 'express';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Actor } from '../domain/case-types';
import { ROLES } from '../domain/case-types';
import { Problem } from './problem';

const claims = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(ROLES),
  customerId: z.string().min(1).max(64).optional(),
  compLimit: z.number().int().min(0).optional(),
});

const unauthorized = (detail: string): Problem =>
  new Problem({ status: 401, title: 'Unauthorized', detail }, { 'www-authenticate': 'Bearer' });

export function authenticate(secret: string): RequestHandler {
  const key = new TextEncoder().encode(secret);
  return async (req, _res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(unauthorized('a bearer token is required'));
    try {
      const { payload } = await jwtVerify(match[1]!, key, { algorithms: ['HS256'] });
      const parsed = claims.safeParse(payload);
      if (!parsed.success) return next(unauthorized('the token lacks valid sub and role claims'));
      const c = parsed.data;
      if (c.role === 'customer' && !c.customerId) return next(unauthorized('a customer token needs a customerId claim'));
      req.actor = {
        id: c.sub,
        role: c.role,
        ...(c.customerId ? { customerId: c.customerId } : {}),
        ...(c.compLimit !== undefined ? { compensationLimit: c.compLimit } : {}),
      };
      next();
    } catch {
      next(unauthorized('the token is invalid or expired'));
    }
  };
}

/** Mints a token; used by the dev-token command and by tests. */
export function mintToken(secret: string, actor: { sub: string; role: Actor['role']; customerId?: string; compLimit?: number }, ttl = '12h'): Promise<string> {
  return new SignJWT({ role: actor.role, ...(actor.customerId ? { customerId: actor.customerId } : {}), ...(actor.compLimit !== undefined ? { compLimit: actor.compLimit } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}
