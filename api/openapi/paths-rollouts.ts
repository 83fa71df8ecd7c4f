// /v1 roll-outs (admins): start moving open cases onto a policy's or calendar's newest
// version or an organisation's contract in force (202 with the status in Location), and read how far a roll-out got.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { organisationIdSchema } from '../schemas/organisations';
import { idSchema } from '../schemas/reference';
import { rolloutAcceptedSchema, rolloutIdSchema, rolloutStatusSchema } from '../schemas/rollouts';
import { json, v1 } from './route-helpers';

const RolloutAccepted = rolloutAcceptedSchema.meta({ id: 'RolloutAccepted' });
const RolloutStatus = rolloutStatusSchema.meta({ id: 'RolloutStatus' });
const admins: [403, string] = [403, 'Admins only.'];

export function registerRolloutPaths(r: OpenAPIRegistry): void {
  for (const kind of [
    { path: 'sla-policies', name: 'SlaPolicy', what: 'SLA policy', version: 'newest version', id: idSchema },
    { path: 'calendars', name: 'Calendar', what: 'business calendar', version: 'newest version', id: idSchema },
    { path: 'admin/organisations', name: 'OrganisationContract', what: 'organisation', version: 'service-contract version in force now', id: organisationIdSchema },
  ] as const) {
    v1(
      r,
      {
        method: 'post',
        path: `/v1/${kind.path}/{id}/rollout`,
        operationId: `rollOut${kind.name}`,
        tags: ['reference data'],
        summary: `Move open cases onto the ${kind.version} of this ${kind.what}`,
        description:
          'Cases pin the version they opened under. This starts a durable roll-out that signals each open case to re-pin and recompute its pending deadlines, a page at a time, and answers at once. While it runs, asking again for the same version is the same roll-out (same ID); once it has completed, asking again starts a new run under the same ID that moves only the cases still on an older version.',
        request: { params: z.object({ id: kind.id }) },
        responses: {
          202: {
            ...json(RolloutAccepted, 'The roll-out runs (or ran); its status is at `Location`.'),
            headers: z.object({ Location: z.string().meta({ description: '/v1/rollouts/{id}' }) }),
          },
        },
      },
      admins,
      [404, `No such ${kind.what}${kind.path === 'admin/organisations' ? ', or none with a service contract in force' : ''}.`],
    );
  }
  v1(
    r,
    {
      method: 'get',
      path: '/v1/rollouts/{id}',
      operationId: 'getRollout',
      tags: ['reference data'],
      summary: 'How far a roll-out got: pages done, cases moved, and each case it could not move with a reason code',
      request: { params: z.object({ id: rolloutIdSchema }) },
      responses: { 200: json(RolloutStatus, 'The roll-out\'s progress (of its latest run, when it was asked for again after completing).') },
    },
    admins,
    [404, 'No such roll-out (or it ended longer ago than the Temporal namespace keeps workflows).'],
  );
}
