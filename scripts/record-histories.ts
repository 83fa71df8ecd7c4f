// Records the replay fixtures: runs each scenario of test/replay/scenarios.ts on the
// time-skipping server and writes its history to
// test/replay/histories/<latest patch>--<name>.json. Histories of earlier versions stay:
// every released version keeps replaying. Run `npm run histories:record` after a
// versioned workflow change (docs/ARCHITECTURE.md, "Changing the workflow").
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { caseWorkflowId } from '../workflows/case/contract';
import { LATEST_WORKFLOW_VERSION } from '../workflows/case/workflow';
import { startHarness } from '../test/helpers/case-harness';
import { timeSkippingEnv } from '../test/helpers/temporal';
import { SCENARIOS } from '../test/replay/scenarios';

async function main(): Promise<void> {
  const h = await startHarness(await timeSkippingEnv());
  try {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      const caseId = await run(h);
      const history = await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
      const file = path.resolve(__dirname, `../test/replay/histories/${LATEST_WORKFLOW_VERSION}--${name}.json`);
      fs.writeFileSync(file, historyToJSON(history));
      console.log(`recorded ${name}: ${history.events?.length} events → ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await h.stop();
    await h.env.teardown();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
