import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { MoneyFormatError } from './errors.js';
import { Money } from './money.js';

const RUNS = { numRuns: 1000 };
const fen = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

/** Written independently of the code under test: fen as yuan text. */
const yuanText = (f: bigint): string => {
  const abs = f < 0n ? -f : f;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${f < 0n ? '-' : ''}${abs / 100n}.${cents}`;
};

const reason = (input: unknown): string => {
  const parsed = Money.parse(input as string);
  if (E.isRight(parsed)) throw new Error(`accepted ${String(input)}`);
  expect(parsed.left).toBeInstanceOf(MoneyFormatError);
  return parsed.left.message;
};

describe('Money.parse', () => {
  it.each([
    ['0', '0.00'],
    ['7', '7.00'],
    ['12.5', '12.50'],
    ['1234.50', '1234.50'],
    ['-0.05', '-0.05'],
    ['98765432109876543210.99', '98765432109876543210.99'],
  ])('reads %j as %s', (input, canonical) => {
    expect(Money.of(input).toString()).toBe(canonical);
  });

  it.each([
    ['12.345', 'expected a yuan amount with at most 2 decimals, got "12.345"'],
    ['1e5', 'expected a yuan amount in plain digits, without an exponent, got "1e5"'],
    ['NaN', 'expected a yuan amount in digits, not NaN or Infinity, got "NaN"'],
    ['Infinity', 'expected a yuan amount in digits, not NaN or Infinity, got "Infinity"'],
    ['-Infinity', 'expected a yuan amount in digits, not NaN or Infinity, got "-Infinity"'],
    ['', 'expected a yuan amount as a plain decimal string such as "1234.50", got ""'],
    [' 1', 'expected a yuan amount without spaces, got " 1"'],
    ['1 ', 'expected a yuan amount without spaces, got "1 "'],
    ['+1', 'expected a yuan amount without a "+" sign, got "+1"'],
    ['1,000', 'expected a yuan amount without thousands separators, got "1,000"'],
    ['1.', 'expected a yuan amount with digits on both sides of the decimal point, got "1."'],
    ['.5', 'expected a yuan amount with digits on both sides of the decimal point, got ".5"'],
    ['007', 'expected a yuan amount without leading zeros, got "007"'],
    ['0x10', 'expected a yuan amount as a plain decimal string such as "1234.50", got "0x10"'],
    ['１２', 'expected a yuan amount as a plain decimal string such as "1234.50", got "１２"'],
    ['-0', 'expected a yuan amount without a minus sign on zero, got "-0"'],
    ['-0.00', 'expected a yuan amount without a minus sign on zero, got "-0.00"'],
    ['-00000000000000.0', 'expected a yuan amount without leading zeros, got "-00000000000000.0"'],
    ['-0000000000000000000.00', 'expected a yuan amount without leading zeros, got "-0000000000000000000.00"'],
  ])('refuses %j', (input, message) => {
    expect(reason(input)).toBe(message);
  });

  it('refuses a JS number and says to pass a decimal string', () => {
    expect(reason(12.345)).toBe(
      'expected a yuan amount as a decimal string such as "1234.50", not a JS number (numbers cannot hold decimals exactly), got 12.345',
    );
  });

  it.each([[null], [undefined], [12n], [{}], [true]])('refuses the non-string %s', (input) => {
    expect(reason(input)).toMatch(/^expected a yuan amount as a plain decimal string/);
  });

  it('accepts exactly the plain decimal form with at most 2 decimals, zero without a sign, and reads its fen', () => {
    const plain = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;
    const signedZero = /^-0(\.0{1,2})?$/;
    const char = fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' ', ',');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 22 }), (chars) => {
        const s = chars.join('');
        const match = signedZero.test(s) ? null : plain.exec(s);
        const parsed = Money.parse(s);
        expect(E.isRight(parsed)).toBe(match !== null);
        if (match === null || E.isLeft(parsed)) return;
        const fen = BigInt((match[2] ?? '') + (match[3] ?? '').padEnd(2, '0'));
        expect(parsed.right.toFen()).toBe(match[1] === '-' ? -fen : fen);
      }),
      { numRuns: 5_000 },
    );
  });

  it('Money.of throws the MoneyFormatError', () => {
    expect(() => Money.of('12.345')).toThrow(MoneyFormatError);
  });
});

describe('Money formatting', () => {
  it.each([
    ['1234.5', '1234.50', '1,234.50'],
    ['1234567.5', '1234567.50', '1,234,567.50'],
    ['-1234567.5', '-1234567.50', '-1,234,567.50'],
    ['-0.05', '-0.05', '-0.05'],
    ['999', '999.00', '999.00'],
    ['1000', '1000.00', '1,000.00'],
    ['0', '0.00', '0.00'],
  ])('%s prints as %s and displays as %s', (input, canonical, display) => {
    const m = Money.of(input);
    expect(m.toString()).toBe(canonical);
    expect(m.toDisplay()).toBe(display);
    expect(JSON.stringify({ m })).toBe(`{"m":"${canonical}"}`);
  });

  it('never prints negative zero', () => {
    expect(Money.of('0.05').minus(Money.of('0.05')).toString()).toBe('0.00');
    expect(Money.zero.negated().toString()).toBe('0.00');
    expect(Money.fromDecimal(new Dec('-0.004'), 'half-up').toString()).toBe('0.00');
  });
});

describe('Money conversions', () => {
  it('fromFen, toFen and toDecimal agree', () => {
    const m = Money.fromFen(-123456n);
    expect(m.toString()).toBe('-1234.56');
    expect(m.toFen()).toBe(-123456n);
    expect(m.toDecimal().equals(new Dec('-1234.56'))).toBe(true);
  });

  it('fromFen refuses a number', () => {
    expect(() => Money.fromFen(5 as unknown as bigint)).toThrow(TypeError);
  });

  it('fromDecimal exact refuses more than 2 decimals', () => {
    expect(Money.fromDecimal(new Dec('12.3'), 'exact').toString()).toBe('12.30');
    expect(() => Money.fromDecimal(new Dec('12.345'), 'exact')).toThrow('at most 2 decimals');
    expect(() => Money.fromDecimal(new Dec(NaN), 'half-up')).toThrow(MoneyFormatError);
  });

  it('rounds half-up whatever constructor built the decimal', () => {
    const RoundDown = Decimal.clone({ rounding: Decimal.ROUND_DOWN, precision: 5 });
    expect(Money.fromDecimal(new RoundDown('1234567.005'), 'half-up').toString()).toBe('1234567.01');
    expect(Money.of('1234567.89').times(new RoundDown('0.5')).toString()).toBe('617283.95');
  });

  it.each([
    ['12.345', '12.35'],
    ['12.344999', '12.34'],
    ['-12.345', '-12.35'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['-0.0049', '0.00'],
  ])('fromDecimal half-up rounds %s to %s (四舍五入)', (input, expected) => {
    expect(Money.fromDecimal(new Dec(input), 'half-up').toString()).toBe(expected);
  });
});

describe('Money arithmetic', () => {
  it('adds, subtracts, negates and sums', () => {
    const a = Money.of('100.10');
    const b = Money.of('0.95');
    expect(a.plus(b).toString()).toBe('101.05');
    expect(b.minus(a).toString()).toBe('-99.15');
    expect(b.minus(a).abs().toString()).toBe('99.15');
    expect(a.negated().toString()).toBe('-100.10');
    expect(Money.sum([a, b, b]).toString()).toBe('102.00');
    expect(Money.sum([]).isZero()).toBe(true);
  });

  it.each([
    ['100.00', '0.2', '20.00'],
    ['0.05', '0.5', '0.03'],
    ['-0.05', '0.5', '-0.03'],
    ['0.05', '-0.5', '-0.03'],
    ['10.00', '0.33333', '3.33'],
    ['800.00', '12.5', '10000.00'],
  ])('%s times %s is %s, half-up to the fen', (amount, factor, expected) => {
    expect(Money.of(amount).times(factor).toString()).toBe(expected);
    expect(Money.of(amount).times(new Dec(factor)).toString()).toBe(expected);
  });

  it('times refuses a malformed factor', () => {
    expect(() => Money.of('1').times('1e2')).toThrow('without an exponent');
  });

  it('compares', () => {
    const small = Money.of('-1');
    const big = Money.of('1');
    expect([small.compare(big), big.compare(small), big.compare(Money.of('1.00'))]).toEqual([-1, 1, 0]);
    expect([small.lt(big), small.lte(small), big.gt(small), big.gte(big), big.equals(small)]).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect([small.isNegative(), big.isPositive(), Money.zero.isZero(), Money.zero.isPositive()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('is immutable', () => {
    const m = Money.of('1');
    expect(Object.isFrozen(m)).toBe(true);
    m.plus(Money.of('2'));
    expect(m.toString()).toBe('1.00');
  });
});

describe('Money properties', () => {
  it('printing then parsing gives the same amount', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const m = Money.fromFen(f);
        expect(m.toString()).toBe(yuanText(f));
        expect(Money.of(m.toString()).equals(m)).toBe(true);
        expect(m.toDisplay().replaceAll(',', '')).toBe(m.toString());
      }),
      RUNS,
    );
  });

  it('minus undoes plus', () => {
    fc.assert(
      fc.property(fen, fen, (a, b) => {
        const x = Money.fromFen(a);
        const y = Money.fromFen(b);
        expect(x.plus(y).minus(y).equals(x)).toBe(true);
        expect(x.plus(y).equals(y.plus(x))).toBe(true);
      }),
      RUNS,
    );
  });

  it('compare agrees with comparing fen', () => {
    fc.assert(
      fc.property(fen, fen, (a, b) => {
        const expected = a === b ? 0 : a < b ? -1 : 1;
        expect(Money.fromFen(a).compare(Money.fromFen(b))).toBe(expected);
        expect(Money.fromFen(a).lt(Money.fromFen(b))).toBe(a < b);
      }),
      RUNS,
    );
  });

  it('times agrees with decimal.js rounding half-up', () => {
    const factor = fc
      .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => new Dec(units.toString()).div(new Dec(10).pow(scale)));
    fc.assert(
      fc.property(fen, factor, (f, k) => {
        const exact = new Dec(f.toString()).div(100).times(k);
        const expected = exact.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
        expect(Money.fromFen(f).times(k).toDecimal().equals(expected)).toBe(true);
      }),
      RUNS,
    );
  });
});
