// What the case endpoints do, one Temporal call each: open a case (update-with-start),
// act on it (one Update that answers the case after its effects are written), read it
// (from the read model, which every answered action has already reached).
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import type { CaseCommand } from '../../domain/case-commands';
import type { Actor } from '../../domain/case-types';
import { actionUpdates, CASE_TASK_QUEUE, CASE_WORKFLOW_TYPE, caseStaticDetails, caseWorkflowId, getCaseQuery, openedUpdate, type CaseView } from '../../workflows/case/contract';
import { CaseCategoryKey, CasePriorityKey, CaseStatusKey, CustomerIdKey, DepartmentKey, EscalationLevelKey, SlaBreachedKey } from '../../workflows/case/search-attributes';
import type { caseWorkflow } from '../../workflows/case/workflow';
import type { ActionName, CreateCaseBody } from '../schemas/cases';
import { Problem, notFound } from '../problem';
import { customerCaseView } from '../projection/customer-view';
import type { CustomerCaseView } from '../schemas/responses';
import { withProvisionalDeadlines } from './calendar-horizons';
import { rejectionToProblem, withAbortRetries } from './case-rejections';
import { derivedId, once, requestHash, type Stored } from './idempotency';
import { chosenPolicy } from './sla-choice';
import { pinPolicy } from './sla-lookup';

export class CaseService {
  constructor(
    private readonly client: Client,
    private readonly db: Db,
    private readonly taskQueue: string = CASE_TASK_QUEUE,
    private readonly idempotencyTtlHours?: number,
  ) {}

  /** Opens a case and answers its view in one call; the same Idempotency-Key opens it once. */
  open(body: CreateCaseBody, actor: Actor, idempotencyKey: string): Promise<Stored> {
    if (actor.role === 'customer' && body.customerId !== actor.customerId) {
      throw new Problem({ status: 403, title: 'Forbidden', detail: 'customers open cases for their own organisation only' });
    }
    return once(this.db, actor.id, `open:${idempotencyKey}`, requestHash(body), async (generation) => {
      const caseId = derivedId(actor.id, `${idempotencyKey}\u0000${generation}`);
      // The organisation's contract decides the SLA (api/services/sla-choice.ts).
      const now = new Date();
      const policy = await chosenPolicy(this.db, { organisationId: body.customerId, ...(body.slaPolicyId ? { slaPolicyId: body.slaPolicyId } : {}) }, actor, now);
      const sla = await pinPolicy(this.db, policy, body.priority, body.category, now);
      const { slaPolicyId: _policy, ...fields } = body;
      // A fresh operation per try: one is used up by its call.
      const start = () => new WithStartWorkflowOperation<typeof caseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: this.taskQueue,
        args: [{ open: { ...fields, caseId, openedBy: actor, sla } }],
        // A retry after a crash finds the case it started: the same case, not a second one.
        workflowIdConflictPolicy: 'USE_EXISTING',
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
        staticDetails: caseStaticDetails({ sla, category: body.category, priority: body.priority, channel: body.channel }),
      });
      const view = await withAbortRetries(() => this.client.workflow.executeUpdateWithStart(openedUpdate, { args: [{ actor }], startWorkflowOperation: start(), updateId: `opened-${caseId}` }))
        .catch(async (err: unknown) => {
          const problem = rejectionToProblem(err, caseId);
          if (problem) throw problem;
          // A retry finding a case started before the `opened` Update existed (v1): ask it.
          const existing = err instanceof WorkflowUpdateFailedError ? await this.query(caseId) : undefined;
          if (!existing) throw err;
          return existing;
        });
      return { status: 201, body: await projectFor(this.db, view, actor) };
    }, this.idempotencyTtlHours ? { ttlHours: this.idempotencyTtlHours } : {});
  }

  /**
   * A case as the actor may see it, from the read model, which every action answered with
   * its view has reached (not while the database refuses the case's writes: the case then
   * shows ReadModelStalled); a case whose first write has not landed yet is asked directly.
   */
  async viewFor(caseId: string, actor: Actor): Promise<CaseView | CustomerCaseView> {
    const view = await this.snapshot(caseId) ?? await this.query(caseId);
    if (!view || (actor.role === 'customer' && view.customerId !== actor.customerId)) throw notFound(`no case ${caseId}`);
    return projectFor(this.db, view, actor);
  }

  /**
   * Sends one action as one Temporal Update. Its ID derives from the Idempotency-Key and the
   * request's hash: a retry is the same Update (applied once, the server or the case gives
   * the first answer); the key with another body is refused by the case (422).
   */
  async act(caseId: string, action: ActionName, command: Omit<CaseCommand, 'type'>, actor: Actor, idempotencyKey?: string, requestId?: string): Promise<Stored> {
    const hash = requestHash(command);
    const keyId = idempotencyKey ? derivedId(actor.id, `${caseId}:${action}:${idempotencyKey}`, 32) : undefined;
    const args = { actor, command: { ...command, type: action } as never, ...(requestId ? { requestId } : {}), ...(keyId ? { idempotency: { keyId, requestHash: hash } } : {}) };
    try {
      const updateId = keyId ? `${keyId}.${hash.slice(0, 16)}` : randomUUID();
      const result = await withAbortRetries(() => this.client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(actionUpdates[action], { args: [args], updateId }));
      const { case: after, ...summary } = result;
      // A case still on the first workflow version answers without its view, before its
      // write: ask it (the read model may not have the action yet).
      const view = after ?? (await this.query(caseId));
      if (!view) throw notFound(`no case ${caseId}`);
      return { status: 200, body: { result: summary, case: await projectFor(this.db, view, actor) } };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw await this.notTakingActions(caseId, actor);
      throw rejectionToProblem(err, caseId) ?? err;
    }
  }

  /** No running workflow: the case ended (409) or, for this caller, never existed (404). */
  private async notTakingActions(caseId: string, actor: Actor): Promise<Problem> {
    const view = await this.snapshot(caseId);
    if (!view || (actor.role === 'customer' && view.customerId !== actor.customerId)) return notFound(`no case ${caseId}`);
    return new Problem({ status: 409, title: 'Conflict', detail: 'the case no longer takes actions' });
  }

  private async snapshot(caseId: string): Promise<CaseView | undefined> {
    const [row] = await this.db.select({ snapshot: cases.snapshot }).from(cases).where(eq(cases.caseId, caseId));
    return row?.snapshot as CaseView | undefined;
  }

  private async query(caseId: string): Promise<CaseView | undefined> {
    return this.client.workflow
      .getHandle(caseWorkflowId(caseId))
      .query(getCaseQuery)
      .catch((err: unknown) => (err instanceof WorkflowNotFoundError ? undefined : Promise.reject(err)));
  }
}

/** The view as the actor may see it, deadlines past its calendar's horizon marked provisional. */
async function projectFor(db: Db, view: CaseView, actor: Actor): Promise<CaseView | CustomerCaseView> {
  const marked = await withProvisionalDeadlines(db, view);
  return actor.role === 'customer' ? customerCaseView(marked, actor) : marked;
}
