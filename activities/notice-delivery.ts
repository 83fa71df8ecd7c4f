// Webhook delivery of outbox notices, at least once and in order per case. Two callers
// share this code: the case workflow's `deliverNotices` (right after a batch, retried by
// Temporal up to its attempt limit) and the notice relay's `relayDueNotices` (a workflow
// of its own that retries failed notices with capped back-off for as long as it takes,
// also after the case's workflow has ended). Leases (notice-claims.ts) keep them from
// sending the same notice at once; a receiver may still see a notice twice (a lost
// answer, a lease run out), so receivers de-duplicate by `webhook-id`.
import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { Db } from '../db/client';
import { casesDue, claimHead, hasUndelivered, markDelivered, markFailed, nextDueAt, skipUndelivered } from './notice-claims';
import { provisionalMark } from './notice-horizon';
import { sendNotice, type WebhookSettings } from './notice-sender';
import type { CaseActivities, NoticeRelayActivities } from './types';

/** Cases one relay pass takes on, and how long it keeps starting new ones. */
const CASES_PER_PASS = 50;
const PASS_BUDGET_MS = 2 * 60_000;

interface Drained {
  delivered: number;
  skipped: number;
  /** Set when the head could not be delivered: the case waits for its next attempt. */
  failed?: { eventId: string; code: string };
  /** Set when another sender holds the head's lease. */
  busy?: boolean;
}

/**
 * The later of the wall clock and the server's time for this attempt. They agree in
 * production; on the time-skipping test server the server's clock runs ahead, and the
 * back-off (compared with the relay workflow's timers) must follow the server's.
 */
function activityNow(): Date {
  return new Date(Math.max(Date.now(), Context.current().info.currentAttemptScheduledTimestampMs));
}

export function createNoticeActivities(db: Db, webhook: WebhookSettings = {}): Pick<CaseActivities, 'deliverNotices'> & NoticeRelayActivities {
  const target = webhook.url && webhook.secret ? { ...webhook, url: webhook.url, secret: webhook.secret } : undefined;

  /** Sends the case's notices from its head on, in order, until one fails or none is left. */
  async function drainCase(caseId: string, honourBackOff: boolean): Promise<Drained> {
    if (!target) return { delivered: 0, skipped: await skipUndelivered(db, caseId) };
    let delivered = 0;
    for (;;) {
      const row = await claimHead(db, caseId, activityNow(), honourBackOff);
      if (!row) return { delivered, skipped: 0, busy: await hasUndelivered(db, caseId) };
      Context.current().heartbeat();
      const code = await sendNotice(target, row, await provisionalMark(db, row));
      if (code) {
        await markFailed(db, row, code, activityNow());
        return { delivered, skipped: 0, failed: { eventId: row.eventId, code } };
      }
      await markDelivered(db, row);
      delivered++;
    }
  }

  return {
    async deliverNotices({ caseId }) {
      const r = await drainCase(caseId, false);
      // Retryable: Temporal backs off and calls again; order is kept by stopping here.
      if (r.failed) throw ApplicationFailure.retryable(`webhook ${r.failed.eventId} failed: ${r.failed.code}`, 'WebhookFailed');
      // The relay is sending this case's head right now: try again shortly rather than
      // leave the notices behind it to the relay's slower schedule.
      if (r.busy) throw ApplicationFailure.retryable(`case ${caseId}: a notice is being sent by the relay`, 'NoticeInFlight');
      return { delivered: r.delivered, skipped: r.skipped };
    },

    async relayDueNotices() {
      const started = Date.now();
      const due = await casesDue(db, activityNow(), CASES_PER_PASS);
      let delivered = 0;
      let failed = 0;
      let more = due.length === CASES_PER_PASS;
      for (const caseId of due) {
        if (Date.now() - started > PASS_BUDGET_MS) {
          more = true;
          break;
        }
        const r = await drainCase(caseId, true);
        delivered += r.delivered;
        if (r.failed) failed++;
      }
      const next = await nextDueAt(db);
      if (due.length > 0) log.info('notice relay pass', { cases: due.length, delivered, failed });
      return { delivered, failed, more, nextDueAt: next?.toISOString() ?? null };
    },
  };
}
