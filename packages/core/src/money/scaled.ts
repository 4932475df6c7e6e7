import { Dec, isDec } from './decimal.js';
import { DecimalFormatError } from './errors.js';
import { explainDecimalProblem, readPlainDecimal, type DecimalRules, type PlainDecimal } from './plain-decimal.js';

/**
 * A decimal as a scaled integer: `units / 10^scale`. Money, areas, rates and
 * weights are computed in bigint this way, so sums and products are exact and
 * only the one explicit rounding step ({@link divRoundHalfUp}) loses anything.
 */
export interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

const POWERS = Array.from({ length: 19 }, (_, n) => 10n ** BigInt(n));

/** 10^n; the small powers every amount is scaled by are computed once. */
export const pow10 = (n: number): bigint => POWERS[n] ?? 10n ** BigInt(n);

export const scaledFromPlain = (p: PlainDecimal): Scaled => {
  const units = BigInt(p.whole + p.fraction);
  return { units: p.negative ? -units : units, scale: p.fraction.length };
};

/** Exact digits of a finite Dec (from any decimal.js constructor); throws for NaN or Infinity. */
export const scaledFromDec = (d: Dec): Scaled => {
  if (!isDec(d)) throw new DecimalFormatError(d, 'expected a Decimal or a plain decimal string');
  if (!d.isFinite()) throw new DecimalFormatError(d.toString(), 'expected a finite decimal, not NaN or Infinity');
  // toFixed() without arguments prints every digit in normal notation, never an exponent.
  const text = d.toFixed();
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  return scaledFromPlain({ negative, whole, fraction });
};

const ANY_DECIMAL: DecimalRules = { allowNegative: true };

/** Read a decimal string of any sign and length, throwing a DecimalFormatError that names `noun`. */
export const scaledFromString = (input: unknown, noun: string, rules: DecimalRules = ANY_DECIMAL): Scaled => {
  const read = readPlainDecimal(input, rules);
  if (read._tag === 'Left') throw new DecimalFormatError(input, explainDecimalProblem(read.left, noun, rules, '1.5'));
  return scaledFromPlain(read.right);
};

/** A Dec or a plain decimal string, as a scaled integer; anything else (a JS number) is refused with a reason. */
export const scaledFromInput = (input: Dec | string, noun: string, rules?: DecimalRules): Scaled =>
  isDec(input) ? scaledFromDec(input) : scaledFromString(input, noun, rules);

/** Bring `s` to a larger or equal scale without loss. */
export const rescale = (s: Scaled, scale: number): bigint => s.units * pow10(scale - s.scale);

/**
 * `n / d` rounded to the nearest integer, halves away from zero (四舍五入: 2.5 → 3,
 * -2.5 → -3). `d` must be positive.
 */
export const divRoundHalfUp = (n: bigint, d: bigint): bigint => {
  const magnitude = n < 0n ? -n : n;
  const rounded = (magnitude * 2n + d) / (d * 2n);
  return n < 0n ? -rounded : rounded;
};

/** `units / 10^scale` as plain text, e.g. (-5n, 2) → "-0.05". */
export const plainText = (units: bigint, scale: number): string => {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
};

/** An exact Dec of `units / 10^scale` (the constructor does not round to precision). */
export const decFromScaled = (units: bigint, scale: number): Dec => new Dec(plainText(units, scale));
