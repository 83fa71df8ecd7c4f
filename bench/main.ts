/**
 * `npm run bench`: how close Casekeeper runs to the Temporal server's own limit.
 * Every figure is a ratio against a baseline measured in the same run on the same
 * servers (or an absolute latency where the issue names one). bench/run.sh provisions
 * and provides PostgreSQL; this file starts the rest, runs the phases, reports.
 */
import { buildBundles } from './bundles';
import { createBenchDatabase } from './database';
import { parseOptions, runs, type BenchOptions } from './options';
import { actionPhase } from './phases/action';
import { billingPhase } from './phases/billing';
import { breachPhase } from './phases/breach';
import { breakdownPhase } from './phases/breakdown';
import { createPhase } from './phases/create';
import { driftPhase } from './phases/drift';
import { lagPhase } from './phases/lag';
import { listPhase } from './phases/list';
import { reportPhase } from './phases/report';
import { memoryPhase } from './phases/memory';
import { rolloutPhase } from './phases/rollout';
import { machine, printTable, writeJson, type Metric } from './report';
import { startStack, type Stack } from './stack';
import { startTemporal } from './temporal';

const log = (msg: string): void => console.error(`[bench] ${msg}`);

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`▶ ${name}`);
  const result = await fn();
  log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return result;
}

async function main(): Promise<void> {
  const opts: BenchOptions = parseOptions(process.argv.slice(2));
  const began = Date.now();
  await timed('bundling workflows', buildBundles);
  const temporal = await timed('Temporal server', startTemporal);
  const db = await createBenchDatabase('run');
  let stack: Stack | undefined;
  const metrics: Metric[] = [];
  try {
    stack = await timed('workers and API', () => startStack(temporal, db));
    const s = stack;
    if (runs(opts, 'create')) metrics.push(...(await timed('create throughput', () => createPhase(s, opts))));
    if (runs(opts, 'action')) metrics.push(...(await timed('action round trip', () => actionPhase(s, opts))));
    if (runs(opts, 'drift')) metrics.push(...(await timed('action drift over a long case', () => driftPhase(s, opts))));
    if (runs(opts, 'breach')) metrics.push(...(await timed('simultaneous breaches', () => breachPhase(s, opts))));
    if (runs(opts, 'memory')) metrics.push(...(await timed('worker memory per cached workflow', () => memoryPhase(s, opts))));
    if (runs(opts, 'lag')) metrics.push(...(await timed('read-model lag', () => lagPhase(s, opts))));
    if (opts.only?.has('breakdown')) metrics.push(...(await timed('action path breakdown', () => breakdownPhase(s, opts))));
    if (runs(opts, 'billing')) metrics.push(...(await timed('Temporal Cloud actions per request', () => billingPhase(s))));
    if (runs(opts, 'rollout')) metrics.push(...(await timed('roll-out of a policy version to open cases', () => rolloutPhase(s, opts))));
    if (runs(opts, 'list')) metrics.push(...(await timed('case list over a large read model', () => listPhase(temporal, opts))));
    if (runs(opts, 'report')) metrics.push(...(await timed('SLA report over a large period', () => reportPhase(temporal, opts))));
  } finally {
    await stack?.stop();
    await db.drop();
    await temporal.stop();
  }
  const seconds = Math.round((Date.now() - began) / 1000);
  const host = machine();
  const sizes = Object.fromEntries(Object.entries(opts).filter(([k]) => !['json', 'only'].includes(k)));
  printTable(metrics, [
    `${opts.quick ? 'quick' : 'full'} run in ${seconds} s on ${host.cpus} × ${host.cpuModel}, ${host.memoryGiB} GiB, Node ${host.node}; ${temporal.description}`,
  ]);
  if (opts.json) {
    writeJson(opts.json, metrics, { mode: opts.quick ? 'quick' : 'full', seconds, sizes, machine: host, temporal: temporal.description });
    log(`wrote ${opts.json}`);
  }
}

main().then(
  () => process.exit(0), // the SDK's native runtime would otherwise keep the process up a while
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
