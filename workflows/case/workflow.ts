// caseWorkflow: one durable workflow per case. It wires the pure lifecycle in domain/
// to Temporal: Updates for actions (validated synchronously, so a rejected action
// changes nothing), durable timers for every clock, activities for the log, the read
// model and webhooks, continue-as-new for long cases.
//
// Versions (docs/ARCHITECTURE.md, "Changing the workflow"): cases started before the
// `effects-beside-clocks` patch keep running loop-v1.ts unchanged; every new case (and
// every continue-as-new of an old one) runs loop-beside-clocks.ts.
import { patched } from '@temporalio/workflow';
import { registerCaseHandlers } from './case-handlers';
import { CaseRun } from './case-run';
import type { CaseView, CaseWorkflowInput } from './contract';
import { runBesideClocks } from './loop-beside-clocks';
import { runV1 } from './loop-v1';

/** Writes run beside the clocks, search attributes are upserted only when they change. */
export const EFFECTS_BESIDE_CLOCKS = 'effects-beside-clocks';
/** Names the recorded histories of the newest path (test/replay/histories/<version>--*.json). */
export const LATEST_WORKFLOW_VERSION = EFFECTS_BESIDE_CLOCKS;

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const run = new CaseRun(input);
  if (patched(EFFECTS_BESIDE_CLOCKS)) return runBesideClocks(run, input); // registers its own handlers
  registerCaseHandlers(run);
  return runV1(run, input);
}
