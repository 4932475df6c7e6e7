import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUnits } from './random.js';

describe('splitUnits', () => {
  it('splits a total over weights so that the parts add up exactly and none is off its share by a unit or more', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 6n }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = splitUnits(total, weights);
        const sum = weights.reduce((s, w) => s + w, 0n);
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
        parts.forEach((p, i) => {
          const exact = total * (weights[i] ?? 0n);
          expect(p * sum <= exact + sum && exact < (p + 1n) * sum).toBe(true);
        });
      }),
    );
  });
});
