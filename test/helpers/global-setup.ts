// Bundles the workflow code once for the whole run; every test worker reuses it
// (webpack per worker would cost seconds each).
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../../codec/aes-gcm-codec';
import { ROOT, WORKFLOW_BUNDLE } from './paths';

export default async function globalSetup(): Promise<void> {
  // With the production failure converter, as a worker bundling from workflowsPath gets it.
  const { code } = await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: quiet });
  fs.mkdirSync(path.dirname(WORKFLOW_BUNDLE), { recursive: true });
  fs.writeFileSync(WORKFLOW_BUNDLE, code);
}

const noop = (): void => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
