// The Temporal dev server that `npm start` runs as its child: state in the data folder,
// UI wired to the API's codec server, Casekeeper's search attributes registered.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/case/search-attributes';

const ROOT = path.resolve(__dirname, '..');
export const TEMPORAL_CLI = path.join(process.env.CASEKEEPER_TOOLS_DIR || path.join(ROOT, '.tools'), 'bin/temporal');

export function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > until) reject(new Error(`the Temporal dev server did not listen on port ${port} within ${ms / 1000} s`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** Starts the dev server; `onUnexpectedExit` runs if it stops while we did not ask it to. */
export function startTemporal(opts: { dataDir: string; port: number; uiPort: number; codecEndpoint: string; onUnexpectedExit: (code: number | null) => void }): { child: ChildProcess; stop: () => Promise<void> } {
  const args = [
    'server', 'start-dev',
    '--db-filename', path.join(opts.dataDir, 'temporal.db'),
    '--port', String(opts.port),
    '--ui-port', String(opts.uiPort),
    '--ip', '127.0.0.1',
    '--log-level', 'error',
    '--ui-codec-endpoint', opts.codecEndpoint, // the UI shows decrypted case state
    ...CASE_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=${k.type}`]),
  ];
  const child = spawn(TEMPORAL_CLI, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  let stopping = false;
  child.on('exit', (code) => {
    if (!stopping) opts.onUnexpectedExit(code);
  });
  const stop = async (): Promise<void> => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, stop };
}
