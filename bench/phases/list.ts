// listP99Ms: GET /v1/cases over a read model of listRows cases (100,000 in a full run,
// bench/read-model-seed.ts) in a database of its own. The requests cycle through the
// filters a back office and a team lead use and the queues agents work from
// (sort=nextDeadline), and follow cursors a few pages deep. The service call alone is
// timed too, to split HTTP off.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { AesGcmCodec } from '../../codec/aes-gcm-codec';
import { benchKeyRing } from '../keys';
import { mintToken } from '../../api/auth';
import { listCasesQuery } from '../../api/schemas/queries';
import { listCases } from '../../api/services/case-queries';
import { createBenchDatabase } from '../database';
import { seedReadModel } from '../read-model-seed';
import { ApiClient } from '../http';
import type { BenchOptions } from '../options';
import type { Metric } from '../report';
import type { TemporalServer } from '../temporal';
import { nowMs, percentile } from '../stats';

const QUERIES = [
  '',
  'status=OPEN',
  'status=OPEN,IN_PROGRESS,WAITING_ON_CUSTOMER,ESCALATED',
  'status=OPEN&priority=URGENT',
  'priority=HIGH,URGENT&breached=true',
  'customerId=cust-42',
  'customerId=cust-42&status=RESOLVED',
  'assignee=agent-7&status=IN_PROGRESS',
  'category=BILLING&openedFrom=2025-01-01T00:00:00Z',
  'unit=specialist&status=ESCALATED',
  'limit=100',
  // The queues (issue 14): each shape runs on its own index (db/schema.ts).
  'sort=nextDeadline',
  'sort=nextDeadline&assignee=agent-7',
  'sort=nextDeadline&unassigned=true',
  'sort=nextDeadline&unit=specialist',
  'sort=nextDeadline&level=1',
  'sort=nextDeadline&breached=true',
  'sort=nextDeadline&status=OPEN,IN_PROGRESS&priority=URGENT',
  `sort=nextDeadline&dueBefore=${new Date(Date.now() + 2 * 3_600_000).toISOString()}`,
  'sort=nextDeadline&limit=100',
];
const PAGES = 3;

export async function listPhase(temporal: TemporalServer, opts: BenchOptions): Promise<Metric[]> {
  const db = await createBenchDatabase('list');
  let server: Server | undefined;
  try {
    const seedSeconds = await seedReadModel(db, opts.listRows);
    const secret = randomBytes(32).toString('hex');
    const app = createApp({ client: temporal.client, db: db.db, authSecret: secret, rateLimitPerMinute: 1e9, codec: { codec: new AesGcmCodec(benchKeyRing()), uiOrigins: [], trustLocalUi: false } });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const api = new ApiClient((server.address() as { port: number }).port);
    const token = await mintToken(secret, { sub: 'lead', role: 'supervisor' });

    const http: number[] = [];
    const service: number[] = [];
    const byQuery = new Map<string, number[]>();
    const actor = { id: 'lead', role: 'supervisor' as const };
    let i = 0;
    while (http.length < opts.listSamples) {
      const base = QUERIES[i++ % QUERIES.length]!;
      let cursor: string | null = null;
      // First page, then a few more by cursor: deep pages must not get slower.
      for (let page = 0; page < PAGES && http.length < opts.listSamples; page++) {
        const qs = [base, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
        const t = nowMs();
        const body = (await api.expect(200, 'GET', `/v1/cases${qs ? `?${qs}` : ''}`, token)) as { nextCursor: string | null };
        const ms = nowMs() - t;
        http.push(ms);
        byQuery.set(base || '(none)', [...(byQuery.get(base || '(none)') ?? []), ms]);
        const s = nowMs();
        await listCases(db.db, listCasesQuery.parse(Object.fromEntries(new URLSearchParams(qs))), actor);
        service.push(nowMs() - s);
        cursor = body.nextCursor;
        if (!cursor) break;
      }
    }
    api.close();
    const slowest = [...byQuery.entries()]
      .map(([q, v]) => [q, percentile(v, 99)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([q, p]) => `${q} ${p.toFixed(1)} ms`)
      .join('; ');
    return [
      {
        key: 'listP99Ms',
        label: `GET /v1/cases p99 over ${opts.listRows} cases`,
        ours: percentile(http, 99),
        value: percentile(http, 99),
        unit: 'ms',
        target: { op: '<=', value: 20 },
        oursKey: 'listP99Ms',
        note:
          `${opts.listRows.toLocaleString('en')} rows${opts.listRows < 100_000 ? ' (quick: fewer than the 100,000 the target names)' : ''}, seeded in ${seedSeconds.toFixed(0)} s; ` +
          `${http.length} requests, p50 ${percentile(http, 50).toFixed(1)} ms; service call alone p50 ${percentile(service, 50).toFixed(1)} / p99 ${percentile(service, 99).toFixed(1)} ms; slowest p99: ${slowest}`,
      },
    ];
  } finally {
    if (server) {
      server.closeAllConnections();
      server.close();
    }
    await db.drop();
  }
}
