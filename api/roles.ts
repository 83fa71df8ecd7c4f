// Route-level role checks; per-case rules (ownership, authority, four-eyes) live in
// the services and the workflow.
import type { RequestHandler } from 'express';
import type { Role } from '../domain/case-types';
import { forbidden } from './problem';

export const STAFF: Role[] = ['agent', 'supervisor', 'manager', 'admin'];

export function allow(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const role = req.actor?.role;
    if (role && roles.includes(role)) return next();
    next(forbidden(`this needs one of the roles: ${roles.join(', ')}`));
  };
}
