import * as E from 'fp-ts/lib/Either.js';
import { Dec } from './decimal.js';
import { AreaFormatError, DecimalFormatError } from './errors.js';
import { explainDecimalProblem, readPlainDecimal, type DecimalRules } from './plain-decimal.js';
import { decFromScaled, divRoundHalfUp, plainText, pow10, scaledFromInput, scaledFromPlain } from './scaled.js';

const MU: DecimalRules = { maxDecimals: 4, allowNegative: false };
const NON_NEGATIVE: DecimalRules = { allowNegative: false };
/** 1 mu = 2000/3 m², so one unit (0.0001 mu) is exactly 1/15 m². */
const UNITS_PER_SQUARE_METRE = 15n;
/** 1 ha = 15 mu = 150,000 units. */
const UNITS_PER_HECTARE = 150_000n;

/** Convert to units of 0.0001 mu, rounding half-up; refuses negative or malformed input. */
const toUnits = (value: string | Dec, noun: string, unitsPerOne: bigint): bigint => {
  try {
    const { units, scale } = scaledFromInput(value, noun, NON_NEGATIVE);
    if (units < 0n) throw new AreaFormatError(value.toString(), `expected ${noun} that is not negative`);
    return divRoundHalfUp(units * unitsPerOne, pow10(scale));
  } catch (e) {
    if (e instanceof DecimalFormatError && !(e instanceof AreaFormatError)) throw new AreaFormatError(e.input, e.reason);
    throw e;
  }
};

/**
 * A land area in mu (亩), exact to four decimals (0.0001 mu ≈ 0.067 m²), never
 * negative. Held as a bigint count of 0.0001 mu; written as `"12.5000"`.
 * Conversions from m² and ha round half-up to the fourth decimal.
 */
export class Area {
  static readonly zero: Area = new Area(0n);

  private readonly units: bigint;

  private constructor(units: bigint) {
    this.units = units;
    Object.freeze(this);
  }

  static parse(s: string): E.Either<AreaFormatError, Area> {
    return Area.decode(s);
  }

  /** Like {@link parse} for a value whose type is not yet known (codecs, parsed JSON). */
  static decode(input: unknown): E.Either<AreaFormatError, Area> {
    const read = readPlainDecimal(input, MU);
    if (E.isLeft(read)) {
      return E.left(new AreaFormatError(input, explainDecimalProblem(read.left, 'an area in mu', MU, '12.5')));
    }
    const { units, scale } = scaledFromPlain(read.right);
    return E.right(new Area(units * pow10(4 - scale)));
  }

  /** A plain decimal string of mu, at most 4 decimals, not negative; throws AreaFormatError. */
  static ofMu(s: string): Area {
    const parsed = Area.decode(s);
    if (E.isLeft(parsed)) throw parsed.left;
    return parsed.right;
  }

  static fromSquareMetres(m2: string | Dec): Area {
    return new Area(toUnits(m2, 'an area in square metres', UNITS_PER_SQUARE_METRE));
  }

  static fromHectares(ha: string | Dec): Area {
    return new Area(toUnits(ha, 'an area in hectares', UNITS_PER_HECTARE));
  }

  /** The area in mu, exact. */
  toDecimal(): Dec {
    return decFromScaled(this.units, 4);
  }

  /** In m²: 2000/3 m² per mu repeats forever, so this is exact to Dec's 50 significant digits. */
  toSquareMetres(): Dec {
    return new Dec(this.units.toString()).div(UNITS_PER_SQUARE_METRE.toString());
  }

  /** In hectares (15 mu each), exact to Dec's 50 significant digits for the same reason. */
  toHectares(): Dec {
    return new Dec(this.units.toString()).div(UNITS_PER_HECTARE.toString());
  }

  plus(other: Area): Area {
    return new Area(this.units + other.units);
  }

  /** The difference; throws RangeError if `other` is larger, since an area is never negative. */
  minus(other: Area): Area {
    if (other.units > this.units) {
      throw new RangeError(`cannot take ${other.toString()} mu from ${this.toString()} mu: an area cannot be negative`);
    }
    return new Area(this.units - other.units);
  }

  compare(other: Area): -1 | 0 | 1 {
    if (this.units === other.units) return 0;
    return this.units < other.units ? -1 : 1;
  }

  equals(other: Area): boolean {
    return this.units === other.units;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** Canonical form in mu, always four decimals: `"12.5000"`. */
  toString(): string {
    return plainText(this.units, 4);
  }

  toJSON(): string {
    return this.toString();
  }
}
