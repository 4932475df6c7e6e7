import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestField, editDistance } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect([editDistance('acount', 'account'), editDistance('amuont', 'amount'), editDistance('note', 'date'), editDistance('', 'abc')]).toEqual([1, 1, 2, 3]);
  });

  it('is a distance: zero only for equal strings, symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
      }),
    );
  });
});

describe('closestField', () => {
  const voucher = ['organizationId', 'voucherNo', 'date', 'summary', 'lines', 'reverses', 'adjustsYear', 'origin'];
  it('finds a typo, a case or underscore difference, and nothing for a word that is merely short', () => {
    expect(closestField('reverse', voucher)).toBe('reverses');
    expect(closestField('voucher_no', voucher)).toBe('voucherNo');
    expect(closestField('ORIGIN', voucher)).toBe('origin');
    expect(closestField('note', voucher)).toBeUndefined();
    expect(closestField('dates', voucher)).toBe('date');
    expect(closestField('memo', voucher)).toBeUndefined();
  });
});
