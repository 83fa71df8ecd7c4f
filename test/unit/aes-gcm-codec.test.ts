// Payload encryption (C2.1(g), C4.3): AES-256-GCM by key ID, rotation, tampering.
import { defaultPayloadConverter } from '@temporalio/common';
import { AesGcmCodec, ENCRYPTED_ENCODING } from '../../codec/aes-gcm-codec';
import { parseKeyRing } from '../../codec/keys';

const k = (n: number): string => Buffer.alloc(32, n).toString('base64');
const secret = defaultPayloadConverter.toPayload({ email: 'li.wei@acme.example', text: 'my password is hunter2' });

describe('payload encryption', () => {
  it('when a payload is encoded, then it is ciphertext tagged with the active key, and decoding gives it back', async () => {
    const codec = new AesGcmCodec(parseKeyRing(`new:${k(2)},old:${k(1)}`));
    const [enc] = await codec.encode([secret]);
    expect(Buffer.from(enc!.metadata!.encoding!).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(enc!.metadata!['encryption-key-id']!).toString()).toBe('new');
    expect(Buffer.from(enc!.data!).toString('latin1')).not.toContain('hunter2');
    const [dec] = await codec.decode([enc!]);
    expect(defaultPayloadConverter.fromPayload(dec!)).toEqual({ email: 'li.wei@acme.example', text: 'my password is hunter2' });
  });

  it('when the key is rotated, then payloads under the old key still decode and new ones use the new key', async () => {
    const before = new AesGcmCodec(parseKeyRing(`old:${k(1)}`));
    const after = new AesGcmCodec(parseKeyRing(`new:${k(2)},old:${k(1)}`));
    const [old] = await before.encode([secret]);
    expect(defaultPayloadConverter.fromPayload((await after.decode([old!]))[0]!)).toMatchObject({ text: 'my password is hunter2' });
    const withoutOld = new AesGcmCodec(parseKeyRing(`new:${k(2)}`));
    await expect(withoutOld.decode([old!])).rejects.toThrow(/unknown key old/);
  });

  it('when a ciphertext is altered, then decoding fails instead of returning altered data', async () => {
    const codec = new AesGcmCodec(parseKeyRing(`a:${k(3)}`));
    const [enc] = await codec.encode([secret]);
    const data = Buffer.from(enc!.data!);
    data[20] = data[20]! ^ 0xff;
    await expect(codec.decode([{ ...enc!, data }])).rejects.toThrow();
  });

  it('when a payload was written before encryption, then it passes through unchanged', async () => {
    const codec = new AesGcmCodec(parseKeyRing(`a:${k(3)}`));
    expect(await codec.decode([secret])).toEqual([secret]);
  });

  it('when the key configuration is malformed, then it is refused with the reason', () => {
    expect(() => parseKeyRing('nokey')).toThrow(/<id>:<base64/);
    expect(() => parseKeyRing(`short:${Buffer.alloc(16).toString('base64')}`)).toThrow(/16 bytes/);
    expect(() => parseKeyRing(`a:${k(1)},a:${k(2)}`)).toThrow(/unique/);
  });
});
