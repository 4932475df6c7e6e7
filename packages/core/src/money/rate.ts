import type { Dec } from './decimal.js';
import { Money } from './money.js';
import { decFromScaled, divRoundHalfUp, plainText, pow10, rescale, scaledFromInput, type Scaled } from './scaled.js';

/** Either side of a ratio: a decimal, an amount of money, a count, or a plain decimal string. */
export type RateTerm = Dec | Money | bigint | string;

/**
 * The JSON of a rate: both terms exactly as given (so anyone can recompute it) and
 * the display percentage, one decimal, half-up, without the `%` sign.
 */
export interface RateJson {
  readonly numerator: string;
  readonly denominator: string;
  readonly percent: string;
}

const termToScaled = (term: RateTerm, side: string): Scaled => {
  if (term instanceof Money) return { units: term.toFen(), scale: 2 };
  if (typeof term === 'bigint') return { units: term, scale: 0 };
  return scaledFromInput(term, `a ${side}`);
};

/**
 * An exact ratio such as a collection rate (collected / overdue) or a charter's
 * reserve percentage. Both terms are kept as given; the value is compared and
 * rounded as a fraction of bigints, so no rate is ever approximated before display.
 */
export class Rate {
  private readonly top: Scaled;
  private readonly bottom: Scaled;
  /** The value is p / q with q > 0, both at one common scale. */
  private readonly p: bigint;
  private readonly q: bigint;

  private constructor(top: Scaled, bottom: Scaled) {
    const scale = Math.max(top.scale, bottom.scale);
    const p = rescale(top, scale);
    const q = rescale(bottom, scale);
    this.top = top;
    this.bottom = bottom;
    this.p = q < 0n ? -p : p;
    this.q = q < 0n ? -q : q;
    Object.freeze(this);
  }

  /** numerator / denominator; throws RangeError when the denominator is zero. */
  static of(numerator: RateTerm, denominator: RateTerm): Rate {
    const rate = Rate.ofOrUndefined(numerator, denominator);
    if (rate === undefined) throw new RangeError('a rate needs a denominator other than zero');
    return rate;
  }

  /**
   * numerator / denominator, or undefined when the denominator is zero (a rate of
   * nothing, such as a collection rate with no overdue payments). Malformed terms still throw.
   */
  static ofOrUndefined(numerator: RateTerm, denominator: RateTerm): Rate | undefined {
    const top = termToScaled(numerator, 'numerator');
    const bottom = termToScaled(denominator, 'denominator');
    return bottom.units === 0n ? undefined : new Rate(top, bottom);
  }

  /** A percentage as written in a charter: `"20"` is exactly 20/100. */
  static fromPercent(percent: string): Rate {
    return Rate.of(percent, 100n);
  }

  get numerator(): Dec {
    return decFromScaled(this.top.units, this.top.scale);
  }

  get denominator(): Dec {
    return decFromScaled(this.bottom.units, this.bottom.scale);
  }

  /** The value rounded half-up to `dp` decimals (a ratio, so 0.34 for 34%). */
  toDecimal(dp = 10): Dec {
    return decFromScaled(divRoundHalfUp(this.p * pow10(dp), this.q), dp);
  }

  /** The value in percent, rounded half-up to `dp` decimals: 32/94 → 34.0. */
  percentValue(dp = 1): Dec {
    return decFromScaled(divRoundHalfUp(this.p * 100n * pow10(dp), this.q), dp);
  }

  /** For display: one decimal, half-up (四舍五入), `"34.0%"`. */
  toPercent(): string {
    return `${this.percentText()}%`;
  }

  /** `amount × rate`, rounded half-up to the fen: a 20% reserve of an income. */
  applyTo(amount: Money): Money {
    return Money.fromFen(divRoundHalfUp(amount.toFen() * this.p, this.q));
  }

  compare(other: Rate): -1 | 0 | 1 {
    const left = this.p * other.q;
    const right = other.p * this.q;
    if (left === right) return 0;
    return left < right ? -1 : 1;
  }

  /** Same value, however written: 1/2 equals 50/100. */
  equals(other: Rate): boolean {
    return this.compare(other) === 0;
  }

  toJSON(): RateJson {
    return {
      numerator: plainText(this.top.units, this.top.scale),
      denominator: plainText(this.bottom.units, this.bottom.scale),
      percent: this.percentText(),
    };
  }

  toString(): string {
    return this.toPercent();
  }

  private percentText(): string {
    return plainText(divRoundHalfUp(this.p * 1000n, this.q), 1);
  }
}
