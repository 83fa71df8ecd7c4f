// Records the replay fixtures: runs each scenario of test/replay/scenarios.ts on the
// time-skipping server and writes its history to
// test/replay/histories/<latest patch>.<release>--<name>.json, the release being today's
// UTC date unless named (`npm run histories:record -- 2026-12-04`). A file that exists is
// never overwritten: a released history is what running cases of that release look like,
// so it must keep replaying as recorded. Run it after any workflow change, versioned or not
// (docs/ARCHITECTURE.md, "Changing the workflow").
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { caseWorkflowId } from '../workflows/case/contract';
import { LATEST_WORKFLOW_VERSION } from '../workflows/case/workflow';
import { startHarness } from '../test/helpers/case-harness';
import { timeSkippingEnv } from '../test/helpers/temporal';
import { SCENARIOS } from '../test/replay/scenarios';

const release = process.argv[2] ?? new Date().toISOString().slice(0, 10);

async function main(): Promise<void> {
  if (!/^[0-9A-Za-z.-]{1,40}$/.test(release)) throw new Error(`a release label is letters, digits, dots and dashes: ${release}`);
  const fileOf = (name: string): string => path.resolve(__dirname, `../test/replay/histories/${LATEST_WORKFLOW_VERSION}.${release}--${name}.json`);
  const taken = Object.keys(SCENARIOS).map(fileOf).filter((f) => fs.existsSync(f));
  if (taken.length > 0) throw new Error(`already recorded (released histories are never rewritten; name another release): ${taken.join(', ')}`);
  const h = await startHarness(await timeSkippingEnv());
  try {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      const caseId = await run(h);
      const history = await h.env.client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
      const file = fileOf(name);
      const json = historyToJSON(history);
      fs.writeFileSync(file, json, { flag: 'wx' });
      // The checksum list pins every released history: test/unit/replay-histories.test.ts fails if one changes.
      const sum = createHash('sha256').update(json).digest('hex');
      fs.appendFileSync(path.join(path.dirname(file), 'SHA256SUMS'), `${sum}  ${path.basename(file)}\n`);
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
