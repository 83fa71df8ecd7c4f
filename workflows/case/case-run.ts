// One run of a case workflow: its state, pinned SLA, what is queued for writing, and the
// changes clocks and policy signals make. Both loops (workflow versions, see loop-*.ts)
// share this core; the message handlers that act on it are in case-handlers.ts.
import type { OutgoingNotice, PersistCaseInput } from '../../activities/types';
import { createBusinessCalendar } from '../../domain/business-calendar';
import type { Ctx, Outcome } from '../../domain/case-machine';
import { tick } from '../../domain/case-clock-events';
import { openCase } from '../../domain/case-open';
import type { CaseState } from '../../domain/case-state';
import { ensureLadderClock, rescheduleAll, type ClockContext } from '../../domain/clocks';
import type { ActionResult, CaseWorkflowInput, PinnedSla } from './contract';
import { toView } from './view';

/** Update results (and Idempotency-Keys) remembered for de-duplication across continue-as-new. */
// Bounded so the continue-as-new input stays small; a retry comes within minutes, not
// after hundreds of later actions on the same case.
const APPLIED_KEPT = 500;

/** Adds to a bounded memory, forgetting the oldest entry past APPLIED_KEPT. */
export function remember<V>(memory: Map<string, V>, key: string, value: V): void {
  memory.set(key, value);
  if (memory.size > APPLIED_KEPT) memory.delete(memory.keys().next().value!);
}

export class CaseRun {
  sla: PinnedSla;
  clocks: ClockContext;
  state: CaseState;
  /** Effects waiting to be written, in order; an action's carries its HTTP request ID. */
  readonly queue: (Outcome & { requestId?: string })[] = [];
  /** Results of applied Updates by Update ID: a retried request gets the first answer. */
  readonly applied: Map<string, ActionResult>;
  /** Idempotency-Key IDs used by applied actions, with their request hashes. */
  readonly keys: Map<string, string>;
  /** The state changed since the last snapshot was taken for writing. */
  dirty = true;
  /** Counts every change, so a loop can tell that it has something new to look at. */
  changes = 0;

  constructor(input: CaseWorkflowInput) {
    this.sla = input.carried?.sla ?? input.open.sla;
    this.clocks = { rule: this.sla.rule, calendar: createBusinessCalendar(this.sla.calendar) };
    this.applied = new Map(input.carried?.applied ?? []);
    this.keys = new Map(input.carried?.keys ?? []);
    if (input.carried) {
      this.state = input.carried.state;
    } else {
      const sla = this.sla;
      const opened = openCase({ ...input.open, policy: { id: sla.policyId, version: sla.policyVersion }, calendarId: sla.calendarId, ...(sla.calendarVersion !== undefined ? { calendarVersion: sla.calendarVersion } : {}) }, this.ctx());
      this.state = opened.state;
      this.queue.push(opened.outcome);
    }
  }

  ctx(): Ctx {
    return { ...this.clocks, now: new Date() };
  }

  touch(): void {
    this.dirty = true;
    this.changes += 1;
  }

  /** Applies clock expiries due by now (used before every action and on waking). */
  catchUp(): void {
    const outcome = tick(this.state, this.ctx());
    if (outcome.interactions.length > 0 || outcome.notices.length > 0) this.queue.push(outcome);
    this.touch();
  }

  /** Takes everything queued as one write: log entries, numbered notices, the snapshot. */
  takeBatch(): PersistCaseInput {
    this.dirty = false;
    const state = this.state;
    const batch = this.queue.splice(0, this.queue.length);
    const notices: OutgoingNotice[] = batch.flatMap((o) =>
      o.notices.map((n) => ({
        ...n,
        eventSeq: ++state.noticeCount,
        eventId: `${state.caseId}-${state.noticeCount}`,
        caseId: state.caseId,
        customerId: state.customerId,
        at: new Date().toISOString(),
      })),
    );
    state.revision += 1;
    const requestIds = batch.flatMap((o) => (o.requestId ? [o.requestId] : []));
    return {
      caseId: state.caseId,
      interactions: batch.flatMap((o) => o.interactions),
      notices,
      snapshot: toView(state, this.clocks),
      ...(requestIds.length ? { requestIds } : {}),
    };
  }

  changePolicy(next: PinnedSla): void {
    // A signal cannot be refused, so a bad or stale one is ignored rather than allowed
    // to fail every workflow task of the case.
    if (next?.policyId === this.sla.policyId && next.policyVersion < this.sla.policyVersion) return;
    let calendar;
    try {
      calendar = createBusinessCalendar(next.calendar);
      rescheduleAll(structuredCopy(this.state), { rule: next.rule, calendar });
    } catch {
      return;
    }
    this.sla = next;
    this.clocks = { rule: next.rule, calendar };
    this.state.policy = { id: next.policyId, version: next.policyVersion };
    this.state.calendarId = next.calendarId;
    if (next.calendarVersion !== undefined) this.state.calendarVersion = next.calendarVersion;
    else delete this.state.calendarVersion;
    rescheduleAll(this.state, this.clocks);
    ensureLadderClock(this.state, this.clocks, new Date());
    this.touch();
  }
}

export const structuredCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
