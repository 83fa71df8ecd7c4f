// /v1/cases: open, list and read cases, page through their history, and one route per action.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CASE_STATUSES, CATEGORIES, PRIORITIES } from '../../domain/case-types';
import { idempotencyKey } from '../routes/cases';
import { actionBodies, caseIdSchema, type ActionName } from '../schemas/cases';
import { historyQuery, INT4_MAX, listCasesQuery } from '../schemas/queries';
import * as c from './components';
import { json, jsonBody, v1 } from './route-helpers';

// The list filters take comma-separated values; the request schema splits them in a
// transform that JSON Schema cannot show, so the document spells the format out.
const csvOf = (values: readonly string[]) => ({
  pattern: `^(${values.join('|')})(,(${values.join('|')})){0,${values.length - 1}}$`,
  description: `comma-separated, any of: ${values.join(', ')}`,
});
const listCasesQueryDocumented = listCasesQuery.extend({
  status: listCasesQuery.shape.status.meta(csvOf(CASE_STATUSES)),
  priority: listCasesQuery.shape.priority.meta(csvOf(PRIORITIES)),
  category: listCasesQuery.shape.category.meta(csvOf(CATEGORIES)),
  openedFrom: listCasesQuery.shape.openedFrom.meta({ description: 'opened at or after; within the years 0001–9999 (UTC)' }),
  openedTo: listCasesQuery.shape.openedTo.meta({ description: 'opened at or before; within the years 0001–9999 (UTC)' }),
  cursor: listCasesQuery.shape.cursor.meta({ description: 'the `nextCursor` of the previous page (of the same `sort`); any other value is refused with 400' }),
  dueBefore: listCasesQuery.shape.dueBefore.meta({ description: 'next deadline before this instant; within the years 0001–9999 (UTC); staff only' }),
});

// The generator reads z.coerce.number().min(0) as nullable, but a query string has no null.
const historyQueryDocumented = historyQuery.extend({
  after: historyQuery.shape.after.meta({ type: 'integer', minimum: 0, maximum: INT4_MAX, default: 0, description: 'the `nextAfter` of the previous page' }),
});

const caseParams = z.object({ caseId: caseIdSchema });
/** Staff read the whole case; a customer reads the customer's view of it. */
const caseAsSeen = z.union([c.CaseView, c.CustomerCaseView]);

/** One line per action for the docs; a Record, so a new action without one fails to compile. */
const ACTION_SUMMARIES: Record<ActionName, string> = {
  acknowledge: 'Acknowledge the case: the first response',
  reply: 'Reply to the customer, with the measures taken',
  requestInfo: 'Ask the customer for information; the case waits on them',
  customerReply: 'The customer answers',
  assign: 'Assign the case to a member of staff',
  recordFinding: 'Record a preliminary finding (internal)',
  escalate: 'Escalate to a higher level or a specialist unit',
  grantCompensation: 'Grant compensation; above the granter\'s authority it awaits approval',
  decideCompensation: 'Approve or reject a compensation grant awaiting approval',
  resolve: 'Resolve the case with a result',
  accept: 'The customer accepts the result; the case closes',
  dispute: 'The customer disputes the result; the case escalates',
  appeal: 'The customer files a formal appeal against the result',
  decideAppeal: 'Decide an appeal: uphold the result or overturn it',
  feedback: 'The customer rates the service',
  withdraw: 'The customer withdraws the case',
};

export function registerCasePaths(r: OpenAPIRegistry): void {
  v1(
    r,
    {
      method: 'get',
      path: '/v1/cases',
      operationId: 'listCases',
      tags: ['cases'],
      summary: 'List cases (newest first, or a queue by next deadline), with filters and cursor pagination',
      description:
        '`status`, `priority` and `category` take comma-separated lists. `sort=nextDeadline` is the queue: cases whose next deadline has warned (at risk) first, then the other running clocks, each by due time; cases without a running clock come last. A past breach does not move a case up: `breached=true` lists those. `assignee=me` is the caller\'s own queue. Customers see only their own organisation\'s cases, with staff under neutral labels; their next deadline may be a staff-only clock whose time they are not shown, so a customer\'s `sort=nextDeadline` or `dueBefore` is refused with 400 naming the parameter.',
      request: { query: listCasesQueryDocumented },
      responses: { 200: json(c.CaseListPage, 'A page of cases.') },
    },
    [403, 'A customer asked for another organisation\'s cases, or filtered by member of staff (`assignee`).'],
  );
  v1(
    r,
    {
      method: 'post',
      path: '/v1/cases',
      operationId: 'openCase',
      tags: ['cases'],
      summary: 'Open a case',
      description:
        'The same Idempotency-Key with the same body opens the case once and answers the same each time. The case takes its SLA from its organisation\'s service contract in force at opening; an organisation without one gets the provider\'s default policy, or (staff only) the `slaPolicyId` they name.',
      request: { headers: z.object({ 'Idempotency-Key': idempotencyKey }), body: jsonBody(c.CreateCaseBody) },
      responses: {
        201: {
          description: 'The case was opened (or had been, under this Idempotency-Key).',
          headers: z.object({ Location: z.string().meta({ description: '/v1/cases/{caseId}' }) }),
          content: { 'application/json': { schema: caseAsSeen } },
        },
      },
    },
    [403, 'Customers open cases for their own organisation only.'],
    [409, 'Another request with this Idempotency-Key and the same body is still being applied; retry after `Retry-After` seconds for its answer.'],
    [422, 'The Idempotency-Key was used with a different body; a customer named an `slaPolicyId`, or staff named one for an organisation with a contract in force (the contract decides); or the SLA policy (or its calendar) does not exist or yields no deadlines from now.'],
  );
  v1(
    r,
    {
      method: 'get',
      path: '/v1/cases/{caseId}',
      operationId: 'getCase',
      tags: ['cases'],
      summary: 'Read a case: status, deadlines, escalations, compensation, appeal, recent interactions',
      description: 'A customer sees their own organisation\'s cases only, as `CustomerCaseView`: staff under neutral labels, without internal findings, handlers, internal clocks or unshared interactions.',
      request: { params: caseParams },
      responses: { 200: json(caseAsSeen, 'The case: a customer reads the customer\'s view.') },
    },
    [404, 'No such case, or not visible to the caller.'],
  );
  v1(
    r,
    {
      method: 'get',
      path: '/v1/cases/{caseId}/history',
      operationId: 'getCaseHistory',
      tags: ['cases'],
      summary: 'Page through a case\'s interaction log',
      description: 'Customers read the entries shared with them, with staff under neutral labels (`customer-service`, `reviewer`, `system`).',
      request: { params: caseParams, query: historyQueryDocumented },
      responses: { 200: json(c.HistoryPage, 'A page of the interaction log.') },
    },
    [404, 'No such case, or not visible to the caller.'],
  );
  // As in api/routes/cases.ts: one route per action, named after it.
  for (const action of Object.keys(actionBodies) as ActionName[]) {
    v1(
      r,
      {
        method: 'post',
        path: `/v1/cases/{caseId}/${action}`,
        operationId: `${action}Case`,
        tags: ['case actions'],
        summary: ACTION_SUMMARIES[action],
        request: {
          params: caseParams,
          headers: z.object({ 'Idempotency-Key': idempotencyKey.optional() }),
          body: jsonBody(c.ActionBodies[action]),
        },
        responses: { 200: json(c.ActionResult, 'The action was applied (or had been, under this Idempotency-Key).') },
      },
      [403, 'The caller may not take this action on this case (role, authority or four-eyes rule).'],
      [404, 'No such case, or not visible to the caller.'],
      [409, 'The case\'s status does not allow this action, or the case no longer takes actions, or another request with this Idempotency-Key is still being applied (retry after `Retry-After` seconds).'],
      [422, 'The action is invalid for this case, or the Idempotency-Key was used with a different body.'],
    );
  }
}
