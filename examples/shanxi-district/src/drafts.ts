import { Money, allocate } from '@collective-ledger/core';

/** A voucher before it has a number: numbers follow the date order once the whole year is drafted. */
export interface Draft {
  readonly date: string;
  readonly summary: string;
  readonly debit: string;
  readonly credit: string;
  readonly amount: Money;
  /** The draft this one reverses (冲销): posted earlier the same day, numbered first. */
  readonly reverses?: Draft;
}

export type Random = () => number;

/** A whole number in [min, max]: a count, a day, a weight; never money. */
export const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export const pick = <T>(random: Random, items: readonly [T, ...T[]]): T => items[Math.floor(random() * items.length)] ?? items[0];

const two = (n: number): string => String(n).padStart(2, '0');

/** A day of `month` (1 to 28, so every month has it). */
export const dayIn = (random: Random, year: number, month: number): string => `${year}-${two(month)}-${two(intBetween(random, 1, 28))}`;

export const dateIn = (random: Random, year: number): string => dayIn(random, year, intBetween(random, 1, 12));

/**
 * `total` split into `parts` amounts of varied sizes that add up to it exactly,
 * to the fen (allocate: largest remainders). Zero parts (only possible for a
 * tiny total) are dropped: a voucher amount must be positive.
 */
export const split = (total: Money, parts: number, random: Random): Money[] =>
  total.isPositive() ? allocate(total, Array.from({ length: parts }, () => String(intBetween(random, 1, 100)))).filter((m) => m.isPositive()) : [];

/** `percent` of `amount`, cut to the fen: a share of income spent, drawn as a whole percent. */
export const percentOf = (amount: Money, percent: number): Money => Money.fromFen((amount.toFen() * BigInt(percent)) / 100n);

/** Small receipts are taken in cash (101 库存现金), the rest by bank transfer (102 银行存款). */
export const receivedInto = (amount: Money): string => (amount.lt(Money.of('5000')) ? '101' : '102');
