// The edge's one text rule: what PostgreSQL can store and a screen can show is admitted
// (bidi marks, emoji, CJK, tab/LF/CR), what it cannot is refused wherever it sits.
import { isAdmissible, jsonFindings, MAX_JSON_DEPTH, pairFindings } from '../../api/edge/admissible';

const REFUSED = { NUL: '\u0000', 'lone high surrogate': '\ud800', 'lone low surrogate': '\udfff', 'C0 escape': '\u001b', DEL: '\u007f', 'C1 NEL': '\u0085', 'C1 CSI': '\u009b' };
const ADMITTED = { 'bidi override': '\u202e', 'bidi isolate': '\u2066', emoji: '👩‍💻🎉', CJK: '账单错误', 'tab, LF, CR': '\t\n\r', 'long text': 'x'.repeat(10_000) };

describe('the edge text rule', () => {
  it.each(Object.entries(REFUSED))('refuses %s', (_name, c) => {
    expect(isAdmissible(`before${c}after`)).toBe(false);
  });

  it.each(Object.entries(ADMITTED))('admits %s', (_name, text) => {
    expect(isAdmissible(`before${text}after`)).toBe(true);
  });

  it('when a bad string or key sits deep in a body, then the finding names its path, with the key printable', () => {
    const body = { contact: { name: 'Li\u0000' }, details: { plan: { ['a\u0000b']: 1 } }, items: ['ok', '\ud800'] };
    expect(jsonFindings(body, 'body').map((f) => f.path)).toEqual(['body.contact.name', 'body.details.plan.a\\u0000b', 'body.items.1']);
  });

  it(`when JSON nests deeper than ${MAX_JSON_DEPTH} levels, then it is refused without walking the rest`, () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5_000; i++) deep = [deep];
    expect(jsonFindings(deep, 'body')).toEqual([expect.objectContaining({ message: `nested deeper than ${MAX_JSON_DEPTH} levels` })]);
    let fine: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH; i++) fine = { a: fine };
    expect(jsonFindings(fine, 'body')).toEqual([]);
  });

  it('when a query or header value repeats, then every value is checked', () => {
    expect(pairFindings({ status: ['OPEN', 'x\u0001'] }, 'query')).toEqual([expect.objectContaining({ path: 'query.status' })]);
  });
});
