// Writes a case's effects (log entries, outbox rows, read-model row) beside its clocks,
// as local activities: in the workflow task that made the change, so an action can answer
// after its effects are written without another round trip through the server.
// The workflow never waits on a write before sleeping, so a database that refuses one
// case's writes cannot hold that case's deadlines. A refused write is recorded (search
// attribute ReadModelStalled, a log line with the SQLSTATE only, a counter), retried with
// capped back-off or at once on a redrive signal, and everything queued meanwhile is
// written with it, in order, once the database takes it.
import { ActivityFailure, ApplicationFailure, condition, log, metricMeter } from '@temporalio/workflow';
import type { PersistCaseInput } from '../../activities/types';
import type { CaseRun } from './case-run';
import type { WriteStall } from './contract';
import { writeLocally } from './shared';

const FIRST_RETRY_MS = 10_000;
const LONGEST_RETRY_MS = 15 * 60_000;

export class CaseWriter {
  stall?: WriteStall;
  private failed?: PersistCaseInput;
  private inFlight?: PersistCaseInput;
  private redriveAsked = false;
  private held = false;
  /** The value of `run.changes` up to which everything is written. */
  private writtenThrough = -1;
  /** Whether the worker has a webhook receiver configured (the write says so). */
  receiver = true;
  private readonly refusals = metricMeter.createCounter('casekeeper_case_write_refusals', 'writes', 'Case writes the database refused; the case retries them');

  constructor(
    private readonly run: CaseRun,
    private readonly onWritten: (batch: PersistCaseInput) => void,
    private readonly onStallChange: () => void,
    carried?: { unwritten?: PersistCaseInput; stall?: WriteStall },
  ) {
    this.failed = carried?.unwritten;
    this.stall = carried?.stall;
  }

  private hasWork(): boolean {
    return this.failed !== undefined || this.run.queue.length > 0 || this.run.dirty;
  }

  /** Nothing queued, nothing in flight, nothing refused. */
  idle(): boolean {
    return this.inFlight === undefined && !this.hasWork();
  }

  redrive(): void {
    this.redriveAsked = true;
  }

  /**
   * Starts no new write (before continue-as-new): a write that completes while the run
   * hands over fails that workflow task, and an Update riding on it fails with it.
   */
  hold(): void {
    this.held = true;
  }

  /**
   * Resolves once the changes up to `ticket` are written, or once they cannot be for now
   * (the database refuses them, or the run is handing over): an answer never waits on a
   * stalled write, it only says less about the read model.
   */
  async settle(ticket: number): Promise<void> {
    await condition(() => this.writtenThrough >= ticket || this.stall !== undefined || this.held);
  }

  /** No write in flight. */
  settled(): boolean {
    return this.inFlight === undefined;
  }

  async loop(): Promise<never> {
    for (;;) {
      await condition(() => !this.held && this.hasWork());
      const through = this.run.changes;
      const batch = merge(this.failed, this.takeFresh())!;
      this.failed = undefined;
      this.inFlight = batch;
      try {
        const written = await writeLocally({ ...batch, reportRefusal: true });
        this.inFlight = undefined;
        this.writtenThrough = through;
        this.receiver = written?.receiver ?? true;
        if (this.stall) {
          log.info('case writes caught up', { caseId: batch.caseId, revision: batch.snapshot.revision, refusals: this.stall.attempts });
          this.stall = undefined;
          this.onStallChange();
        }
        this.onWritten(batch);
      } catch (err) {
        this.inFlight = undefined;
        this.failed = batch;
        await this.backOff(batch, err);
      }
    }
  }

  /** Everything not known to be written, for the next run to write first. */
  unwritten(): PersistCaseInput | undefined {
    return merge(this.failed ?? this.inFlight, this.takeFresh());
  }

  private takeFresh(): PersistCaseInput | undefined {
    return this.run.queue.length > 0 || this.run.dirty ? this.run.takeBatch() : undefined;
  }

  private async backOff(batch: PersistCaseInput, err: unknown): Promise<void> {
    const attempts = (this.stall?.attempts ?? 0) + 1;
    const code = sqlStateOf(err);
    this.stall = { since: this.stall?.since ?? new Date().toISOString(), attempts, ...(code ? { code } : {}) };
    const retryInMs = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
    // IDs and the SQLSTATE only: what the case holds stays out of the logs.
    log.warn('case write refused; clocks run on, write retried later', { caseId: batch.caseId, code, attempts, retryInMs });
    this.refusals.add(1);
    this.onStallChange();
    this.redriveAsked = false;
    await condition(() => this.redriveAsked, retryInMs);
    this.redriveAsked = false;
  }
}

/** Two writes as one: every entry and notice of both, the newer snapshot. */
function merge(older: PersistCaseInput | undefined, newer: PersistCaseInput | undefined): PersistCaseInput | undefined {
  if (!older || !newer) return older ?? newer;
  const requestIds = [...(older.requestIds ?? []), ...(newer.requestIds ?? [])];
  return {
    caseId: newer.caseId,
    interactions: [...older.interactions, ...newer.interactions],
    notices: [...older.notices, ...newer.notices],
    snapshot: newer.snapshot,
    ...(requestIds.length ? { requestIds } : {}),
  };
}

function sqlStateOf(err: unknown): string | undefined {
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  const facts = cause instanceof ApplicationFailure ? (cause.details?.[0] as { code?: unknown } | undefined) : undefined;
  return typeof facts?.code === 'string' ? facts.code : undefined;
}
