// Workflow bundles, built once per run and kept as files so the memory probes (child
// processes) load exactly the code the main process runs.
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';

export const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.data/bench');
export const CASE_BUNDLE = path.join(OUT, 'case-workflows.js');
export const BASELINE_BUNDLE = path.join(OUT, 'baseline-workflows.js');

const noop = (): void => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };

export async function buildBundles(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  // One after the other: webpack is CPU-bound and the machine may have two cores.
  const cases = await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'workflows'), logger: quiet });
  fs.writeFileSync(CASE_BUNDLE, cases.code);
  const baseline = await bundleWorkflowCode({ workflowsPath: require.resolve('./baseline-workflows'), logger: quiet });
  fs.writeFileSync(BASELINE_BUNDLE, baseline.code);
}

export const loadBundle = (file: string): WorkflowBundle => ({ code: fs.readFileSync(file, 'utf8') });
