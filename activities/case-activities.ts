// The case workflow's activities, built by a factory around one database handle
// and the webhook settings. Every write carries a key so a retry is a no-op.
import { ApplicationFailure, log } from '@temporalio/activity';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import type { CaseActivities, PersistCaseInput } from './types';
import { writeCase } from './case-write';
import { asDatabaseFailure, databaseFacts } from './database-failures';
import { signWebhook } from './webhook-signing';

export interface WebhookSettings {
  url?: string;
  secret?: string;
  fetchImpl?: typeof fetch;
}

export function createCaseActivities(db: Db, webhook: WebhookSettings = {}): CaseActivities {
  return {
    async persistCase({ caseId, interactions: entries, notices, snapshot, requestIds }: PersistCaseInput) {
      await writeCase(db, { caseId, interactions: entries, notices, snapshot }).catch((err: unknown) => {
        const failure = asDatabaseFailure(err, 'the case write');
        // Code and constraint only: the driver's message holds what the customer wrote.
        log.warn('case write failed', { caseId, revision: snapshot.revision, failure: failure.type, ...databaseFacts(err) });
        throw failure;
      });
      // IDs and counts only: what people wrote stays out of the logs.
      log.info('case persisted', { caseId, seqs: entries.map((i) => i.seq), notices: notices.length, revision: snapshot.revision, requestIds });
    },

    async deliverNotices({ caseId }) {
      const due = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.caseId, caseId), inArray(outbox.state, ['PENDING', 'FAILED'])))
        .orderBy(asc(outbox.eventSeq));
      if (!webhook.url || !webhook.secret) {
        if (due.length) await db.update(outbox).set({ state: 'SKIPPED' }).where(inArray(outbox.eventId, due.map((r) => r.eventId)));
        return { delivered: 0, skipped: due.length };
      }
      const send = webhook.fetchImpl ?? fetch;
      let delivered = 0;
      for (const row of due) {
        const body = JSON.stringify({ id: row.eventId, type: row.type, caseId, data: row.payload });
        const timestamp = Math.floor(Date.now() / 1000);
        let error: string | undefined;
        try {
          const res = await send(webhook.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'casekeeper-event-id': row.eventId,
              'casekeeper-timestamp': String(timestamp),
              'casekeeper-signature': signWebhook(webhook.secret, timestamp, body),
            },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          if (!res.ok) error = `HTTP ${res.status}`;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        if (error) {
          await db.update(outbox).set({ state: 'FAILED', attempts: row.attempts + 1, lastError: error }).where(eq(outbox.eventId, row.eventId));
          // Retryable: Temporal backs off and calls again; order is kept by stopping here.
          throw ApplicationFailure.retryable(`webhook ${row.eventId} failed: ${error}`, 'WebhookFailed');
        }
        await db.update(outbox).set({ state: 'DELIVERED', attempts: row.attempts + 1, deliveredAt: new Date(), lastError: null }).where(eq(outbox.eventId, row.eventId));
        delivered++;
      }
      return { delivered, skipped: 0 };
    },
  };
}
