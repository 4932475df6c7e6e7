import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badCharacterIn, contentProblemOf, DEFAULT_STORE_LIMITS, quoted, storeLimitsOf } from './limits.js';

const event = (data: object, metadata: object = { eventId: '00000000-0000-4000-8000-000000000001' }) => ({ type: 'ThingHappened', data, metadata });

/** Any text of whole code points, none of them U+0000 or a surrogate half on its own. */
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));

describe('badCharacterIn', () => {
  it('accepts any well-formed text, emoji (surrogate pairs) included', () => {
    fc.assert(fc.property(wellFormed, (text) => badCharacterIn(text) === undefined), { numRuns: 2_000 });
    expect(badCharacterIn('收入🌾😀')).toBeUndefined();
  });

  it('finds a lone surrogate or U+0000 put anywhere in well-formed text, and says at which character', () => {
    const bad = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff');
    fc.assert(
      fc.property(wellFormed, bad, fc.nat(), (text, char, at) => {
        // Cut between code points only, so the text on each side stays whole.
        const points = Array.from(text);
        const cut = at % (points.length + 1);
        const before = points.slice(0, cut).join('');
        const spoiled = `${before}${char}${points.slice(cut).join('')}`;
        // A high half put before a low one, or a low one after a high one, would pair up: not a lone surrogate.
        const pairs = (char >= '\ud800' && char <= '\udbff' && /^[\udc00-\udfff]/.test(points.slice(cut).join(''))) || (char >= '\udc00' && /[\ud800-\udbff]$/.test(before));
        if (pairs) return;
        expect(badCharacterIn(spoiled)).toMatch(new RegExp(`at character ${before.length + 1}\\b`));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('contentProblemOf', () => {
  it('passes what every store keeps alike, at the limits', () => {
    let deep: object = { leaf: '叶' };
    // The data object is level 1, so `deep` may hold one level fewer than the limit.
    for (let depth = 3; depth <= DEFAULT_STORE_LIMITS.maxDepth; depth += 1) deep = { inner: deep };
    expect(contentProblemOf(event({ summary: '账'.repeat(DEFAULT_STORE_LIMITS.maxStringLength), deep, n: -12.5, ok: true, none: null }))).toBeUndefined();
  });

  it.each([
    [{ a: { b: [1, 'x\u0000'] } }, 'data.a.b[1]', 'contains U+0000 at character 2'],
    [{ '备\ud800注': 1 }, 'data["备\\ud800注"]', 'contains an unpaired surrogate at character 2 (not valid Unicode text)'],
    [JSON.parse('{"x": {"__proto__": 1}}') as object, 'data.x.__proto__', 'the key "__proto__" is refused: it would set an object\'s prototype'],
    [{ area: Number.POSITIVE_INFINITY }, 'data.area', 'Infinity is not a JSON number'],
    [{ when: new Date(0) }, 'data.when', 'expected a plain JSON object'],
    [{ f: () => 1 }, 'data.f', 'a function is not a JSON value'],
    [{ big: 1n }, 'data.big', 'a bigint is not a JSON value'],
  ])('refuses a bad value at %$2s: %$3s', (data, path, reason) => {
    expect(contentProblemOf(event(data))).toEqual({ path, reason });
  });

  it('refuses in metadata too', () => {
    expect(contentProblemOf(event({}, { actor: '会计\u0000' }))).toEqual({ path: 'metadata.actor', reason: 'contains U+0000 at character 3' });
  });

  it('stops at the depth limit: data 5,000 levels deep is refused at level 33, without a stack overflow', () => {
    let deep: object = {};
    for (let i = 0; i < 5_000; i += 1) deep = { d: deep };
    const problem = contentProblemOf(event(deep));
    expect(problem?.path).toBe(`data${'.d'.repeat(32)}`);
    expect(problem?.reason).toBe("nested deeper than the store's limit of 32 levels");
  });

  it('refuses a long string naming its length and the limit, and an event too large as a whole', () => {
    const limits = storeLimitsOf({ maxStringLength: 5, maxEventSize: 100 });
    expect(contentProblemOf(event({ s: '123456' }, {}), limits)).toEqual({ path: 'data.s', reason: "a string of 6 characters, longer than the store's limit of 5" });
    const problem = contentProblemOf(event({ lines: Array.from({ length: 30 }, () => '12345') }, {}), limits);
    expect(problem?.path).toBe('');
    expect(problem?.reason).toMatch(/^about \d+ characters of JSON or more, larger than the store's limit of 100$/);
  });

  it('counts about the characters of the JSON text', () => {
    const data = { summary: '收到鱼塘承包费', lines: [{ account: '102', amount: '10.00' }], n: 12 };
    const json = JSON.stringify({ type: 'ThingHappened', data, metadata: {} }).length;
    const under = storeLimitsOf({ maxEventSize: json + 40 });
    const over = storeLimitsOf({ maxEventSize: Math.floor(json / 2) });
    expect(contentProblemOf(event(data, {}), under)).toBeUndefined();
    expect(contentProblemOf(event(data, {}), over)?.path).toBe('');
  });
});

describe('storeLimitsOf', () => {
  it('takes the defaults for what is not given, and refuses a limit that is not a whole number above zero', () => {
    expect(storeLimitsOf({ maxDepth: 8 })).toEqual({ ...DEFAULT_STORE_LIMITS, maxDepth: 8 });
    expect(() => storeLimitsOf({ maxStringLength: 0 })).toThrow('limits.maxStringLength: expected a whole number of 1 or more, got 0');
    expect(() => storeLimitsOf({ maxEventSize: 1.5 })).toThrow('limits.maxEventSize: expected a whole number of 1 or more, got 1.5');
  });
});

describe('quoted', () => {
  it('quotes short text whole and long text cut to 60 characters', () => {
    expect(quoted('记-001')).toBe('"记-001"');
    expect(quoted('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(57)}..."`);
  });
});
