import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.js';
import { Dec } from './decimal.js';
import { AllocationError } from './errors.js';
import { Money } from './money.js';

const RUNS = { numRuns: 1000 };
const texts = (parts: readonly Money[]): string[] => parts.map((p) => p.toString());

/** A weight written as text, built here so the test does not lean on the code it checks. */
const weightText = (units: bigint, scale: number): string => {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};

const totalFen = fc.oneof(fc.constant(0n), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: -50n, max: 50n }));
/** Weights at one scale (0 to 4 decimals), with plenty of zeros and repeats. */
const weightSet = fc.integer({ min: 0, max: 4 }).chain((scale) =>
  fc
    .array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 0n, max: 3n })), {
      minLength: 1,
      maxLength: 40,
    })
    .filter((units) => units.some((u) => u > 0n))
    .map((units) => ({ units, scale, texts: units.map((u) => weightText(u, scale)) })),
);

describe('allocate, worked examples', () => {
  it('100.00 over 1, 1, 1 gives the extra fen to the first part', () => {
    expect(texts(allocate(Money.of('100'), ['1', '1', '1']))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits a negative total as the mirror of the positive one', () => {
    expect(texts(allocate(Money.of('-100'), ['1', '1', '1']))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('gives leftover fen to the largest remainders first', () => {
    // Exact shares in fen: 1.5, 3.5, 5.0 → floors 1, 3, 5, one fen left, tie between 0 and 1 → position 0.
    expect(texts(allocate(Money.of('0.10'), ['0.3', '0.7', '1']))).toEqual(['0.02', '0.03', '0.05']);
    // Shares 0.5 and 4.5 fen: equal remainders, so the earlier part wins: 1 and 4.
    expect(texts(allocate(Money.of('0.05'), ['1', '9']))).toEqual(['0.01', '0.04']);
    // Remainders 1/3 and 2/3: the second, larger one takes the fen.
    expect(texts(allocate(Money.of('0.01'), ['1', '2']))).toEqual(['0.00', '0.01']);
  });

  it('gives zero weights nothing', () => {
    expect(texts(allocate(Money.of('1.00'), ['0', '1', '0', '2']))).toEqual(['0.00', '0.33', '0.00', '0.67']);
  });

  it('accepts Dec weights and mixed scales', () => {
    // Shares 1.333..., 3.333..., 5.333...: equal remainders, so the one leftover fen goes to position 0.
    expect(texts(allocate(Money.of('10'), [new Dec('0.5'), '1.25', new Dec(2)]))).toEqual(['1.34', '3.33', '5.33']);
  });

  it('returns nothing for no weights and a zero total, and zeros for zero weights', () => {
    expect(allocate(Money.zero, [])).toEqual([]);
    expect(texts(allocate(Money.zero, ['0', '0']))).toEqual(['0.00', '0.00']);
  });

  it.each([
    [['1', '-1'], 'weights[1]: expected a weight of 0 or more, got "-1"'],
    [['1', new Dec('-0.5')], 'weights[1]: expected a weight of 0 or more, got -0.5'],
    [['1e3'], 'weights[0]: expected a weight in plain digits, without an exponent, got "1e3"'],
    [[' 1'], 'weights[0]: expected a weight without spaces, got " 1"'],
    [['0', '0'], 'cannot allocate 5.00 over weights that are all zero'],
    [[], 'cannot allocate 5.00 over no weights'],
  ])('refuses %j', (weights, message) => {
    expect(() => allocate(Money.of('5'), weights)).toThrow(new AllocationError(message));
  });

  it('refuses a JS number weight', () => {
    expect(() => allocate(Money.of('5'), [1 as unknown as string])).toThrow(/not a JS number/);
  });

  it('splits 100,000 weights well under a second', () => {
    const weights = Array.from({ length: 100_000 }, (_, i) => `${(i * 7919) % 1000}.${i % 10}`);
    const total = Money.of('98765432.19');
    const started = performance.now();
    const parts = allocate(total, weights);
    const elapsed = performance.now() - started;
    expect(Money.sum(parts).equals(total)).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('allocate, properties', () => {
  it('parts add up exactly to the total', () => {
    fc.assert(
      fc.property(totalFen, weightSet, (fen, w) => {
        const total = Money.fromFen(fen);
        expect(Money.sum(allocate(total, w.texts)).equals(total)).toBe(true);
      }),
      RUNS,
    );
  });

  it('every part is within one fen of its exact share, and has the sign of the total', () => {
    fc.assert(
      fc.property(totalFen, weightSet, (fen, w) => {
        const weightSum = w.units.reduce((a, b) => a + b, 0n);
        allocate(Money.fromFen(fen), w.texts).forEach((part, i) => {
          // |part − fen·w/W| < 1  ⇔  |part·W − fen·w| < W
          const gap = part.toFen() * weightSum - fen * (w.units[i] ?? 0n);
          expect(gap < weightSum && -gap < weightSum).toBe(true);
          expect(fen >= 0n ? !part.isNegative() : !part.isPositive()).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('zero weights get zero', () => {
    fc.assert(
      fc.property(totalFen, weightSet, (fen, w) => {
        allocate(Money.fromFen(fen), w.texts).forEach((part, i) => {
          if (w.units[i] === 0n) expect(part.isZero()).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('is deterministic and does not depend on the sign of the total beyond mirroring', () => {
    fc.assert(
      fc.property(totalFen, weightSet, (fen, w) => {
        const first = texts(allocate(Money.fromFen(fen), w.texts));
        expect(texts(allocate(Money.fromFen(fen), w.texts))).toEqual(first);
        const mirrored = allocate(Money.fromFen(-fen), w.texts).map((p) => p.negated().toString());
        expect(mirrored).toEqual(first);
      }),
      RUNS,
    );
  });

  it('scaling every weight by the same positive factor changes nothing', () => {
    const factor = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: 0, max: 3 }))
      .map(([units, scale]) => new Dec(weightText(units, scale)));
    fc.assert(
      fc.property(totalFen, weightSet, factor, (fen, w, k) => {
        const total = Money.fromFen(fen);
        const scaled = w.texts.map((t) => new Dec(t).times(k));
        expect(texts(allocate(total, scaled))).toEqual(texts(allocate(total, w.texts)));
      }),
      RUNS,
    );
  });
});
