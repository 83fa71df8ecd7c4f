// A worker in a process of its own, so its memory can be read without the bench's
// (API, HTTP client, the other workers) mixed in. Started by phases/memory.ts with IPC:
// it answers 'status' with the worker's load and 'measure' with memory after GC.
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { openDatabase } from '../db/client';
import { createCaseWorker } from '../worker/create-worker';
import { BASELINE_BUNDLE, CASE_BUNDLE, loadBundle } from './bundles';
import { benchKeyRing } from './keys';
import { loadOf } from './settle';
import { sleep } from './stats';

export interface ProbeMemory {
  rss: number;
  heapUsed: number;
  external: number;
}

async function main(): Promise<void> {
  const [kind, address, namespace, taskQueue, dbUrl] = process.argv.slice(2) as [string, string, string, string, string];
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker =
    kind === 'case'
      ? await createCaseWorker({ connection, namespace, taskQueue, db: (await openDatabase({ url: dbUrl, pgliteDir: '' })).db, workflowBundle: loadBundle(CASE_BUNDLE), keyRing: benchKeyRing() })
      : await Worker.create({ connection, namespace, taskQueue, workflowBundle: loadBundle(BASELINE_BUNDLE), activities: { woke: async () => undefined } });
  const running = worker.run();
  process.on('message', (msg: string) => {
    void (async () => {
      if (msg === 'status') process.send!({ status: loadOf(worker) });
      else if (msg === 'measure') process.send!({ memory: await measure() });
      else if (msg === 'stop') {
        worker.shutdown();
        await running;
        process.exit(0);
      }
    })();
  });
  process.send!({ ready: true });
}

/**
 * RSS after collecting garbage: it counts the main heap, the workflow thread's V8
 * heap (where cached workflows live) and the SDK's native core alike. gc() reaches the
 * main isolate only, so the workflow thread's garbage is given time to go on its own.
 */
async function measure(): Promise<ProbeMemory> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(300);
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
