// Reading a roll-out's status while Temporal cannot answer a query for it: a run just
// continued as new (its first workflow task not yet done) and a delayed roll-out
// terminated before it began. The admin gets the progress so far, never a 500.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ROLLOUT_WORKFLOW_TYPE, progressMemo, rolloutId, rolloutWorkflowId, type RolloutProgress, type RolloutTarget } from '../../workflows/rollout/contract';
import type { rolloutWorkflow } from '../../workflows/rollout/workflow';
import { apiFor, bearer } from '../helpers/api';
import { useHarness } from '../helpers/case-harness';
import { devServerEnv } from '../helpers/temporal';

const h = useHarness(devServerEnv);
const admin = { id: 'ada', role: 'admin' as const };

function aTarget(): { target: RolloutTarget; id: string } {
  const target: RolloutTarget = { kind: 'policy', id: `rs-${randomUUID().slice(0, 8)}` };
  return { target, id: rolloutId(target, 2) };
}

describe('reading a roll-out status when no query can be answered', () => {
  it('when a run continued as new has not started on a worker yet, then the status is the progress it carried', async () => {
    const { target, id } = aTarget();
    const carried: RolloutProgress = {
      id, target, version: 2, state: 'RUNNING', pagesDone: 3, moved: 1499, failedCount: 1,
      failed: [{ caseId: 'c-0001', reason: 'CASE_ENDED' }], after: 'c-1500', startedAt: '2026-01-02T03:04:05.000Z',
    };
    // As continue-as-new starts the next run: its input and memo carry the progress. No
    // worker polls this task queue, so the run's first workflow task never completes.
    const handle = await h.env.client.workflow.start<typeof rolloutWorkflow>(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue: `no-worker-${randomUUID()}`,
      args: [{ target, version: 2, progress: carried }],
      memo: progressMemo(carried),
    });
    try {
      const res = await request(apiFor(h)).get(`/v1/rollouts/${id}`).set('authorization', await bearer(admin));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ...carried, state: 'RUNNING' });
    } finally {
      await handle.terminate('test over');
    }
  });

  it('when a delayed roll-out is terminated before it began, then the status says it failed having moved nothing', async () => {
    const { target, id } = aTarget();
    const handle = await h.env.client.workflow.start<typeof rolloutWorkflow>(ROLLOUT_WORKFLOW_TYPE, {
      workflowId: rolloutWorkflowId(id),
      taskQueue: h.taskQueue,
      args: [{ target, version: 2 }],
      startDelay: '1 hour',
    });
    await handle.terminate('contract version withdrawn');
    const res = await request(apiFor(h)).get(`/v1/rollouts/${id}`).set('authorization', await bearer(admin));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, target, version: 2, state: 'FAILED', pagesDone: 0, moved: 0, failedCount: 0, failed: [] });
  });
});
