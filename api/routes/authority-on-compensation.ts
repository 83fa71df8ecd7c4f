// Compensation follows the provider's authority matrix (C2.2(d)): before a grant or a
// decision reaches its case, the actor's limits per currency are read from the matrix in
// force and carried in the Update's actor, where the case's rules read them
// (domain/authority.ts, compensationLimitIn). Only these two actions carry them, so other
// Updates (and their histories) stay as small as before.
import type { RequestHandler } from 'express';
import type { Db } from '../../db/client';
import { resolveCompensationLimits } from '../../domain/authority-matrix';
import { isStaff } from '../../domain/authority';
import type { ActionName } from '../schemas/cases';
import { matrixInForce } from '../services/authority';

const COMPENSATION_ACTIONS: ActionName[] = ['grantCompensation', 'decideCompensation'];

/**
 * Where to mount `withCompensationAuthority`: the action routes themselves, so Express
 * matches them by the same rules (letter case, trailing slash) as the routes it serves.
 */
export const COMPENSATION_ACTION_PATHS = COMPENSATION_ACTIONS.map((action) => `/v1/cases/:caseId/${action}`);

/**
 * A staff actor gets their limits from the matrix. An actor that already carries a single
 * limit got it from a token claim the provider chose to trust (AUTH_COMP_LIMIT_CLAIM=trust):
 * that limit stays theirs in every currency, as before the matrix.
 */
export function withCompensationAuthority(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const actor = req.actor;
    if (req.method !== 'POST' || !actor || !isStaff(actor) || actor.compensationLimit !== undefined) return next();
    const matrix = await matrixInForce(db);
    req.actor = { ...actor, compensationLimits: resolveCompensationLimits(matrix, actor) };
    next();
  };
}
