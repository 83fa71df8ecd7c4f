// Real Temporal servers for tests: the time-skipping test server for clock paths,
// the dev server (built from the temporal CLI) for visibility and the full stack.
import fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { encryptingDataConverter } from '../../codec/aes-gcm-codec';
import { parseKeyRing } from '../../codec/keys';
import { Runtime, DefaultLogger, type WorkflowBundle } from '@temporalio/worker';
import { CASE_SEARCH_ATTRIBUTES } from '../../workflows/case/search-attributes';
import { registerSearchAttributes } from '../../config/search-attributes';
import { TEMPORAL_CLI, TEST_SERVER, WORKFLOW_BUNDLE } from './paths';

let runtimeInstalled = false;
export function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

/** Test keys: payloads on the test servers are encrypted as in production. */
export const TEST_ENCRYPTION_KEYS = `test2:${Buffer.alloc(32, 2).toString('base64')},test1:${Buffer.alloc(32, 1).toString('base64')}`;
export const TEST_KEY_RING = parseKeyRing(TEST_ENCRYPTION_KEYS);
const client = { dataConverter: encryptingDataConverter(TEST_KEY_RING) };

export function workflowBundle(): WorkflowBundle {
  return { code: fs.readFileSync(WORKFLOW_BUNDLE, 'utf8') };
}

export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    client,
    server: { executable: { type: 'existing-path', path: TEST_SERVER } },
  });
  // The test server knows search attributes only once registered through the operator
  // service; the operators' command (`npm run ops -- search-attributes`) does it this way.
  await registerSearchAttributes(env.connection.operatorService, env.namespace ?? 'default');
  return env;
}

/** The dev server; with `ui`, also its Web UI, pointed at a codec server. */
export async function devServerEnv(ui?: { port: number; codecEndpoint: string }): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    client,
    server: {
      executable: { type: 'existing-path', path: TEMPORAL_CLI },
      searchAttributes: CASE_SEARCH_ATTRIBUTES,
      ip: '127.0.0.1',
      ...(ui ? { ui: true, uiPort: ui.port, extraArgs: ['--ui-codec-endpoint', ui.codecEndpoint] } : {}),
    },
  });
}
