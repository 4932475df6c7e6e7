import * as E from 'fp-ts/lib/Either.js';
import { isDec, type Dec } from './decimal.js';
import { MoneyFormatError } from './errors.js';
import { explainDecimalProblem, readPlainDecimal, showInput, type DecimalRules } from './plain-decimal.js';
import { decFromScaled, divRoundHalfUp, plainText, pow10, scaledFromDec, scaledFromInput } from './scaled.js';

const YUAN: DecimalRules = { maxDecimals: 2, allowNegative: true };
const FEN_PER_YUAN = 100n;
/** The plain decimal form of plain-decimal.ts, with at most two decimals. */
const YUAN_TEXT = /^(-?)(0|[1-9]\d*)(?:\.(\d{1,2}))?$/;

const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/** The end of the run of digits from `i`, and the number they write (exact while short). */
const digitsFrom = (s: string, i: number): { readonly end: number; readonly value: number } => {
  let end = i;
  let value = 0;
  for (let d = digitAt(s, end); d >= 0; d = digitAt(s, (end += 1))) value = value * 10 + d;
  return { end, value };
};

/**
 * The fen of `s` when it is in the form of YUAN_TEXT with at most 13 digits
 * before the point (so the fen stay exact in a number), else `undefined`
 * and YUAN_TEXT decides. Read by char code: a replay reads millions of
 * amounts, and the regular expression, its match and the digits' string
 * cost several times more.
 */
const shortYuanFen = (s: string): bigint | undefined => {
  const first = s.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const yuan = digitsFrom(s, first);
  const whole = yuan.end - first;
  if (whole === 0 || whole > 13 || (whole > 1 && s.charCodeAt(first) === 48)) return undefined;
  const cents = yuan.end === s.length ? 0 : centsFrom(s, yuan.end);
  if (cents === undefined) return undefined;
  const fen = yuan.value * 100 + cents;
  return BigInt(first === 1 ? -fen : fen);
};

/** The fen written after the yuan, from the point at `at` to the end: one or two digits, else `undefined`. */
const centsFrom = (s: string, at: number): number | undefined => {
  if (s.charCodeAt(at) !== 46) return undefined; // '.'
  const cents = digitsFrom(s, at + 1);
  const decimals = cents.end - at - 1;
  if (cents.end < s.length || decimals === 0 || decimals > 2) return undefined;
  return decimals === 1 ? cents.value * 10 : cents.value;
};

/** "-0", "-0.00": zero has no sign, and one amount has one way to be written. */
const signedZero = (input: unknown): E.Either<MoneyFormatError, never> =>
  E.left(new MoneyFormatError(input, explainDecimalProblem('signed-zero', 'a yuan amount', YUAN, '0.00')));

/** The amount the quick read found, unless it is a zero written with a sign. */
const quickMoney = (input: string, fen: bigint): E.Either<MoneyFormatError, Money> =>
  fen === 0n && input.charCodeAt(0) === 45 ? signedZero(input) : E.right(Money.fromFen(fen));

/**
 * An amount of Chinese yuan (CNY, 元), exact to the fen (分, 0.01 yuan). Immutable.
 *
 * Held as a whole number of fen in a bigint: sums and comparisons are then exact
 * integer operations, several times faster than decimal.js (see docs/money.md).
 * On disk and in events it is a decimal string such as `"1234.50"`, never a number.
 *
 * Rounding rule: wherever a result must be cut back to the fen (`times`,
 * `fromDecimal(d, 'half-up')`) it goes to the nearest fen and, at exactly half a
 * fen, away from zero (四舍五入): 0.005 → 0.01, -0.005 → -0.01.
 */
export class Money {
  static readonly zero: Money = new Money(0n);

  private readonly fen: bigint;

  private constructor(fen: bigint) {
    this.fen = fen;
    Object.freeze(this);
  }

  /** Read a yuan amount written as a plain decimal string with at most 2 decimals. */
  static parse(s: string): E.Either<MoneyFormatError, Money> {
    return Money.decode(s);
  }

  /** Like {@link parse} for a value whose type is not yet known (codecs, parsed JSON). */
  static decode(input: unknown): E.Either<MoneyFormatError, Money> {
    const quick = typeof input === 'string' ? shortYuanFen(input) : undefined;
    if (quick !== undefined) return quickMoney(input as string, quick);
    const match = typeof input === 'string' ? YUAN_TEXT.exec(input) : null;
    if (match === null) {
      const read = readPlainDecimal(input, YUAN);
      const problem = E.isLeft(read) ? read.left : 'malformed';
      return E.left(new MoneyFormatError(input, explainDecimalProblem(problem, 'a yuan amount', YUAN, '1234.50')));
    }
    // The digits, padded to two decimals, are the fen.
    const fen = BigInt((match[2] ?? '') + (match[3] ?? '').padEnd(2, '0'));
    if (fen === 0n && match[1] === '-') return signedZero(input);
    return E.right(Money.fromFen(match[1] === '-' ? -fen : fen));
  }

  /** {@link parse}, throwing the MoneyFormatError: for literals and trusted input. */
  static of(s: string): Money {
    const parsed = Money.decode(s);
    if (E.isLeft(parsed)) throw parsed.left;
    return parsed.right;
  }

  static fromFen(fen: bigint): Money {
    if (typeof fen !== 'bigint') throw new TypeError(`expected a whole number of fen as a bigint, got ${showInput(fen)}`);
    return fen === 0n ? Money.zero : new Money(fen);
  }

  /**
   * From a decimal in yuan. `'exact'` refuses anything finer than a fen (it would
   * silently lose money); `'half-up'` rounds to the fen, 四舍五入.
   */
  static fromDecimal(d: Dec, how: 'exact' | 'half-up'): Money {
    if (!isDec(d) || !d.isFinite()) {
      throw new MoneyFormatError(isDec(d) ? d.toString() : d, 'expected a finite Decimal amount in yuan');
    }
    if (how === 'exact' && d.decimalPlaces() > 2) {
      throw new MoneyFormatError(d.toFixed(), 'expected a yuan amount with at most 2 decimals');
    }
    const { units, scale } = scaledFromDec(d);
    return Money.fromFen(divRoundHalfUp(units * FEN_PER_YUAN, pow10(scale)));
  }

  /** The total of `list`; zero for an empty list. */
  static sum(list: readonly Money[]): Money {
    let fen = 0n;
    for (const m of list) fen += m.fen;
    return Money.fromFen(fen);
  }

  plus(other: Money): Money {
    return Money.fromFen(this.fen + other.fen);
  }

  minus(other: Money): Money {
    return Money.fromFen(this.fen - other.fen);
  }

  negated(): Money {
    return Money.fromFen(-this.fen);
  }

  abs(): Money {
    return this.fen < 0n ? this.negated() : this;
  }

  /** This amount times `factor` (a Dec or a plain decimal string), rounded half-up to the fen. */
  times(factor: Dec | string): Money {
    const { units, scale } = scaledFromInput(factor, 'a factor');
    return Money.fromFen(divRoundHalfUp(this.fen * units, pow10(scale)));
  }

  equals(other: Money): boolean {
    return this.fen === other.fen;
  }

  compare(other: Money): -1 | 0 | 1 {
    if (this.fen === other.fen) return 0;
    return this.fen < other.fen ? -1 : 1;
  }

  lt(other: Money): boolean {
    return this.fen < other.fen;
  }

  lte(other: Money): boolean {
    return this.fen <= other.fen;
  }

  gt(other: Money): boolean {
    return this.fen > other.fen;
  }

  gte(other: Money): boolean {
    return this.fen >= other.fen;
  }

  isZero(): boolean {
    return this.fen === 0n;
  }

  isNegative(): boolean {
    return this.fen < 0n;
  }

  isPositive(): boolean {
    return this.fen > 0n;
  }

  toFen(): bigint {
    return this.fen;
  }

  /** The exact amount in yuan. */
  toDecimal(): Dec {
    return decFromScaled(this.fen, 2);
  }

  /** Canonical form, always two decimals: `"1234.50"`, `"-0.05"`, `"0.00"`. */
  toString(): string {
    return plainText(this.fen, 2);
  }

  /** For people: thousands separators, `"1,234,567.50"`, `"-0.05"`. */
  toDisplay(): string {
    const text = this.toString();
    const sign = text.startsWith('-') ? '-' : '';
    const [whole = '0', fraction = '00'] = text.slice(sign.length).split('.');
    return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
  }

  /** JSON carries money as its canonical decimal string. */
  toJSON(): string {
    return this.toString();
  }
}
