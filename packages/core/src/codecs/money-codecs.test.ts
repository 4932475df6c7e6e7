import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Area } from '../money/area.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { Rate } from '../money/rate.js';
import { AreaMu, DecimalString, NonNegativeYuan, Percentage, PositiveYuan, Yuan } from './money-codecs.js';
import { formatValidationErrors } from './reporter.js';

const refusal = (codec: t.Decoder<unknown, unknown>, value: unknown): string => {
  const result = codec.decode(value);
  if (E.isRight(result)) throw new Error(`accepted ${String(value)}`);
  return formatValidationErrors(result.left).join('\n');
};

const decoded = <A>(codec: t.Decoder<unknown, A>, value: unknown): A => {
  const result = codec.decode(value);
  if (E.isLeft(result)) throw new Error(formatValidationErrors(result.left).join('\n'));
  return result.right;
};

describe('Yuan', () => {
  it('decodes to Money and encodes the canonical string', () => {
    const m = decoded(Yuan, '1234.5');
    expect(m.equals(Money.of('1234.50'))).toBe(true);
    expect(Yuan.encode(m)).toBe('1234.50');
    expect(Yuan.is(m)).toBe(true);
    expect(Yuan.is('1234.50')).toBe(false);
  });

  it('round-trips a whole event payload', () => {
    const Payment = t.type({ amount: Yuan, area: AreaMu });
    const payload = decoded(Payment, { amount: '-5', area: '2.5' });
    expect(Payment.encode(payload)).toEqual({ amount: '-5.00', area: '2.5000' });
  });

  it.each([
    ['12.345', '(value): expected a yuan amount with at most 2 decimals, got "12.345"'],
    ['+1', '(value): expected a yuan amount without a "+" sign, got "+1"'],
    [null, '(value): expected a yuan amount as a plain decimal string such as "1234.50", got null'],
  ])('refuses %j', (value, message) => {
    expect(refusal(Yuan, value)).toBe(message);
  });
});

describe('PositiveYuan and NonNegativeYuan', () => {
  it('PositiveYuan needs more than zero', () => {
    expect(decoded(PositiveYuan, '0.01').toFen()).toBe(1n);
    expect(refusal(PositiveYuan, '0')).toBe('(value): expected a yuan amount greater than 0, got "0"');
    expect(refusal(PositiveYuan, '-1')).toBe('(value): expected a yuan amount greater than 0, got "-1"');
    expect(refusal(PositiveYuan, '1.001')).toBe('(value): expected a yuan amount with at most 2 decimals, got "1.001"');
    expect(PositiveYuan.is(Money.zero)).toBe(false);
  });

  it('NonNegativeYuan accepts zero, refuses less', () => {
    expect(decoded(NonNegativeYuan, '0').isZero()).toBe(true);
    expect(refusal(NonNegativeYuan, '-0.00')).toBe('(value): expected a yuan amount without a minus sign on zero, got "-0.00"');
    expect(refusal(NonNegativeYuan, '-0.01')).toBe('(value): expected a yuan amount of 0 or more, got "-0.01"');
    expect(NonNegativeYuan.encode(Money.of('3'))).toBe('3.00');
  });
});

describe('AreaMu', () => {
  it('decodes mu to Area', () => {
    expect(decoded(AreaMu, '12.5').equals(Area.ofMu('12.5000'))).toBe(true);
    expect(AreaMu.encode(Area.ofMu('1'))).toBe('1.0000');
    expect(refusal(AreaMu, '1.00001')).toBe('(value): expected an area in mu with at most 4 decimals, got "1.00001"');
    expect(refusal(AreaMu, '-2')).toBe('(value): expected an area in mu that is not negative, got "-2"');
  });
});

describe('Percentage', () => {
  it('decodes a charter percentage to an exact Rate and encodes it back', () => {
    const reserve = decoded(Percentage, '20');
    expect(reserve.equals(Rate.of(1n, 5n))).toBe(true);
    expect(Percentage.encode(reserve)).toBe('20');
    expect(Percentage.encode(decoded(Percentage, '12.5000'))).toBe('12.5');
    expect(Percentage.encode(decoded(Percentage, '0.0001'))).toBe('0.0001');
    expect(decoded(Percentage, '100').toPercent()).toBe('100.0%');
  });

  it.each([
    ['100.01', '(value): expected a percentage from 0 to 100, got "100.01"'],
    ['-1', '(value): expected a percentage that is not negative, got "-1"'],
    ['1.00001', '(value): expected a percentage with at most 4 decimals, got "1.00001"'],
    ['20%', '(value): expected a percentage as a plain decimal string such as "20", got "20%"'],
    [20, '(value): expected a percentage as a decimal string such as "20", not a JS number (numbers cannot hold decimals exactly), got 20'],
  ])('refuses %j', (value, message) => {
    expect(refusal(Percentage, value)).toBe(message);
  });
});

describe('DecimalString', () => {
  it('decodes any plain decimal exactly and encodes without an exponent', () => {
    const d = decoded(DecimalString, '-0.000000000000000000000000000000000001');
    expect(d.equals(new Dec('-1e-36'))).toBe(true);
    expect(DecimalString.encode(d)).toBe('-0.000000000000000000000000000000000001');
    expect(DecimalString.encode(decoded(DecimalString, '123456789012345678901234567890123456789012345'))).toBe(
      '123456789012345678901234567890123456789012345',
    );
    expect(refusal(DecimalString, '1e3')).toBe('(value): expected a decimal in plain digits, without an exponent, got "1e3"');
    expect(refusal(DecimalString, 1.5)).toMatch(/not a JS number/);
  });
});
