import * as E from 'fp-ts/lib/Either.js';

/**
 * The one textual form this library accepts for money, areas, rates and weights:
 * an optional `-`, digits without leading zeros, and an optional `.` with digits
 * after it. Anything a spreadsheet or a JS number might produce instead (`1e5`,
 * `1,000`, ` 1`, `.5`) is refused with a reason, so no value is guessed at.
 */
export interface PlainDecimal {
  readonly negative: boolean;
  /** Digits before the point. */
  readonly whole: string;
  /** Digits after the point, possibly empty. */
  readonly fraction: string;
}

export type DecimalProblem =
  | 'a-number'
  | 'not-a-string'
  | 'empty'
  | 'whitespace'
  | 'plus-sign'
  | 'separator'
  | 'not-finite'
  | 'exponent'
  | 'bare-point'
  | 'leading-zero'
  | 'too-many-decimals'
  | 'negative'
  | 'signed-zero'
  | 'malformed';

export interface DecimalRules {
  /** Most digits allowed after the point; no limit when absent. */
  readonly maxDecimals?: number;
  readonly allowNegative: boolean;
}

const PLAIN = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?$/;

/** Name the most likely mistake in a string that is not a plain decimal. */
const diagnose = (s: string): DecimalProblem => {
  if (s === '') return 'empty';
  if (/\s/.test(s)) return 'whitespace';
  if (s.startsWith('+')) return 'plus-sign';
  if (/^-?\d[\d,_']*(\.\d*)?$/.test(s) && /[,_']/.test(s)) return 'separator';
  if (/^-?(nan|inf|infinity)$/i.test(s)) return 'not-finite';
  if (/^-?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(s)) return 'exponent';
  if (/^-?(\d+\.|\.\d+)$/.test(s)) return 'bare-point';
  if (/^-?0\d+(\.\d+)?$/.test(s)) return 'leading-zero';
  return 'malformed';
};

/** Check `input` against the plain decimal form and `rules`; a sign on zero (`-0`, `-0.00`) is refused: one value, one text. */
export const readPlainDecimal = (input: unknown, rules: DecimalRules): E.Either<DecimalProblem, PlainDecimal> => {
  if (typeof input === 'number') return E.left('a-number');
  if (typeof input !== 'string') return E.left('not-a-string');
  const match = PLAIN.exec(input);
  if (match === null) return E.left(diagnose(input));
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  if (rules.maxDecimals !== undefined && fraction.length > rules.maxDecimals) return E.left('too-many-decimals');
  return signed(match[1] === '-', whole, fraction, rules);
};

/** The sign read: a minus on zero is refused, a negative value where the rules allow it. */
const signed = (minus: boolean, whole: string, fraction: string, rules: DecimalRules): E.Either<DecimalProblem, PlainDecimal> => {
  const negative = minus && /[1-9]/.test(whole + fraction);
  if (minus && !negative) return E.left('signed-zero');
  if (negative && !rules.allowNegative) return E.left('negative');
  return E.right({ negative, whole, fraction });
};

type Explain = (noun: string, maxDecimals: number, example: string) => string;

const plainForm: Explain = (noun, _, example) => `expected ${noun} as a plain decimal string such as "${example}"`;

const EXPLANATIONS: Readonly<Record<DecimalProblem, Explain>> = {
  'a-number': (noun, _, example) =>
    `expected ${noun} as a decimal string such as "${example}", not a JS number (numbers cannot hold decimals exactly)`,
  'not-a-string': plainForm,
  empty: plainForm,
  malformed: plainForm,
  whitespace: (noun) => `expected ${noun} without spaces`,
  'plus-sign': (noun) => `expected ${noun} without a "+" sign`,
  separator: (noun) => `expected ${noun} without thousands separators`,
  'not-finite': (noun) => `expected ${noun} in digits, not NaN or Infinity`,
  exponent: (noun) => `expected ${noun} in plain digits, without an exponent`,
  'bare-point': (noun) => `expected ${noun} with digits on both sides of the decimal point`,
  'leading-zero': (noun) => `expected ${noun} without leading zeros`,
  'too-many-decimals': (noun, maxDecimals) => `expected ${noun} with at most ${maxDecimals} decimals`,
  negative: (noun) => `expected ${noun} that is not negative`,
  'signed-zero': (noun) => `expected ${noun} without a minus sign on zero`,
};

/** What the caller should have passed, as `expected ...`; `noun` carries its article ("a yuan amount"). */
export const explainDecimalProblem = (
  problem: DecimalProblem,
  noun: string,
  rules: DecimalRules,
  example: string,
): string => EXPLANATIONS[problem](noun, rules.maxDecimals ?? 0, example);

/** A short, unambiguous rendering of a rejected input for error messages. */
export const showInput = (input: unknown): string => {
  if (typeof input === 'string') return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (typeof input === 'bigint') return `${input}n`;
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  return `a value of type ${typeof input}`;
};
