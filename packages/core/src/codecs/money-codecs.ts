import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { Area } from '../money/area.js';
import { Dec, isDec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { explainDecimalProblem, readPlainDecimal, type DecimalRules } from '../money/plain-decimal.js';
import { Rate } from '../money/rate.js';

/**
 * A codec from a decimal string to a value object. `read` returns the value or the
 * `expected ...` reason; the reporter appends the rejected value itself.
 */
const decimalCodec = <A>(
  name: string,
  is: (u: unknown) => u is A,
  read: (u: unknown) => E.Either<string, A>,
  write: (a: A) => string,
): t.Type<A, string> =>
  new t.Type<A, string>(
    name,
    is,
    (u, c) => {
      const result = read(u);
      // The Right read gives is already a valid io-ts success: no second one.
      return E.isRight(result) ? result : t.failure(u, c, result.left);
    },
    write,
  );

const isMoney = (u: unknown): u is Money => u instanceof Money;

// Plain tag checks, not fp-ts combinators: every voucher line of a replay passes here.
const readMoney = (u: unknown): E.Either<string, Money> => {
  const read = Money.decode(u);
  return read._tag === 'Left' ? E.left(read.left.reason) : read;
};

/** `readMoney`, then `accept`, or `reason` when it refuses the amount. */
const readMoneyWhere = (accept: (m: Money) => boolean, reason: string) => (u: unknown): E.Either<string, Money> => {
  const read = readMoney(u);
  return read._tag === 'Left' || accept(read.right) ? read : E.left(reason);
};

/** Yuan as a decimal string with at most 2 decimals (`"1234.50"`) ⇄ Money; encodes the canonical form. */
export const Yuan = decimalCodec('Yuan', isMoney, readMoney, (m) => m.toString());

/** A yuan amount greater than zero (voucher lines, payments). */
export const PositiveYuan = decimalCodec(
  'PositiveYuan',
  (u): u is Money => isMoney(u) && u.isPositive(),
  readMoneyWhere((m) => m.isPositive(), 'expected a yuan amount greater than 0'),
  (m) => m.toString(),
);

/** A yuan amount of zero or more (prices, balances that cannot be negative). */
export const NonNegativeYuan = decimalCodec(
  'NonNegativeYuan',
  (u): u is Money => isMoney(u) && !u.isNegative(),
  readMoneyWhere((m) => !m.isNegative(), 'expected a yuan amount of 0 or more'),
  (m) => m.toString(),
);

/** An area in mu as a decimal string with at most 4 decimals, not negative ⇄ Area. */
export const AreaMu = decimalCodec(
  'AreaMu',
  (u): u is Area => u instanceof Area,
  (u) => E.mapLeft((e: { readonly reason: string }) => e.reason)(Area.decode(u)),
  (a) => a.toString(),
);

const PERCENT: DecimalRules = { maxDecimals: 4, allowNegative: false };
const HUNDRED = new Dec(100);

/** A percentage from 0 to 100 with at most 4 decimals (`"20"`, `"12.5"`) ⇄ Rate (20 → 20/100). */
export const Percentage = decimalCodec(
  'Percentage',
  (u): u is Rate => u instanceof Rate,
  (u) => {
    const read = readPlainDecimal(u, PERCENT);
    if (E.isLeft(read)) return E.left(explainDecimalProblem(read.left, 'a percentage', PERCENT, '20'));
    if (typeof u !== 'string' || new Dec(u).gt(HUNDRED)) return E.left('expected a percentage from 0 to 100');
    return E.right(Rate.fromPercent(u));
  },
  // Trailing zeros dropped: "20", "12.5".
  (rate) => rate.percentValue(4).toFixed(),
);

const ANY: DecimalRules = { allowNegative: true };

/** Any plain decimal string (weights, quantities, unit prices) ⇄ Dec; encodes every digit, no exponent. */
export const DecimalString = decimalCodec(
  'DecimalString',
  isDec,
  (u) => {
    const read = readPlainDecimal(u, ANY);
    if (E.isLeft(read) || typeof u !== 'string') {
      return E.left(explainDecimalProblem(E.isLeft(read) ? read.left : 'not-a-string', 'a decimal', ANY, '1.5'));
    }
    return E.right(new Dec(u));
  },
  (d) => d.toFixed(),
);

const NOT_NEGATIVE: DecimalRules = { allowNegative: false };

/** A plain decimal string greater than zero (units of work, quantities) ⇄ Dec. */
export const PositiveDecimalString = decimalCodec(
  'PositiveDecimalString',
  (u): u is Dec => isDec(u) && u.isPositive() && !u.isZero(),
  (u) => {
    const read = readPlainDecimal(u, NOT_NEGATIVE);
    if (E.isLeft(read) || typeof u !== 'string') {
      return E.left(explainDecimalProblem(E.isLeft(read) ? read.left : 'not-a-string', 'a quantity', NOT_NEGATIVE, '1.5'));
    }
    const d = new Dec(u);
    return d.isZero() ? E.left('expected a quantity greater than 0') : E.right(d);
  },
  (d) => d.toFixed(),
);
