import * as fc from 'fast-check';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { Yuan } from './money-codecs.js';
import { NonEmptyString } from './primitives.js';
import { formatValidationErrors } from './reporter.js';
import { struct } from './struct.js';

const Payment = struct('a payment', { payer: NonEmptyString, amount: Yuan }, { memo: t.string, fee: Yuan });
const problems = (u: unknown): string[] => {
  const result = Payment.decode(u);
  return result._tag === 'Left' ? formatValidationErrors(result.left, 'data') : [];
};

describe('struct: required and optional fields in one pass', () => {
  it('decodes required fields, and optional ones when present', () => {
    const decoded = Payment.decode({ payer: '王五', amount: '12.50', fee: '0.30' });
    expect(decoded._tag === 'Right' && decoded.right.amount.equals(Money.of('12.50'))).toBe(true);
    expect(decoded._tag === 'Right' && decoded.right.fee?.toString()).toBe('0.30');
    expect(Payment.decode({ payer: '王五', amount: '1.00', memo: undefined })._tag).toBe('Right');
  });

  it('names every bad field with its path and reason', () => {
    expect(problems({ payer: '', amount: '1.234', fee: 5 })).toEqual([
      'data.payer: expected a non-empty string, got ""',
      'data.amount: expected a yuan amount with at most 2 decimals, got "1.234"',
      'data.fee: expected a yuan amount as a decimal string such as "1234.50", not a JS number (numbers cannot hold decimals exactly), got 5',
    ]);
    expect(problems({ amount: '1.00' })).toEqual(['data.payer: expected a non-empty string, got nothing']);
    expect(problems([1])).toEqual(['data: expected a payment, got [1]']);
    expect(problems(null)).toEqual(['data: expected a payment, got null']);
  });

  it('keeps fields it does not list, as t.type does, and encodes back to the wire form', () => {
    const decoded = Payment.decode({ payer: 'a', amount: '3.00', note: 'kept' });
    if (decoded._tag === 'Left') throw new Error('expected a payment');
    expect(decoded.right).toMatchObject({ note: 'kept' });
    expect(Payment.encode(decoded.right)).toEqual({ payer: 'a', amount: '3.00', note: 'kept' });
    expect(Payment.is(decoded.right)).toBe(true);
    expect(Payment.is({ payer: 'a', amount: '3.00' })).toBe(false);
  });

  it('accepts and refuses exactly what the intersection of t.type and t.partial does', () => {
    const Intersection = t.intersection([t.type({ payer: NonEmptyString, amount: Yuan }), t.partial({ memo: t.string, fee: Yuan })]);
    const field = fc.oneof(fc.constant(undefined), fc.constant(''), fc.constant('x'), fc.constant('1.00'), fc.constant('1.001'), fc.integer());
    const input = fc.record({ payer: field, amount: field, memo: field, fee: field, other: field }, { requiredKeys: [] });
    fc.assert(
      fc.property(input, (u) => {
        const ours = Payment.decode(u);
        const theirs = Intersection.decode(u);
        expect(ours._tag).toBe(theirs._tag);
        if (ours._tag === 'Right' && theirs._tag === 'Right') expect(Payment.encode(ours.right)).toEqual(Intersection.encode(theirs.right));
      }),
      { numRuns: 1_000 },
    );
  });
});
