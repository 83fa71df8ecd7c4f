// The temporal CLI with the codec server, as the README shows it: `temporal workflow
// describe … --codec-endpoint …/codec --codec-auth "Bearer <staff token>"` prints a case's
// static summary and details readable (without the codec they stay ciphertext), and the
// `caseFile` query answers the case at a glance.
import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import { createApp } from '../../api/app';
import { appDeps, bearer } from '../helpers/api';
import { openViaApi } from '../helpers/api-case';
import { useHarness } from '../helpers/case-harness';
import { backOffice, supervisor } from '../helpers/fixtures';
import { TEMPORAL_CLI } from '../helpers/paths';
import { freePort } from '../helpers/ports';
import { devServerEnv } from '../helpers/temporal';

const run = promisify(execFile);
const h = useHarness(devServerEnv);
let api: Server | undefined;
afterAll(async () => {
  await new Promise((r) => (api ? api.close(r) : r(undefined)));
});

async function describeCase(workflowId: string, ...extra: string[]): Promise<string> {
  const { stdout } = await run(TEMPORAL_CLI, ['workflow', 'describe', '--workflow-id', workflowId, '--address', h.env.address, '--namespace', h.env.namespace ?? 'default', ...extra]);
  return stdout;
}

describe('the temporal CLI with the codec server', () => {
  it('when an engineer describes a case with --codec-endpoint and a staff token, then its summary reads in clear', async () => {
    const app = createApp(appDeps(h));
    const port = await freePort();
    api = app.listen(port, '127.0.0.1');
    await new Promise((r) => api!.once('listening', r));
    const { caseId } = await openViaApi(app, backOffice);
    const workflowId = `case-${caseId}`;

    const codec = ['--codec-endpoint', `http://127.0.0.1:${port}/codec`, '--codec-auth', await bearer(supervisor)];
    const plain = await describeCase(workflowId, ...codec);
    expect(plain).toContain(`Case ${caseId} ·`);
    expect(plain).toMatch(/StaticDetails\s+"DEFECT · NORMAL · via ONLINE · SLA default v\d+/);
    const cipher = await describeCase(workflowId);
    expect(cipher).not.toContain(`Case ${caseId} ·`);

    // The case at a glance, as the UI's Queries tab shows it.
    const { stdout } = await run(TEMPORAL_CLI, ['workflow', 'query', '--workflow-id', workflowId, '--name', 'caseFile', '--address', h.env.address, ...codec]);
    expect(stdout).toMatch(/"status":\s*"OPEN"/);
    expect(stdout).toMatch(/"next":\s*"FIRST_RESPONSE due \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });
});
