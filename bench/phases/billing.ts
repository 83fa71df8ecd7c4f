// billableActionsPerRequest: what one reference case costs in Temporal Cloud actions per
// HTTP request a client makes. The case (open, a first-response breach, acknowledge, three
// replies, resolve, accept) runs through the API; its actions are counted from every run
// of its history by the published rules (bench/billing-rules.ts), plus the queries the
// API's Temporal client sent, which no history records. Only HTTP and the history are
// read, so the figure follows whatever the workflow and the API do today.
import { caseWorkflowId } from '../../workflows/case/contract';
import { fetchAllRuns, waitForQuiet } from '../billing-history';
import { BILLED_KINDS, countBillableActions, sumActions } from '../billing-rules';
import { runReferenceCase } from '../billing-story';
import type { Metric } from '../report';
import type { Stack } from '../stack';

/**
 * A bare Temporal client telling the same story: one start, one Update per action
 * (acknowledge, three replies, resolve, accept) and the one timer the breach needs,
 * for its seven requests. It reads nothing back: the Updates' results are its answers.
 */
export const BARE_CLIENT = { starts: 1, updates: 6, timers: 1, requests: 7 };
const bareActions = BARE_CLIENT.starts + BARE_CLIENT.updates + BARE_CLIENT.timers;

const listed = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

export async function billingPhase(stack: Stack): Promise<Metric[]> {
  const { caseId, requests } = await runReferenceCase(stack);
  const workflowId = caseWorkflowId(caseId);
  // The accept's writes run after its answer: count them too.
  await waitForQuiet(stack.caseClient, workflowId);
  const runs = await fetchAllRuns(stack.caseClient, workflowId);
  const history = sumActions(runs.map((run) => countBillableActions(run)));
  const queries = stack.apiQueries.countFor(workflowId);
  const actions = history.total + queries;
  const byKind = { ...Object.fromEntries(BILLED_KINDS.map((k) => [k, history.byKind[k]])), queries };
  const ours = actions / requests.total;
  return [
    {
      key: 'billableActionsPerRequest',
      label: 'Temporal Cloud actions (history + queries) ÷ HTTP requests, one reference case',
      ours,
      baseline: bareActions / BARE_CLIENT.requests,
      value: ours,
      unit: '',
      target: { op: '<=', value: 3 },
      oursKey: 'billableActionsPerRequest',
      baselineKey: 'billableActionsPerRequestBareClient',
      note:
        `${actions} actions ÷ ${requests.total} requests (${listed(requests.bySteps)}; policy set-up's ${requests.setup} not counted); ` +
        `by kind: ${listed(byKind)}; exempt: ${listed({ ...history.exempt })}; ${runs.length} run(s); ` +
        `baseline: a bare client's ${bareActions} actions (start, ${BARE_CLIENT.updates} Updates, breach timer) ÷ ${BARE_CLIENT.requests} requests`,
      details: { actions, historyActions: history.total, queries, byKind, exempt: history.exempt, runs: runs.length, requests, bareClient: BARE_CLIENT },
    },
  ];
}
