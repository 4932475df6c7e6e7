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
});
