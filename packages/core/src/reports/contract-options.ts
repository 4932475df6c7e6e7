import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../money/money.js';

/*
 * The options of the contract warnings (合同预警) the township sets: how far
 * ahead an expiry is warned of, and the reference prices a contract's
 * yearly price per mu or per square metre must reach.
 */

/** Expiries warned of by default: within 90 days of the report's date. */
export const DEFAULT_WITHIN_DAYS = 90;

/** The longest look-ahead for expiries: ten years of days. */
export const MAX_WITHIN_DAYS = 3650;

const WITHIN_EXPECTED = `a whole number of days from 0 to ${MAX_WITHIN_DAYS}`;

/** A look-ahead given in code: a whole number of days from 0 to MAX_WITHIN_DAYS. */
export const checkWithinDays = (value: unknown): Either<string, number> =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_WITHIN_DAYS ? right(value) : left(`expected ${WITHIN_EXPECTED}, got ${JSON.stringify(value)}`);

/** `--within-days 30`: digits only. */
export const parseWithinDays = (text: string): Either<string, number> => (/^\d{1,4}$/.test(text) ? checkWithinDays(Number(text)) : left(`expected ${WITHIN_EXPECTED}, got ${JSON.stringify(text)}`));

/** A reference price given in code: an amount of yuan above zero. */
export const checkReferencePrice = (value: unknown): Either<string, Money> =>
  value instanceof Money && value.isPositive() ? right(value) : left(`expected yuan per year above zero, e.g. 800 or 12.50, got ${value instanceof Money ? value.toString() : JSON.stringify(value)}`);

/** `--min-price-per-mu 800`: a plain yuan amount above zero, at most two decimals. */
export const parseReferencePrice = (text: string): Either<string, Money> => {
  const parsed = Money.parse(text.trim());
  return parsed._tag === 'Left' ? left(`expected yuan per year above zero, e.g. 800 or 12.50: ${parsed.left.message}`) : checkReferencePrice(parsed.right);
};
