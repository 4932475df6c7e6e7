import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { Money } from '../money/money.js';

/**
 * 收入口径: which income accounts a village's collective income adds up.
 * `operating` is 经营性收入 (501 经营收入 + 502 投资收益), the default;
 * `total` is 总收入 (501 to 504, adding 503 补助收入 and 504 其他收入).
 */
export const INCOME_BASES = ['operating', 'total'] as const;
export type IncomeBasis = (typeof INCOME_BASES)[number];

/** The 3-digit accounts of each basis; a sub-account (50101) counts with its root (501). */
export const BASIS_ACCOUNTS: Readonly<Record<IncomeBasis, readonly string[]>> = {
  operating: ['501', '502'],
  total: ['501', '502', '503', '504'],
};

/** The statistics' default tiers: 10万, 50万 and 100万 yuan (以上, the threshold included). */
export const DEFAULT_THRESHOLDS: readonly Money[] = ['100000', '500000', '1000000'].map((yuan) => Money.of(yuan));

/** 空壳村: a village whose collective income is under this (or none at all). */
export const SHELL_LIMIT: Money = Money.of('50000');

export const parseIncomeBasis = (text: string): Either<string, IncomeBasis> => {
  const basis = INCOME_BASES.find((b) => b === text);
  return basis === undefined ? left(`expected operating (501 + 502) or total (501 to 504), got ${JSON.stringify(text)}`) : right(basis);
};

/**
 * Thresholds as given in code: none negative, none twice (100000 and
 * 100000.00 are the same amount), at least one. Returned in ascending order.
 */
export const checkThresholds = (thresholds: readonly Money[]): Either<string, readonly Money[]> => {
  if (thresholds.length === 0) return left('at least one threshold is needed, e.g. 100000,500000,1000000');
  const negative = thresholds.find((t) => t.isNegative());
  if (negative !== undefined) return left(`${negative.toString()} is negative; a threshold is a yuan amount of zero or more`);
  const sorted = [...thresholds].sort((a, b) => a.compare(b));
  const twice = sorted.find((t, i) => i > 0 && sorted[i - 1]?.equals(t) === true);
  if (twice !== undefined) return left(`${twice.toString()} is given twice`);
  return right(sorted);
};

/**
 * Thresholds from a comma-separated list of plain yuan amounts
 * (`100000,500000,1000000`), read by `Money` so `1e5`, `1,000` or `12.345`
 * are refused rather than guessed. Spaces around an item are allowed.
 */
export const parseThresholds = (text: string): Either<string, readonly Money[]> => {
  const amounts: Money[] = [];
  for (const [index, raw] of text.split(',').entries()) {
    const item = raw.trim();
    if (item === '') return left(`item ${index + 1} is empty; give yuan amounts separated by commas, e.g. 100000,500000,1000000`);
    const parsed = Money.parse(item);
    if (parsed._tag === 'Left') return left(`item ${index + 1}: ${parsed.left.message}`);
    amounts.push(parsed.right);
  }
  return checkThresholds(amounts);
};
