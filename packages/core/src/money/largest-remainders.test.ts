import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest, largestRemainders } from './largest-remainders.js';

const RUNS = { numRuns: 1000 };
const remainders = fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 5n }), fc.bigInt({ min: 0n, max: 10n ** 20n })), {
  minLength: 1,
  maxLength: 60,
});

/** The obvious definition: sort by remainder (largest first), then by position. */
const bySorting = (values: readonly bigint[], count: number): boolean[] => {
  const order = values
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (a.r === b.r ? a.index - b.index : a.r > b.r ? -1 : 1));
  const flags = values.map(() => false);
  for (const { index } of order.slice(0, count)) flags[index] = true;
  return flags;
};

describe('largestRemainders', () => {
  it('breaks ties by position', () => {
    expect(largestRemainders([1n, 2n, 2n, 1n, 2n], 2)).toEqual([false, true, true, false, false]);
    expect(largestRemainders([1n, 1n, 1n], 2)).toEqual([true, true, false]);
    expect(largestRemainders([3n, 1n], 0)).toEqual([false, false]);
  });

  it('picks the same positions as sorting would', () => {
    fc.assert(
      fc.property(
        remainders.chain((values) => fc.tuple(fc.constant(values), fc.integer({ min: 0, max: values.length }))),
        ([values, count]) => {
          expect(largestRemainders(values, count)).toEqual(bySorting(values, count));
        },
      ),
      RUNS,
    );
  });

  it('kthLargest matches the sorted order', () => {
    fc.assert(
      fc.property(
        remainders.chain((values) => fc.tuple(fc.constant(values), fc.integer({ min: 1, max: values.length }))),
        ([values, k]) => {
          const sorted = [...values].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1));
          expect(kthLargest(values, k)).toBe(sorted[k - 1]);
        },
      ),
      RUNS,
    );
  });
});
