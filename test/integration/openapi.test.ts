// The OpenAPI document against the running API: it is valid OpenAPI 3.1, it lists
// exactly the routes Express serves, /docs works from the API's own assets, and every
// operation, fuzzed with requests generated from the document's own schemas, answers
// only statuses the document lists (never a 5xx) with bodies that match their schemas.
// FUZZ_RUNS raises the requests per operation (npm run fuzz:api); FUZZ_SEED replays a run.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Express } from 'express';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import request from 'supertest';
import type { z } from 'zod';
import { createApp } from '../../api/app';
import { buildRegistry, registeredRoutes } from '../../api/openapi/registry';
import { apiFor, appDeps, bearer, TEST_AUTH_SECRET } from '../helpers/api';
import { useHarness } from '../helpers/case-harness';
import { agent, backOffice, customer, manager, supervisor } from '../helpers/fixtures';
import { hinted, validArbitrary, type JsonSchema } from '../helpers/json-schema-arbitraries';
import { nearMissArbitrary } from '../helpers/near-miss-arbitraries';
import { HOSTILE_TEXT, percentEncode, withBadText } from '../helpers/hostile-values';
import { listenApi } from '../../api/edge/http-server';
import { ROOT } from '../helpers/paths';
import { undocumentedKeys } from '../helpers/undocumented-keys';
import { devServerEnv } from '../helpers/temporal';

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};
type Operation = {
  operationId: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};

const h = useHarness(devServerEnv);
let app: Express;
let doc: Doc;
beforeAll(async () => {
  app = apiFor(h);
  doc = (await request(app).get('/openapi.json').expect(200).expect('content-type', /application\/json/)).body;
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([method, op]) => ({ method, path: p, op })));

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (and the validator does reject a broken one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-openapi-'));
    const validate = async (document: unknown) => {
      const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(file, JSON.stringify(document));
      // The validator is an ES module; its CLI runs it outside jest's CommonJS loader.
      const cli = path.join(ROOT, 'node_modules/@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, file]).catch((e: { stdout: string }) => e);
      return JSON.parse(stdout) as { valid: boolean; errors?: unknown };
    };
    try {
      expect(doc).toMatchObject({ openapi: '3.1.0' });
      expect(await validate(doc)).toEqual({ valid: true });
      const { info: _info, ...broken } = doc as Doc & { info: unknown };
      expect((await validate({ ...broken, paths: { '/x': { get: { responses: 'none' } } } })).valid).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every route the Express app serves, and nothing else', () => {
    const served = expressRoutes(app).sort();
    const documented = operations().map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(documented).toEqual(served);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('documents a bearer token on every /v1 operation, none on the public ones, and an optional one on the codec server', () => {
    const expected = (p: string): unknown =>
      p.startsWith('/v1/') ? [{ bearerAuth: [] }] : p.startsWith('/codec/') ? [{ bearerAuth: [] }, {}] : [];
    for (const { path: p, op } of operations()) {
      const security = (op as { security?: unknown }).security;
      expect([p, security]).toEqual([p, expected(p)]);
    }
  });
});

describe('/docs', () => {
  it('is an HTML page whose scripts, style sheets and icon all come from this API', async () => {
    const page = await request(app).get('/docs').expect(200).expect('content-type', /text\/html/);
    const urls = [...page.text.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.some((u) => u.endsWith('.js'))).toBe(true);
    expect(urls.some((u) => u.endsWith('.css'))).toBe(true);
    expect(page.text).not.toMatch(/(?:src|href)="(?:https?:)?\/\//); // no CDN, no other host
    for (const url of urls) {
      const res = await request(app).get(url).buffer(true);
      expect([url, res.status]).toEqual([url, 200]);
      expect(Number(res.headers['content-length'] ?? (res.text ?? '').length)).toBeGreaterThan(0);
    }
    const init = await request(app).get('/docs/assets/casekeeper-docs.js').expect(200);
    expect(init.text).toContain("url: '/openapi.json'");
    await request(app).get('/docs/assets/..%2Fpackage.json').expect(404);
  });
});

describe('fuzzing every operation from the document', () => {
  const runs = Number(process.env.FUZZ_RUNS ?? 20);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const ROUNDS = 2; // the second round also aims at what the first one created

  it(
    'answers only documented statuses, never a 5xx, with bodies that match the documented schemas',
    async () => {
      // A generous rate limit: 429 is documented, but a fuzzer stuck on it would test nothing else.
      const fuzzApp = createApp({ ...appDeps(h), rateLimitPerMinute: 1e9 });
      // The server api/main.ts runs, so Node's parser refusals are answered as in production.
      const server = await listenApi(fuzzApp, 0, '127.0.0.1');
      const base = `http://127.0.0.1:${server.address.port}`;
      try {
        const known = await seedData(fuzzApp);
        const tokens = await tokenPool();
        const routes = new Map(registeredRoutes(buildRegistry()).map((r) => [`${r.method} ${r.path}`, r]));
        const violations: string[] = [];
        const statuses: Record<string, number> = {};
        const byOperation: Record<string, Record<number, number>> = {};
        let sent = 0;
        const started = Date.now();
        for (let round = 0; round < ROUNDS; round++) {
          for (const { method, path: p, op } of operations()) {
            const route = routes.get(`${method} ${p}`)!;
            const numRuns = Math.ceil(runs / ROUNDS);
            for (const spec of fc.sample(requestArbitrary(p, op, known, tokens), { numRuns, seed: seed + sent })) {
              sent += 1;
              const res = await send(base, method, spec).catch((e: Error) => e);
              if (res instanceof Error) {
                violations.push(`${method.toUpperCase()} ${spec.url} [${op.operationId}]: no answer (${res.message})\n  request: ${summarize(spec)}`);
                continue;
              }
              statuses[res.status] = (statuses[res.status] ?? 0) + 1;
              const mine = (byOperation[op.operationId] ??= {});
              mine[res.status] = (mine[res.status] ?? 0) + 1;
              const problem = spec.tainted && res.status < 300 ? `accepted text it must refuse (${res.status})` : check(route, op, res);
              if (problem) violations.push(`${method.toUpperCase()} ${spec.url} [${op.operationId}]: ${problem}\n  request: ${summarize(spec)}`);
              else if (res.status < 300) learn(known, op.operationId, res.body);
            }
          }
        }
        console.log(`fuzz: ${sent} requests in ${Date.now() - started} ms (seed ${seed}, ${runs} per operation); statuses ${JSON.stringify(statuses)}`);
        if (process.env.FUZZ_VERBOSE) console.log(Object.entries(byOperation).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join('\n'));
        expect(violations.slice(0, 20)).toEqual([]);
      } finally {
        await server.stop();
      }
    },
    120_000 + runs * 40 * 250,
  );
});

// --- What the app serves

/** "METHOD /path" for every route, OpenAPI-style ({param}), found by walking the routers. */
function expressRoutes(express: Express): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] }; rawPath?: unknown };
  const walk = (stack: Layer[], prefix: string): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        const p = `${prefix}${layer.route.path}`.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
        return Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${p}`);
      }
      if (layer.handle?.stack) return walk(layer.handle.stack, typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? `${prefix}${layer.rawPath}` : prefix);
      return [];
    });
  return walk((express as unknown as { router: { stack: Layer[] } }).router.stack, '');
}

// --- The data the fuzzer aims at: real cases, a real account, the seeded reference data, and
// whatever the fuzzer itself creates (so later requests reach past "not found").

type Known = Record<'caseId' | 'customerId' | 'id' | 'calendarId' | 'slaPolicyId' | 'grantId' | 'cursor' | 'timezone', string[]>;

async function seedData(fuzzApp: Express): Promise<Known> {
  const caseIds: string[] = [];
  const system = await bearer(backOffice);
  const opens = [
    { by: system, category: 'BILLING', priority: 'HIGH' },
    { by: system, category: 'INQUIRY', priority: 'LOW' },
    { by: system, category: 'SECURITY_VULNERABILITY', priority: 'URGENT' },
    { by: await bearer(customer), category: 'ACCOUNT', priority: 'NORMAL' },
  ];
  for (const [i, o] of opens.entries()) {
    const res = await request(fuzzApp)
      .post('/v1/cases')
      .set('authorization', o.by)
      .set('idempotency-key', `fuzz-seed-${i}`)
      .send({ customerId: 'acme', subject: `Seed case ${i}`, description: 'Opened for the API fuzz test.', category: o.category, priority: o.priority, channel: 'API' })
      .expect(201);
    caseIds.push(res.body.caseId);
  }
  const page = await request(fuzzApp).get('/v1/cases?limit=1').set('authorization', system).expect(200);
  await request(fuzzApp).put('/v1/customers/acme/account').set('authorization', system).send({ name: 'Acme Ltd', details: { plan: 'gold' } }).expect(200);
  return {
    caseId: caseIds,
    customerId: ['acme', 'globex'],
    id: ['default', 'cn-mainland', '24x7-utc'],
    calendarId: ['cn-mainland', '24x7-utc'],
    slaPolicyId: ['default'],
    grantId: [],
    cursor: [page.body.nextCursor],
    timezone: ['UTC', 'Asia/Shanghai', 'America/New_York'],
  };
}

/** Remembers IDs a successful answer created or revealed. */
function learn(known: Known, operationId: string, body: unknown): void {
  const add = (k: keyof Known, v: unknown) => {
    if (typeof v === 'string' && !known[k].includes(v) && known[k].length < 50) known[k].push(v);
  };
  const b = body as { caseId?: string; id?: string; nextCursor?: string; case?: { compensation?: { id: string }[] } };
  if (operationId === 'listCases') add('cursor', b.nextCursor);
  if (operationId === 'openCase') add('caseId', b.caseId);
  if (operationId === 'saveCalendar') add('calendarId', b.id);
  if (operationId === 'saveSlaPolicy') add('slaPolicyId', b.id);
  if (operationId === 'saveCalendar' || operationId === 'saveSlaPolicy') add('id', b.id);
  for (const g of b.case?.compensation ?? []) add('grantId', g.id);
}

async function tokenPool(): Promise<{ valid: string[]; invalid: string[] }> {
  const sign = (claims: Record<string, unknown>, secret = TEST_AUTH_SECRET, exp: number | string = '1h') =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('fuzzer').setIssuedAt().setExpirationTime(exp).sign(new TextEncoder().encode(secret));
  const valid = await Promise.all(
    [
      customer,
      { id: 'globex-user', role: 'customer' as const, customerId: 'globex' },
      agent,
      { ...agent, id: 'agent-no-authority', compensationLimit: 0 },
      supervisor,
      manager,
      { id: 'admin-ada', role: 'admin' as const },
      backOffice,
    ].map(bearer),
  );
  const invalid = [
    '',
    'Bearer',
    'Bearer not.a.token',
    'Basic dXNlcjpwYXNz',
    `Bearer ${await sign({ role: 'agent' }, 'another-secret-that-is-long-enough-for-hs256')}`,
    `Bearer ${await sign({ role: 'agent' }, TEST_AUTH_SECRET, Math.floor(Date.now() / 1000) - 60)}`,
    `Bearer ${await sign({ role: 'superuser' })}`,
    `Bearer ${await sign({ role: 'customer' })}`,
    `Bearer ${await sign({})}`,
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.',
  ];
  return { valid, invalid };
}

// --- Requests generated from the document

interface RequestSpec {
  url: string;
  headers: Record<string, string>;
  /** A JSON value to serialise, or raw text sent as is. */
  body?: { json: unknown } | { raw: string | Buffer };
  /** It holds text the API must refuse: any 2xx answer is a finding. */
  tainted?: boolean;
}

const ODD_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/xml', 'multipart/form-data; boundary=x'];
// Broken percent-encoding, then what must be refused once decoded (NUL, a C1 control, a
// lone surrogate's bytes), then a bidi mark that is fine as text.
const BROKEN_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%00', 'a%C2%85b', '%ED%A0%80', '%E2%80%AE'];
// Header values reach the API as Latin-1: \u0085 and \u009b are C1 controls (NUL and DEL no client sends).
const ODD_KEYS = ['', ' ', 'has space', 'x'.repeat(256), 'caf\u00e9', 'key\u0085', '\u009bkey'];
const ANSWER_WITHIN_MS = 15_000;
const RAW_BODIES: (string | Buffer)[] = [
  '{', '{"a":', 'null', '[]', '"text"', 'NaN', '{"__proto__":{"x":1}}', '\u0000',
  '{"name":"a\\u0000b","details":{"k\\ud800":1}}', // escapes that parse into NUL and a lone surrogate
  '{"amount":-0,"rating":1e309,"toLevel":2147483648}',
  `{"details":${'['.repeat(5_000)}${']'.repeat(5_000)}}`, // deeper than any stack should recurse
  Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]), // {"a":"<invalid UTF-8>"}
];

/**
 * Requests for one operation: most follow the document to the letter (so they reach the
 * handlers and the workflow), the rest bend one or more parts of it at random.
 */
function requestArbitrary(p: string, op: Operation, known: Known, tokens: { valid: string[]; invalid: string[] }): fc.Arbitrary<RequestSpec> {
  return fc.oneof(
    { weight: 3, arbitrary: requestParts(p, op, known, tokens, false) },
    { weight: 2, arbitrary: requestParts(p, op, known, tokens, true) },
    { weight: 2, arbitrary: tainted(requestParts(p, op, known, tokens, false)) },
  );
}

/**
 * A request by the document in every way but one: a body string or query value holding
 * text the API must refuse (in a URL a lone surrogate arrives as U+FFFD, which it may take).
 */
function tainted(requests: fc.Arbitrary<RequestSpec>): fc.Arbitrary<RequestSpec> {
  return fc.tuple(requests, fc.constantFrom(...HOSTILE_TEXT), fc.nat()).map(([spec, bad, pick]) => {
    if (spec.body && 'json' in spec.body) return { ...spec, body: { json: withBadText(spec.body.json, bad, pick) }, tainted: true };
    const [path, query] = spec.url.split('?');
    if (!query) return spec;
    const pairs = query.split('&');
    pairs[pick % pairs.length] += percentEncode(bad);
    return { ...spec, url: `${path}?${pairs.join('&')}`, tainted: !/[\ud800-\udfff]/.test(bad) };
  });
}

function requestParts(p: string, op: Operation, known: Known, tokens: { valid: string[]; invalid: string[] }, hostile: boolean): fc.Arbitrary<RequestSpec> {
  const ctx = { components: doc.components.schemas, hints: known };
  const params = op.parameters ?? [];
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  // In a hostile request each part goes wrong now and then; `bent` picks the wrong version.
  const bent = <T,>(ok: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>, oddsWrong = 3): fc.Arbitrary<T> =>
    hostile ? fc.oneof({ weight: oddsWrong, arbitrary: ok }, { weight: 1, arbitrary: wrong }) : ok;

  const pathArbs = params
    .filter((x) => x.in === 'path')
    .map((x) =>
      bent<string>(
        hinted(x.name, validArbitrary(x.schema, ctx), ctx).map((v) => percentEncode(asText(v))),
        fc.oneof(
          // Dot segments are resolved by clients before sending, and an empty segment is another route.
          fc.string({ minLength: 1, maxLength: 70, unit: 'grapheme' }).filter((s) => s !== '.' && s !== '..').map(percentEncode),
          fc.constantFrom(...BROKEN_SEGMENTS),
        ),
        2,
      ).map((v) => [x.name, v] as const),
    );

  const queryArbs = params
    .filter((x) => x.in === 'query')
    .map((x) => {
      const one = hinted(x.name, validArbitrary(x.schema, ctx), ctx).map((v) => [asText(v)]);
      const ok = x.required ? one : fc.option(one, { freq: 2 });
      const wrong = fc.oneof(
        fc.constant(null),
        nearMissArbitrary(x.schema, ctx).map((v) => [asText(v)]),
        fc.array(validArbitrary(x.schema, ctx).map(asText), { minLength: 2, maxLength: 3 }),
      );
      return bent<string[] | null>(ok, wrong).map((values) => (values ?? []).map((v) => `${x.name}=${percentEncode(v)}`));
    });
  const extraQuery = bent(fc.constant([] as string[]), fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 })).map(([k, v]) => [`${percentEncode(k)}=${percentEncode(v)}`]));

  const idempotency = params.find((x) => x.in === 'header' && x.name === 'Idempotency-Key');
  const keyOk: fc.Arbitrary<string | undefined> = idempotency
    ? idempotency.required
      ? (validArbitrary(idempotency.schema, ctx) as fc.Arbitrary<string>)
      : fc.option(validArbitrary(idempotency.schema, ctx) as fc.Arbitrary<string>, { nil: undefined })
    : fc.constant(undefined);
  const keyArb = bent<string | undefined>(keyOk, fc.oneof(fc.constant(undefined), fc.constantFrom(...ODD_KEYS)));
  const authArb = bent(fc.constantFrom(...tokens.valid), fc.constantFrom(...tokens.invalid));

  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const raw = fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ maxLength: 30 })).map((r) => ({ raw: r }));
  const huge = fc.constant({ raw: JSON.stringify({ message: 'x'.repeat(70 * 1024) }) });
  const bodyArb: fc.Arbitrary<RequestSpec['body']> = bodySchema
    ? bent<RequestSpec['body']>(
        validArbitrary(bodySchema, ctx).map((json) => ({ json })),
        fc.oneof(
          { weight: 4, arbitrary: nearMissArbitrary(bodySchema, ctx).map((json) => ({ json })) },
          { weight: 1, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: raw },
          { weight: 1, arbitrary: huge },
        ),
        1,
      )
    : bent<RequestSpec['body']>(fc.constant(undefined), fc.oneof(fc.jsonValue({ maxDepth: 2 }).map((json) => ({ json })), raw, huge));
  const typeArb = bent(fc.constantFrom('application/json', 'application/json; charset=utf-8'), fc.constantFrom(...ODD_TYPES));

  return fc
    .record({ path: fc.tuple(...pathArbs), query: fc.tuple(...queryArbs), extraQuery, auth: authArb, key: keyArb, body: bodyArb, type: typeArb })
    .map(({ path: pathValues, query, extraQuery: extra, auth, key, body, type }) => {
      const url = pathValues.reduce((u, [name, value]) => u.replace(`{${name}}`, value), p);
      const pairs = [...query.flat(), ...extra];
      return {
        url: pairs.length ? `${url}?${pairs.join('&')}` : url,
        headers: {
          ...(auth ? { authorization: auth } : {}),
          ...(key !== undefined ? { 'idempotency-key': key } : {}),
          ...(body ? { 'content-type': type } : {}),
        },
        ...(body ? { body } : {}),
      };
    });
}

async function send(base: string, method: string, spec: RequestSpec): Promise<request.Response> {
  // A hung request is a finding too: Temporal queries would otherwise wait 30 s and answer 503.
  let req = request(base)[method as 'get'](spec.url).buffer(true).timeout({ response: ANSWER_WITHIN_MS });
  for (const [k, v] of Object.entries(spec.headers)) req = req.set(k, v);
  if (spec.body) req = req.send('json' in spec.body ? JSON.stringify(spec.body.json) : spec.body.raw);
  return req.ok(() => true);
}

/** What is wrong with this answer, by the document and the registry's zod schemas; undefined when nothing. */
function check(route: ReturnType<typeof registeredRoutes>[number], op: Operation, res: request.Response): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${res.text?.slice(0, 300)}`;
  const documented = op.responses[String(res.status)];
  if (!documented) return `answered ${res.status}, which is not documented (documented: ${Object.keys(op.responses).join(', ')}): ${res.text?.slice(0, 300)}`;
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  const content = (route.responses[String(res.status)] as { content?: Record<string, { schema?: unknown }> }).content ?? {};
  if (!(mediaType in content)) return `answered ${res.status} as ${mediaType || 'nothing'}; documented: ${Object.keys(content).join(', ')}`;
  if (mediaType.endsWith('json')) {
    const schema = content[mediaType]!.schema as z.ZodType;
    const body: unknown = JSON.parse(res.text);
    const parsed = schema.safeParse(body);
    if (!parsed.success) return `the ${res.status} body does not match its schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
    const extra = undocumentedKeys(schema, body);
    if (extra.length > 0) return `the ${res.status} body has undocumented fields: ${extra.slice(0, 5).join(', ')}`;
  }
  return undefined;
}

function summarize(spec: RequestSpec): string {
  const auth = spec.headers.authorization ? `${spec.headers.authorization.slice(0, 24)}…` : 'none';
  const body = spec.body ? ('json' in spec.body ? JSON.stringify(spec.body.json) : `raw ${JSON.stringify(spec.body.raw)}`) : 'none';
  return `auth ${auth}; idempotency-key ${JSON.stringify(spec.headers['idempotency-key'])}; type ${spec.headers['content-type']}; body ${body.slice(0, 300)}`;
}
