// The case workflow's activities, built by a factory around one database handle
// and the webhook settings. Every write carries a key so a retry is a no-op.
import { log } from '@temporalio/activity';
import type { Db } from '../db/client';
import type { CaseActivities, NoticeRelayActivities, PersistCaseInput } from './types';
import { breachesRecorded, writeCase } from './case-write';
import { databaseFacts } from '../db/database-errors';
import { asDatabaseFailure } from './database-failures';
import { createNoticeActivities } from './notice-delivery';
import type { WebhookSettings } from './notice-sender';

export type { WebhookSettings };

export function createCaseActivities(db: Db, webhook: WebhookSettings = {}): CaseActivities & NoticeRelayActivities {
  return {
    async persistCase({ caseId, interactions: entries, notices, snapshot, requestIds, reportRefusal }: PersistCaseInput) {
      // Without a receiver there is nobody to deliver to: notices are kept, marked SKIPPED.
      const receiver = Boolean(webhook.url && webhook.secret);
      await writeCase(db, { caseId, interactions: entries, notices, snapshot }, receiver ? 'PENDING' : 'SKIPPED').catch((err: unknown) => {
        const failure = asDatabaseFailure(err, 'the case write', reportRefusal === true);
        // Code and constraint only: the driver's message holds what the customer wrote.
        log.warn('case write failed', { caseId, revision: snapshot.revision, failure: failure.type, ...databaseFacts(err) });
        throw failure;
      });
      // IDs and counts only: what people wrote stays out of the logs.
      log.info('case persisted', { caseId, seqs: entries.map((i) => i.seq), notices: notices.length, revision: snapshot.revision, requestIds });
      for (const breach of breachesRecorded({ interactions: entries, snapshot })) log.warn('SLA breached', { caseId, ...breach });
      return { receiver };
    },

    ...createNoticeActivities(db, webhook),
  };
}
