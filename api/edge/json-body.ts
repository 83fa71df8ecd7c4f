// The JSON body parser every route uses: UTF-8 checked byte for byte (body-parser
// would otherwise turn invalid sequences into U+FFFD without a word), then the parsed
// value held to the edge's rule (./admissible) before any handler or schema sees it.
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { admitBody } from './admit-request';

/** body-parser passes this error on as it is (status 400) with its `type`. */
export class InvalidUtf8 extends Error {
  readonly status = 400;
  readonly expose = true;
  readonly type = 'body.invalid-utf8';
  constructor() {
    super('the request body is not valid UTF-8');
  }
}

export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({
    limit,
    strict: true,
    verify: (_req, _res, buf, encoding) => {
      if (encoding === 'utf-8' && !isUtf8(buf)) throw new InvalidUtf8();
    },
  });
  return [parse, admitBody];
}
