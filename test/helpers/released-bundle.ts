// The workflow bundle of an earlier release, built from its git commit: what the workers
// still running when a deploy starts execute. Needs the commit in the clone (CI clones
// fully); cached per commit under .data/test, as building takes seconds.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { ROOT } from './paths';

export async function releasedWorkflowBundle(commit: string): Promise<{ code: string }> {
  const cached = path.join(ROOT, '.data/test', `workflow-bundle-${commit}.js`);
  if (fs.existsSync(cached)) return { code: fs.readFileSync(cached, 'utf8') };
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    throw new Error(`commit ${commit} (a released workflow) is not in this clone: a shallow clone needs \`git fetch --unshallow\``);
  }
  fs.mkdirSync(path.join(ROOT, '.data/test'), { recursive: true });
  const tree = fs.mkdtempSync(path.join(ROOT, '.data/test', 'release-'));
  try {
    const archive = execFileSync('git', ['archive', commit, 'workflows', 'domain', 'activities', 'codec', 'config', 'db'], { cwd: ROOT, maxBuffer: 64 << 20 });
    execFileSync('tar', ['-x', '-C', tree], { input: archive });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
    const { code } = await bundleWorkflowCode({
      workflowsPath: path.join(tree, 'workflows'),
      failureConverterPath: path.join(tree, 'codec/failure-converter.ts'),
      logger: quiet,
    });
    fs.writeFileSync(cached, code);
    return { code };
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

const noop = (): void => undefined;
const quiet = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };
