// The reference case the billing phase prices: opened through the API on a policy with a
// short first response, left to breach, then worked to the end as a back office, an agent
// and the customer would. Every HTTP request of the story is counted, reads included.
import { randomUUID } from 'node:crypto';
import { intake } from './cases';
import type { Stack } from './stack';
import { sleep } from './stats';

const POLICY_ID = 'bench-billing';
/** Short enough to breach within the quick run, long enough that opening never races it. */
const FIRST_RESPONSE_MINUTES = 0.25;
const POLL_MS = 250;
const BREACH_TIMEOUT_MS = 120_000;

export interface StoryRequests {
  /** HTTP requests by step; `breachPolls` are the reads that waited for the breach. */
  bySteps: Record<'open' | 'breachPolls' | 'acknowledge' | 'reply' | 'resolve' | 'accept', number>;
  total: number;
  /** The admin's one-off policy set-up: not part of a case, so not in `total`. */
  setup: number;
}

interface CaseAnswer {
  caseId: string;
  slaBreached: boolean;
  customerDeadlines: { firstResponseDue?: string };
}

/** An admin saves the default policy's copy on the 24×7 calendar with a short first response. */
async function saveShortPolicy(stack: Stack): Promise<number> {
  const base = (await stack.api.expect(200, 'GET', '/v1/sla-policies/default', stack.tokens.admin)) as { rules: Record<string, object> };
  const rules = { ...base.rules, NORMAL: { ...base.rules.NORMAL, firstResponseMinutes: FIRST_RESPONSE_MINUTES } };
  const body = { id: POLICY_ID, name: 'Bench: short first response', calendarId: '24x7', rules };
  await stack.api.expect(201, 'POST', '/v1/sla-policies', stack.tokens.admin, body);
  return 2;
}

/** Runs the story; resolves with the case ID and the requests it took. */
export async function runReferenceCase(stack: Stack): Promise<{ caseId: string; requests: StoryRequests }> {
  const setup = await saveShortPolicy(stack);
  const bySteps: StoryRequests['bySteps'] = { open: 0, breachPolls: 0, acknowledge: 0, reply: 0, resolve: 0, accept: 0 };
  const send = async (step: keyof typeof bySteps, method: string, path: string, token: string, body?: unknown): Promise<unknown> => {
    bySteps[step]++;
    const expected = step === 'open' ? 201 : 200;
    // Actions carry an Idempotency-Key, as a careful client's would.
    const headers = method === 'POST' ? { 'idempotency-key': randomUUID() } : undefined;
    return stack.api.expect(expected, method, path, token, body, headers);
  };

  const opened = (await send('open', 'POST', '/v1/cases', stack.tokens.system, { ...intake, slaPolicyId: POLICY_ID })) as CaseAnswer;
  const path = `/v1/cases/${opened.caseId}`;
  const due = Date.parse(opened.customerDeadlines.firstResponseDue ?? '');
  if (!(due - Date.now() < FIRST_RESPONSE_MINUTES * 60_000 + 5_000)) throw new Error(`the case did not pin the short policy (first response due ${opened.customerDeadlines.firstResponseDue})`);
  // A client that knows the due time reads only after it, as the breach cannot land earlier.
  await sleep(Math.max(0, due - Date.now()));
  const giveUp = Date.now() + BREACH_TIMEOUT_MS;
  while (!((await send('breachPolls', 'GET', path, stack.tokens.system)) as CaseAnswer).slaBreached) {
    if (Date.now() > giveUp) throw new Error(`no breach within ${BREACH_TIMEOUT_MS} ms of the first-response deadline`);
    await sleep(POLL_MS);
  }

  await send('acknowledge', 'POST', `${path}/acknowledge`, stack.tokens.agent, {});
  for (let i = 1; i <= 3; i++) await send('reply', 'POST', `${path}/reply`, stack.tokens.agent, { message: `Update ${i}: still on it.` });
  await send('resolve', 'POST', `${path}/resolve`, stack.tokens.agent, { result: 'Export works again after the fix.' });
  await send('accept', 'POST', `${path}/accept`, stack.tokens.customer, {});
  const total = Object.values(bySteps).reduce((a, b) => a + b, 0);
  return { caseId: opened.caseId, requests: { bySteps, total, setup } };
}
