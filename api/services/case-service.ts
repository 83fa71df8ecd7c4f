// What the case endpoints do, one call each: open a case, read it, act on it.
// Temporal is the source of truth for a running case; PostgreSQL answers once it ended.
import { randomUUID } from 'node:crypto';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { CaseCommand } from '../../domain/case-commands';
import type { Actor } from '../../domain/case-types';
import {
  actionUpdates,
  CASE_TASK_QUEUE,
  CASE_WORKFLOW_TYPE,
  caseWorkflowId,
  getCaseQuery,
  type ActionResult,
  type CaseView,
} from '../../workflows/case/contract';
import {
  CaseCategoryKey,
  CasePriorityKey,
  CaseStatusKey,
  CustomerIdKey,
  DepartmentKey,
  EscalationLevelKey,
  SlaBreachedKey,
} from '../../workflows/case/search-attributes';
import type { caseWorkflow } from '../../workflows/case/workflow';
import type { ActionName, CreateCaseBody } from '../schemas/cases';
import { Problem, notFound } from '../problem';
import { customerCaseView } from '../projection/customer-view';
import type { CustomerCaseView } from '../schemas/responses';
import { derivedId, once, requestHash, type Stored } from './idempotency';
import { pinSla } from './sla-lookup';

export class CaseService {
  constructor(
    private readonly client: Client,
    private readonly db: Db,
    private readonly taskQueue: string = CASE_TASK_QUEUE,
  ) {}

  /** Opens a case; the same Idempotency-Key opens it once. */
  open(body: CreateCaseBody, actor: Actor, idempotencyKey: string): Promise<Stored> {
    if (actor.role === 'customer' && body.customerId !== actor.customerId) {
      throw new Problem({ status: 403, title: 'Forbidden', detail: 'customers open cases for their own organisation only' });
    }
    return once(this.db, actor.id, `open:${idempotencyKey}`, requestHash(body), async (generation) => {
      const caseId = derivedId(actor.id, `${idempotencyKey}\u0000${generation}`);
      const sla = await pinSla(this.db, body.slaPolicyId ?? 'default', body.priority, body.category);
      const { slaPolicyId: _policy, ...fields } = body;
      try {
        await this.client.workflow.start<typeof caseWorkflow>(CASE_WORKFLOW_TYPE, {
          workflowId: caseWorkflowId(caseId),
          taskQueue: this.taskQueue,
          args: [{ open: { ...fields, caseId, openedBy: actor, sla } }],
          typedSearchAttributes: [
            { key: CaseStatusKey, value: 'OPEN' },
            { key: CasePriorityKey, value: body.priority },
            { key: CaseCategoryKey, value: body.category },
            { key: CustomerIdKey, value: body.customerId },
            { key: DepartmentKey, value: 'front-line' },
            { key: EscalationLevelKey, value: 0 },
            { key: SlaBreachedKey, value: false },
          ],
          staticSummary: `Case ${caseId} · ${body.category} · ${body.priority} · customer ${body.customerId}`,
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err; // a retry after a crash
      }
      return { status: 201, body: await this.viewFor(caseId, actor) };
    });
  }

  /** The live view of a case, or its last snapshot once the workflow has ended. */
  async view(caseId: string): Promise<CaseView> {
    try {
      return await this.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError) && !isQueryOnClosed(err)) throw err;
    }
    const [row] = await this.db.select({ snapshot: cases.snapshot }).from(cases).where(eq(cases.caseId, caseId));
    if (!row) throw notFound(`no case ${caseId}`);
    return row.snapshot as CaseView;
  }

  /** Reads a case for an actor: another organisation's case does not exist for a customer. */
  async viewFor(caseId: string, actor: Actor): Promise<CaseView | CustomerCaseView> {
    const view = await this.view(caseId);
    if (actor.role !== 'customer') return view;
    if (view.customerId !== actor.customerId) throw notFound(`no case ${caseId}`);
    return customerCaseView(view, actor);
  }

  /** Sends one action as a Temporal Update; its Update ID derives from the Idempotency-Key. */
  async act(caseId: string, action: ActionName, command: Omit<CaseCommand, 'type'>, actor: Actor, idempotencyKey?: string, requestId?: string): Promise<Stored> {
    await this.viewFor(caseId, actor); // 404 before anything else for a stranger's case
    const run = async (generation?: string): Promise<Stored> => {
      const updateId = idempotencyKey ? derivedId(actor.id, `${caseId}:${action}:${idempotencyKey}:${generation}`, 32) : randomUUID();
      try {
        const result: ActionResult = await this.client.workflow
          .getHandle(caseWorkflowId(caseId))
          .executeUpdate(actionUpdates[action], { args: [{ actor, command: { ...command, type: action } as never, ...(requestId ? { requestId } : {}) }], updateId });
        return { status: 200, body: { result, case: await this.viewFor(caseId, actor) } };
      } catch (err) {
        throw rejectionToProblem(err) ?? err;
      }
    };
    if (!idempotencyKey) return run();
    return once(this.db, actor.id, `act:${caseId}:${action}:${idempotencyKey}`, requestHash(command), run);
  }
}

function isQueryOnClosed(err: unknown): boolean {
  return err instanceof Error && /workflow.*(completed|closed|terminated)/i.test(err.message);
}

/** The workflow's typed rejection becomes 409 (state), 403 (authority) or 422 (invalid). */
function rejectionToProblem(err: unknown): Problem | undefined {
  if (err instanceof WorkflowNotFoundError) return new Problem({ status: 409, title: 'Conflict', detail: 'the case no longer takes actions' });
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new Problem({ status: 503, title: 'Service Unavailable', detail: 'the case did not answer in time; retry with the same Idempotency-Key' }, { 'retry-after': '2' });
  }
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== 'ActionRejected') return undefined;
  const reason = cause.details?.[0];
  const status = reason === 'FORBIDDEN' ? 403 : reason === 'INVALID' ? 422 : 409;
  const title = status === 403 ? 'Forbidden' : status === 422 ? 'Unprocessable Content' : 'Conflict';
  return new Problem({ status, title, detail: cause.message });
}
