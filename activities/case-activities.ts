// The case workflow's activities, built by a factory around one database handle
// and the webhook settings. Every write carries a key so a retry is a no-op.
import { ApplicationFailure, log } from '@temporalio/activity';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, interactions, outbox } from '../db/schema';
import type { CaseActivities, PersistCaseInput } from './types';
import { signWebhook } from './webhook-signing';

export interface WebhookSettings {
  url?: string;
  secret?: string;
  fetchImpl?: typeof fetch;
}

export function createCaseActivities(db: Db, webhook: WebhookSettings = {}): CaseActivities {
  return {
    async persistCase({ caseId, interactions: entries, notices, snapshot, requestIds }: PersistCaseInput) {
      await db.transaction(async (tx) => {
        if (entries.length > 0) {
          await tx
            .insert(interactions)
            .values(entries.map((i) => ({ caseId, seq: i.seq, at: new Date(i.at), actorId: i.actorId, actorRole: i.actorRole, channel: i.channel, kind: i.kind, content: i.content ?? null, measures: i.measures ?? null, result: i.result ?? null, visibleToCustomer: i.visibleToCustomer })))
            .onConflictDoNothing();
        }
        if (notices.length > 0) {
          await tx
            .insert(outbox)
            .values(notices.map((n) => ({ eventId: n.eventId, caseId, eventSeq: n.eventSeq, type: n.type, payload: n })))
            .onConflictDoNothing();
        }
        const row = {
          caseId,
          customerId: snapshot.customerId,
          status: snapshot.status,
          closeReason: snapshot.closeReason ?? null,
          priority: snapshot.priority,
          category: snapshot.category,
          channel: snapshot.channel,
          level: snapshot.level,
          unit: snapshot.unit,
          assignee: snapshot.assignee ?? null,
          slaBreached: snapshot.slaBreached,
          nextDeadlineAt: snapshot.nextDeadline ? new Date(snapshot.nextDeadline.due) : null,
          nextDeadlineKind: snapshot.nextDeadline?.kind ?? null,
          openedAt: new Date(snapshot.openedAt),
          resolvedAt: snapshot.resolvedAt ? new Date(snapshot.resolvedAt) : null,
          closedAt: snapshot.closedAt ? new Date(snapshot.closedAt) : null,
          updatedAt: new Date(),
          version: snapshot.revision,
          snapshot,
        };
        const { caseId: _key, ...changes } = row;
        await tx
          .insert(cases)
          .values(row)
          .onConflictDoUpdate({ target: cases.caseId, set: changes, setWhere: sql`${cases.version} < excluded.version` });
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
