import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { voucherGaps } from './voucher-gaps.js';

describe('voucherGaps (断号)', () => {
  it('lists the numbers missing in each series, and nothing for a series without gaps', () => {
    expect(voucherGaps('v', 2023, ['记-001', '记-004', '资-001', '资-002', '记-002'])).toEqual([
      { severity: 'warning', rule: 'VOUCHER_NUMBER_GAP', message: '2023 of v: 1 number of the series 记- missing: 记-003' },
    ]);
  });

  it('shows ten missing numbers and counts the rest', () => {
    const [gap] = voucherGaps('v', 2023, ['记-001', '记-015']);
    expect(gap?.message).toBe('2023 of v: 13 numbers of the series 记- missing: 记-002, 记-003, 记-004, 记-005, 记-006, 记-007, 记-008, 记-009, 记-010, 记-011 and 3 more');
  });

  it('counts a gap up to a number of forty digits without listing it, at once', () => {
    const [gap] = voucherGaps('v', 2023, ['记-001', `记-${'9'.repeat(40)}`]);
    expect(gap?.message).toBe(`2023 of v: ${10n ** 40n - 3n} numbers of the series 记- missing: 记-002, 记-003, 记-004, 记-005, 记-006, 记-007, 记-008, 记-009, 记-010, 记-011 and ${10n ** 40n - 13n} more`);
  });

  it('counts what one by one counting would, for any small numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 12 }), (used) => {
        const max = Math.max(0, ...used);
        const missing = Array.from({ length: Math.max(0, max - 1) }, (_, i) => i + 1).filter((n) => !used.includes(n));
        const [gap] = voucherGaps('v', 2023, used.map((n) => `记-${String(n).padStart(3, '0')}`));
        if (missing.length === 0) expect(gap).toBeUndefined();
        else expect(gap?.message).toMatch(new RegExp(`^2023 of v: ${missing.length} numbers? of the series 记- missing: 记-${String(missing[0]).padStart(3, '0')}`));
      }),
      { numRuns: 500 },
    );
  });
});

