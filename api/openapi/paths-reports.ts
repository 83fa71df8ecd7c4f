// /v1/reports: the SLA report (api/routes/reports.ts), in JSON or CSV.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { REPORT_ROLES } from '../routes/reports';
import { slaReportQuery, slaReportSchema, REPORT_MAX_DAYS } from '../schemas/reports';
import { v1 } from './route-helpers';

const SlaReport = slaReportSchema.meta({ id: 'SlaReport' });

export function registerReportPaths(r: OpenAPIRegistry): void {
  v1(
    r,
    {
      method: 'get',
      path: '/v1/reports/sla',
      operationId: 'slaReport',
      tags: ['reports'],
      summary: 'SLA report: attainment, timings, breaches, escalations, appeals, compensation and feedback by group',
      description:
        `About the cases opened in [from, to) (at most ${REPORT_MAX_DAYS} days), as they stand now, one group per customer, category, priority, unit or assigned agent. ` +
        `Times are business minutes on each case's calendar. For ${REPORT_ROLES.join(', ')}. ` +
        'With `Accept: text/csv` the same figures come as CSV lines `group,figure,value` (the figure is the JSON path); cells that a spreadsheet would run as a formula start with a quote.',
      request: { query: slaReportQuery },
      responses: {
        200: {
          description: 'The report.',
          content: {
            'application/json': { schema: SlaReport },
            'text/csv': { schema: z.string().meta({ description: 'RFC 4180, CRLF line ends, header `group,figure,value`' }) },
          },
        },
      },
    },
    [400, '`to` is not later than `from`, or the period is longer than allowed.'],
    [403, `The caller is not one of: ${REPORT_ROLES.join(', ')}.`],
  );
}
