// Encryption keys by key ID, from configuration: "id1:base64,id2:base64". The first
// key encrypts; every listed key decrypts, so a new key can be put first (rotation)
// while payloads written under older keys stay readable.
import { z } from 'zod';

export interface KeyRing {
  activeId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const entry = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,32}:[A-Za-z0-9+/=_-]+$/, 'each key is <id>:<base64 of 32 bytes>')
  .transform((s, ctx) => {
    const [id, b64] = s.split(':') as [string, string];
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: `key ${id} is ${key.length} bytes; AES-256 needs 32` });
      return z.NEVER;
    }
    return [id, key] as const;
  });

export function parseKeyRing(spec: string): KeyRing {
  const entries = z.array(entry).min(1).parse(spec.split(',').map((s) => s.trim()).filter(Boolean));
  const keys = new Map(entries);
  if (keys.size !== entries.length) throw new Error('encryption key IDs must be unique');
  return { activeId: entries[0]![0], keys };
}
