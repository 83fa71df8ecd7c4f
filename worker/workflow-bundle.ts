// The workflow bundle, built ahead (provisioning runs scripts/build-workflow-bundle.ts)
// and loaded at start: a worker that bundles at start spends seconds in webpack before
// it polls. A bundle's file name carries a hash of everything that goes into it, so a
// bundle that no longer matches the code is never loaded; a worker that finds none for
// its code builds it once, writes it for the next start, and runs it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import type { Logger } from 'pino';
import { FAILURE_CONVERTER_PATH } from '../codec/aes-gcm-codec';

const ROOT = path.resolve(__dirname, '..');
/** What a bundle is made of: the workflow code, the domain it imports, the failure converter, the pinned packages. */
const SOURCES = ['workflows', 'domain', 'codec/failure-converter.ts', 'package-lock.json'];
const BUNDLE_NAME = /^workflow-bundle-[0-9a-f]{16}\.js$/;

function filesUnder(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).sort().flatMap((name) => filesUnder(path.join(p, name)));
}

/** A short hash of the bundle's sources (names and contents); it changes whenever the bundle would. */
export function workflowSourceHash(root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => filesUnder(path.join(root, s)))) {
    hash.update(`${path.relative(root, file)}\0`).update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Where the bundles live: a folder of the data directory (CASEKEEPER_DATA_DIR). */
export const workflowBundleDir = (dataDir: string): string => path.join(dataDir, 'workflow-bundle');

/** The bundle for the code as it is now (a file, or the code itself where the folder is read-only), and whether it had to be built. */
export async function preparedWorkflowBundle(dir: string, logger?: Logger): Promise<{ bundle: WorkflowBundleOption; built: boolean }> {
  const file = path.join(dir, `workflow-bundle-${workflowSourceHash()}.js`);
  if (fs.existsSync(file)) return { bundle: { codePath: file }, built: false };
  logger?.info('no workflow bundle matches the code: building one (seconds; provisioning builds it ahead)');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH, // as a worker bundling from workflowsPath gets it
    logger: bundlerLogger(logger),
  });
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Written whole, then renamed: a worker starting meanwhile never reads half a bundle.
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  } catch (err) {
    logger?.warn({ dir, errorCode: (err as NodeJS.ErrnoException).code }, 'cannot keep the workflow bundle for the next start (read-only data folder?)');
    return { bundle: { code }, built: true };
  }
  for (const old of fs.readdirSync(dir)) {
    if (BUNDLE_NAME.test(old) && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
  }
  return { bundle: { codePath: file }, built: true };
}

/** webpack's chatter at debug; its warnings and errors as they are. */
function bundlerLogger(logger?: Logger): Parameters<typeof bundleWorkflowCode>[0]['logger'] {
  const noop = (): void => undefined;
  if (!logger) return { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
  const at = (level: 'debug' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => logger[level](meta ?? {}, message);
  return { trace: noop, debug: at('debug'), info: at('debug'), warn: at('warn'), error: at('error'), log: (_level, message, meta) => logger.debug(meta ?? {}, message) };
}
