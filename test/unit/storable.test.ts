// What PostgreSQL cannot store is replaced, everything else kept as written.
import { storable, storableText } from '../../activities/storable';

describe('storable text', () => {
  it('when text holds a NUL or a lone surrogate, then each becomes U+FFFD and the rest is kept', () => {
    expect(storableText('a\u0000b')).toBe('a\uFFFDb');
    expect(storableText('x\uD800y')).toBe('x\uFFFDy');
    expect(storableText('x\uDC00')).toBe('x\uFFFD');
  });

  it('when text holds emoji, bidi marks, tabs and new lines, then it is kept as written', () => {
    const text = 'ok 😀 \u202Eevil\u2066 \t line\r\nnext';
    expect(storableText(text)).toBe(text);
  });

  it('when a nested object holds unstorable keys and values, then all are replaced and other types kept', () => {
    const at = new Date(0);
    expect(storable({ 'k\u0000': ['v\uD83D', 1, null, true, { at }] })).toEqual({ 'k\uFFFD': ['v\uFFFD', 1, null, true, { at }] });
  });
});
