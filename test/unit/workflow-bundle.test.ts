// The workflow bundle a worker loads at start is the one for the code as it is: its name
// carries a hash of the workflow and domain sources (and the pinned packages), so an edit
// there means a new bundle, while other edits keep the prebuilt one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preparedWorkflowBundle, workflowSourceHash } from '../../worker/workflow-bundle';
import { ROOT } from '../helpers/paths';

let copy: string;
beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-sources-'));
  for (const part of ['workflows', 'domain', 'codec/failure-converter.ts', 'package-lock.json', 'api/app.ts']) {
    fs.cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true });
  }
});
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

describe('the prebuilt workflow bundle', () => {
  it('when a workflow or domain source changes, then the hash changes; when only API code changes, it does not', () => {
    const first = workflowSourceHash(copy);
    fs.appendFileSync(path.join(copy, 'api/app.ts'), '\n// edited\n');
    expect(workflowSourceHash(copy)).toBe(first);
    fs.appendFileSync(path.join(copy, 'domain/clocks.ts'), '\n// edited\n');
    const second = workflowSourceHash(copy);
    expect(second).not.toBe(first);
    fs.appendFileSync(path.join(copy, 'workflows/index.ts'), '\n// edited\n');
    expect(workflowSourceHash(copy)).not.toBe(second);
  });

  it('when the bundle for the current code is there, then the worker loads it without building', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-dir-'));
    const current = path.join(dir, `workflow-bundle-${workflowSourceHash()}.js`);
    fs.writeFileSync(current, '/* prebuilt */');
    await expect(preparedWorkflowBundle(dir)).resolves.toEqual({ bundle: { codePath: current }, built: false });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
