import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { Rate } from '../../money/rate.js';
import { straightLineSchedule } from './depreciation.js';

describe('straight-line depreciation (年限平均法)', () => {
  it('charges 10,000.01 over 37 months with a 5% residual exactly: 36 × 256.76 and a last month of 256.65', () => {
    // Residual 10,000.01 × 5% = 500.0005 → 500.00; depreciable 9,500.01; 9,500.01 / 37 = 256.7570… → 256.76;
    // 36 × 256.76 = 9,243.36, so the last month charges 9,500.01 − 9,243.36 = 256.65.
    const schedule = straightLineSchedule(Money.of('10000.01'), Rate.fromPercent('5'), 37);
    expect(schedule).toHaveLength(37);
    expect(schedule.slice(0, 36).every((m) => m.toString() === '256.76')).toBe(true);
    expect(schedule[36]?.toString()).toBe('256.65');
    expect(Money.sum(schedule).toString()).toBe('9500.01');
  });

  it('rounds the monthly amount down when rounding up would leave the last month below zero', () => {
    // 0.15 / 10 = 0.015 → 0.02 half-up, but 9 × 0.02 = 0.18 > 0.15: 0.01 a month, and the last month 0.06.
    expect(straightLineSchedule(Money.of('0.15'), Rate.fromPercent('0'), 10).map(String)).toEqual([
      ...Array.from({ length: 9 }, () => '0.01'),
      '0.06',
    ]);
  });

  it('adds up to cost less residual value, to the fen, for any cost, rate and life, with no negative month', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.bigInt({ min: 1n, max: 5_000n }), fc.bigInt({ min: 1n, max: 10_000_000_000_00n })),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 600 }),
        (fen, basisPoints, life) => {
          const cost = Money.fromFen(fen);
          const rate = Rate.of(BigInt(basisPoints), 10_000n);
          const schedule = straightLineSchedule(cost, rate, life);
          expect(Money.sum(schedule).equals(cost.minus(rate.applyTo(cost)))).toBe(true);
          expect(schedule.every((m) => !m.isNegative())).toBe(true);
          // Every month but the last charges the same amount.
          const first = schedule[0] ?? Money.zero;
          expect(schedule.slice(0, -1).every((m) => m.equals(first))).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
