// The operator commands against a real server: registering search attributes (idempotent)
// and showing a case from the terminal, decrypted with the configured keys.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { act, startCase, useHarness } from '../helpers/case-harness';
import { agent } from '../helpers/fixtures';
import { ROOT } from '../helpers/paths';
import { devServerEnv, TEST_ENCRYPTION_KEYS } from '../helpers/temporal';
import { CASE_SEARCH_ATTRIBUTES } from '../../workflows/case/search-attributes';

const h = useHarness(devServerEnv);
const ops = (...args: string[]) =>
  promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ops.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, TEMPORAL_ADDRESS: h.env.address, CASEKEEPER_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS },
  });

describe('operator commands', () => {
  it('when search attributes are registered on a server that has them, then nothing changes and it says so', async () => {
    const { stdout } = await ops('search-attributes');
    expect(stdout).toContain(`all ${CASE_SEARCH_ATTRIBUTES.length} search attributes are registered`);
  });

  it('when an operator shows a case, then its status, level, deadlines and last interactions are printed', async () => {
    const open = await startCase(h);
    await act(h, open.caseId, agent, { type: 'acknowledge' });
    const { stdout } = await ops('show-case', open.caseId);
    expect(stdout).toMatch(/status\s+IN_PROGRESS/);
    expect(stdout).toMatch(/level\s+0 · front-line/);
    expect(stdout).toMatch(/PROGRESS_UPDATE\s+due \d{4}-/);
    expect(stdout).toMatch(/#2 .* ACKNOWLEDGED by agent agent-ann/);
  });
});
