// /v1/admin/notices: the webhook outbox for admins (list, redrive one, redrive all).
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { eventIdSchema, listNoticesQuery, noticePageSchema, noticeSchema, redriveAllSchema } from '../schemas/notices';
import { json, v1 } from './route-helpers';

const Notice = noticeSchema.meta({ id: 'Notice' });
const NoticePage = noticePageSchema.meta({ id: 'NoticePage' });
const RedriveAll = redriveAllSchema.meta({ id: 'NoticeRedrive' });
const admins: [403, string] = [403, 'Admins only.'];

export function registerNoticePaths(r: OpenAPIRegistry): void {
  v1(
    r,
    {
      method: 'get',
      path: '/v1/admin/notices',
      operationId: 'listNotices',
      tags: ['notices'],
      summary: 'List webhook notices by delivery state (FAILED unless `state` says otherwise), by case and sequence',
      description: 'IDs, case, type, attempts, next attempt and the last error as a code; never the notice\'s text.',
      request: { query: listNoticesQuery },
      responses: { 200: json(NoticePage, 'One page; pass `nextCursor` as `cursor` for the next.') },
    },
    admins,
  );
  v1(
    r,
    {
      method: 'post',
      path: '/v1/admin/notices/redrive',
      operationId: 'redriveNotices',
      tags: ['notices'],
      summary: 'Make every FAILED notice due now and wake the notice relay',
      responses: { 200: json(RedriveAll, 'How many failed notices are now due.') },
    },
    admins,
  );
  v1(
    r,
    {
      method: 'post',
      path: '/v1/admin/notices/{eventId}/redrive',
      operationId: 'redriveNotice',
      tags: ['notices'],
      summary: 'Make one FAILED notice due now and wake the notice relay',
      description: 'The relay then delivers it and the case\'s later notices, in order.',
      request: { params: z.object({ eventId: eventIdSchema }) },
      responses: { 200: json(Notice, 'The notice, now due.') },
    },
    admins,
    [404, 'No notice with this event ID.'],
    [409, 'The notice is not FAILED (delivered, set aside, waiting behind another, or being sent).'],
  );
}
