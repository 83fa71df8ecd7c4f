// Provisioning's `temporal` CLI step (scripts/lib/temporal-cli.sh) as a machine without
// a suitable Go meets it: a release binary put at .tools/bin/temporal is accepted on its
// own `--version` (no stamp file), one of the right version on the PATH is used, and
// otherwise the message asks for Go 1.25+ or the release binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/paths';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'temporal-cli-'));
  fs.mkdirSync(path.join(tmp, 'tools/bin'), { recursive: true });
  fs.mkdirSync(path.join(tmp, 'path'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** An executable that answers like the named program. */
function fake(file: string, script: string): string {
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return file;
}
const fakeTemporal = (file: string, version: string): string => fake(file, `echo "temporal version ${version} (Server 1.29.1, UI 2.42.1)"`);

/** Runs the step with only our fakes and the system's basic tools on the PATH (no real Go, no real temporal). */
function provisionTemporal(): { status: number | null; output: string } {
  const lib = path.join(ROOT, 'scripts/lib');
  const r = spawnSync('/bin/bash', ['-c', `source ${lib}/step.sh; source ${lib}/temporal-cli.sh; temporal_cli`], {
    env: { PATH: `${path.join(tmp, 'path')}:/usr/bin:/bin`, CASEKEEPER_TOOLS_DIR: path.join(tmp, 'tools'), HOME: tmp },
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

describe('provisioning the temporal CLI', () => {
  it('when a release binary of the right version sits at .tools/bin/temporal with no stamp file, then it is used as is', () => {
    fakeTemporal(path.join(tmp, 'tools/bin/temporal'), '1.5.1');
    const r = provisionTemporal();
    expect(r.status).toBe(0);
    expect(r.output).toContain('temporal CLI v1.5.1 is ready');
  });

  it('when a temporal of the right version is on the PATH, then provisioning uses it instead of building one', () => {
    const onPath = fakeTemporal(path.join(tmp, 'path/temporal'), '1.5.1');
    const r = provisionTemporal();
    expect(r.status).toBe(0);
    expect(r.output).toContain(`using the temporal CLI v1.5.1 on the PATH (${onPath})`);
    expect(fs.realpathSync(path.join(tmp, 'tools/bin/temporal'))).toBe(fs.realpathSync(onPath));
  });

  it('when only another version is around and Go is older than 1.25, then it fails asking for Go 1.25+ or the release binary', () => {
    fakeTemporal(path.join(tmp, 'path/temporal'), '1.3.0');
    fake(path.join(tmp, 'path/go'), '[ "$1 $2" = "env GOVERSION" ] && echo go1.22.5');
    const r = provisionTemporal();
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no Go 1.25+ to build one (found: go1.22.5)');
    expect(r.output).toContain('put the v1.5.1 release binary');
  });
});
