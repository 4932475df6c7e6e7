import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedDate, sharedFen } from './shared-values.js';

describe('shared dates and amounts', () => {
  it('hand back a value equal to the one given, whatever came before (and past the table limit)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), { maxLength: 200 }), fc.array(fc.string(), { maxLength: 50 }), (fens, dates) => {
        for (const fen of fens) expect(sharedFen(fen)).toBe(fen);
        for (const date of dates) expect(sharedDate(date)).toBe(date);
      }),
    );
    for (let n = 0n; n < 70_000n; n += 1n) expect(sharedFen(n)).toBe(n);
  });

  it('give the first copy of an equal date to every later caller', () => {
    const first = sharedDate(['2025', '03', '28'].join('-'));
    expect(sharedDate(['2025', '03', '28'].join('-'))).toBe(first);
  });
});
