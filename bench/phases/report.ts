// reportP99Ms: GET /v1/reports/sla over a period holding listRows cases (100,000 in a
// full run, bench/read-model-seed.ts), cycling through the five groupings, a fifth of
// the requests as CSV. Every figure is computed by PostgreSQL per request: no cache.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../../api/app';
import { mintToken } from '../../api/auth';
import { REPORT_GROUPS } from '../../api/schemas/reports';
import { AesGcmCodec } from '../../codec/aes-gcm-codec';
import { createBenchDatabase } from '../database';
import { benchKeyRing } from '../keys';
import type { BenchOptions } from '../options';
import { SEEDED_DAYS, seedReadModel } from '../read-model-seed';
import type { Metric } from '../report';
import { nowMs, percentile } from '../stats';
import type { TemporalServer } from '../temporal';

export async function reportPhase(temporal: TemporalServer, opts: BenchOptions): Promise<Metric[]> {
  const db = await createBenchDatabase('report');
  let server: Server | undefined;
  try {
    const seedSeconds = await seedReadModel(db, opts.listRows);
    const secret = randomBytes(32).toString('hex');
    const app = createApp({ client: temporal.client, db: db.db, authSecret: secret, rateLimitPerMinute: 1e9, codec: { codec: new AesGcmCodec(benchKeyRing()), uiOrigins: [], trustLocalUi: false } });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as { port: number }).port;
    const token = await mintToken(secret, { sub: 'lead', role: 'supervisor' });
    // The whole seeded year: every seeded case is in the period.
    const to = new Date(Date.now() + 3_600_000);
    const from = new Date(to.getTime() - SEEDED_DAYS * 86_400_000 - 2 * 3_600_000);
    const samples = opts.quick ? 10 : 40;
    const times: number[] = [];
    const byGroup = new Map<string, number[]>();
    let opened = 0;
    for (let i = 0; i < samples; i++) {
      const groupBy = REPORT_GROUPS[i % REPORT_GROUPS.length]!;
      const csv = i % 5 === 4;
      const t = nowMs();
      const res = await fetch(`http://127.0.0.1:${port}/v1/reports/sla?from=${from.toISOString()}&to=${to.toISOString()}&groupBy=${groupBy}`, {
        headers: { authorization: `Bearer ${token}`, accept: csv ? 'text/csv' : 'application/json' },
      });
      const body = await res.text();
      const ms = nowMs() - t;
      if (res.status !== 200) throw new Error(`report answered ${res.status}`);
      if (!csv) opened = (JSON.parse(body) as { groups: { opened: number }[] }).groups.reduce((n, g) => n + g.opened, 0);
      times.push(ms);
      byGroup.set(groupBy, [...(byGroup.get(groupBy) ?? []), ms]);
    }
    const perGroup = [...byGroup.entries()].map(([g, v]) => `${g} ${percentile(v, 99).toFixed(0)} ms`).join('; ');
    return [
      {
        key: 'reportP99Ms',
        label: `GET /v1/reports/sla p99 over a ${opened.toLocaleString('en')}-case period`,
        ours: percentile(times, 99),
        value: percentile(times, 99),
        unit: 'ms',
        target: { op: '<=', value: 1000 },
        oursKey: 'reportP99Ms',
        note:
          `${opts.listRows.toLocaleString('en')} rows${opts.listRows < 100_000 ? ' (quick: fewer than the 100,000 the target names)' : ''}, seeded in ${seedSeconds.toFixed(0)} s; ` +
          `${times.length} requests (a fifth as CSV), p50 ${percentile(times, 50).toFixed(0)} ms; p99 by grouping: ${perGroup}`,
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
