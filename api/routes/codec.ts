// The codec server the Temporal UI and CLI call to show encrypted case state in clear
// (POST /codec/decode, /codec/encode, Temporal's codec-server protocol: payloads with
// base64 metadata and data). Callers are staff with a bearer token; on a local
// system bound to loopback (npm start) the local Temporal UI's origin may call
// without one, since that UI has no login to pass a token from.
import { Router, type RequestHandler } from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';
import { authenticate } from '../auth';
import type { TokenRules } from '../token-rules';
import { parse } from '../parse';
import { unprocessable } from '../problem';
import { allow } from '../roles';
import { jsonBody } from '../edge/json-body';

export interface CodecOptions {
  codec: PayloadCodec;
  /** The API's token rules: the codec server takes the same staff tokens. */
  auth: TokenRules;
  /** Origins allowed by CORS: the Temporal UI's. */
  uiOrigins: string[];
  /** Let the UI origin call without a token (only for a loopback-bound local system). */
  trustLocalUi: boolean;
}

const b64 = z.string().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64');
// Protobuf JSON leaves an empty list out: the temporal CLI sends `{}` to encode a query without arguments.
export const codecBody = z.object({ payloads: z.array(z.object({ metadata: z.record(z.string(), b64).optional(), data: b64.optional() })).max(1000).default([]) });

const toPayload = (p: z.infer<typeof codecBody>['payloads'][number]): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});
export const fromPayload = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

export function codecRouter(opts: CodecOptions): Router {
  const r = Router();
  const cors: RequestHandler = (req, res, next) => {
    const origin = req.get('origin');
    if (origin && opts.uiOrigins.includes(origin)) {
      res.set({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'authorization, content-type, x-namespace',
        'access-control-allow-credentials': 'true',
        vary: 'origin',
      });
    }
    if (req.method === 'OPTIONS') return void res.status(204).end(); // CORS preflight
    next();
  };
  r.use('/codec', cors, ...jsonBody('4mb'));
  const bearer = authenticate(opts.auth);
  const staffOnly = allow('supervisor', 'manager', 'admin');
  const who: RequestHandler = (req, res, next) => {
    const origin = req.get('origin');
    if (!req.get('authorization') && opts.trustLocalUi && origin && opts.uiOrigins.includes(origin)) return next();
    bearer(req, res, (err?: unknown) => (err ? next(err) : staffOnly(req, res, next)));
  };
  for (const op of ['decode', 'encode'] as const) {
    r.post(`/codec/${op}`, who, async (req, res) => {
      const { payloads } = parse(codecBody, req.body, 'request body');
      try {
        const out = await opts.codec[op](payloads.map(toPayload));
        res.json({ payloads: out.map(fromPayload) });
      } catch (e) {
        throw unprocessable(`cannot ${op}: ${(e as Error).message}`);
      }
    });
  }
  return r;
}
