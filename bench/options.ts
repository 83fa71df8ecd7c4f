// Command-line flags of `npm run bench` and the sizes they imply. Quick sizes keep
// a run under three minutes on two cores; full sizes are what docs/PERFORMANCE.md shows.
export interface BenchOptions {
  quick: boolean;
  json?: string;
  /** Which phases to run (all by default); lets one profile a single phase. */
  only?: Set<string>;
  /** Requests in flight at once for the throughput phase. */
  concurrency: number;
  creates: number;
  actionSamples: number;
  driftCases: number;
  driftActions: number;
  breachCases: number;
  memoryWorkflows: number;
  lagSamples: number;
  listRows: number;
  listSamples: number;
  /** Open cases a roll-out moves (rolloutSecondsPer10k scales to 10,000). */
  rolloutCases: number;
}

// Quick drift stops at action #500: latency grows with every action, so #1,500 alone
// would take minutes (the full run does it).
const QUICK = { creates: 300, actionSamples: 300, driftCases: 1, driftActions: 500, breachCases: 200, memoryWorkflows: 300, lagSamples: 60, listRows: 20_000, listSamples: 300, rolloutCases: 1000 };
const FULL = { creates: 2000, actionSamples: 1500, driftCases: 4, driftActions: 1500, breachCases: 1000, memoryWorkflows: 1000, lagSamples: 300, listRows: 100_000, listSamples: 1500, rolloutCases: 10_000 };

export const PHASES = ['create', 'action', 'drift', 'breach', 'memory', 'lag', 'list', 'report', 'billing', 'rollout'] as const;
/** Diagnostics that run only when named in --only. */
const EXTRA_PHASES = ['breakdown'];

const HELP = `usage: npm run bench -- [--quick] [--json FILE] [--only create,action,...] [--concurrency N]
       [--creates N] [--action-samples N] [--drift-cases N] [--drift-actions N] [--breach-cases N]
       [--memory-workflows N] [--lag-samples N] [--list-rows N] [--list-samples N] [--rollout-cases N]
phases: ${PHASES.join(', ')} (and breakdown: the action path step by step, only when named)`;

export function parseOptions(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const sizes: Record<string, number> = { ...(quick ? QUICK : FULL) };
  const opts: BenchOptions = { quick, concurrency: 16, ...(sizes as typeof FULL) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--quick') continue;
    if (flag === '--help' || flag === '-h') {
      console.log(HELP);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${HELP}`);
    if (flag === '--json') opts.json = value;
    else if (flag === '--only') {
      const names = value.split(',');
      const unknown = names.filter((n) => ![...PHASES, ...EXTRA_PHASES].includes(n));
      if (unknown.length) throw new Error(`unknown phase ${unknown.join(', ')}\n${HELP}`);
      opts.only = new Set(names);
    } else {
      // --drift-actions → driftActions: every size flag is its option's name in kebab case.
      const key = flag.replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof BenchOptions;
      const n = Number(value);
      if (!(key in FULL) && key !== 'concurrency') throw new Error(`unknown flag ${flag}\n${HELP}`);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive integer, got ${value}`);
      (opts as unknown as Record<string, number>)[key] = n;
    }
  }
  return opts;
}

export const runs = (opts: BenchOptions, phase: (typeof PHASES)[number]): boolean => !opts.only || opts.only.has(phase);
