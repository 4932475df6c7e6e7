import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Area } from './area.js';
import { Dec } from './decimal.js';
import { AreaFormatError } from './errors.js';

const RUNS = { numRuns: 1000 };

/** Units of 0.0001 as text, written here independently of the code under test. */
const text4 = (units: bigint): string => `${units / 10_000n}.${(units % 10_000n).toString().padStart(4, '0')}`;
const areaUnits = fc.bigInt({ min: 0n, max: 10n ** 12n });

describe('Area', () => {
  it('reads mu and prints four decimals', () => {
    expect(Area.ofMu('12.5').toString()).toBe('12.5000');
    expect(Area.ofMu('0').toString()).toBe('0.0000');
    expect(Area.ofMu('3.1415').toJSON()).toBe('3.1415');
    expect(JSON.stringify({ area: Area.ofMu('1') })).toBe('{"area":"1.0000"}');
  });

  it.each([
    ['1.23456', 'expected an area in mu with at most 4 decimals, got "1.23456"'],
    ['-1', 'expected an area in mu that is not negative, got "-1"'],
    ['1e2', 'expected an area in mu in plain digits, without an exponent, got "1e2"'],
    ['', 'expected an area in mu as a plain decimal string such as "12.5", got ""'],
    [' 1', 'expected an area in mu without spaces, got " 1"'],
    ['.5', 'expected an area in mu with digits on both sides of the decimal point, got ".5"'],
    ['NaN', 'expected an area in mu in digits, not NaN or Infinity, got "NaN"'],
  ])('refuses %j', (input, message) => {
    expect(() => Area.ofMu(input)).toThrow(new AreaFormatError(input, message.replace(/, got .*$/, '')));
    expect(() => Area.ofMu(input)).toThrow(message);
  });

  it('refuses a JS number', () => {
    expect(() => Area.ofMu(12 as unknown as string)).toThrow(/not a JS number/);
  });

  it('converts from square metres and hectares, half-up to 0.0001 mu', () => {
    expect(Area.fromSquareMetres('666.67').toString()).toBe('1.0000');
    expect(Area.fromSquareMetres('2000').toString()).toBe('3.0000');
    expect(Area.fromSquareMetres(new Dec('10000')).toString()).toBe('15.0000');
    expect(Area.fromHectares('1').toString()).toBe('15.0000');
    expect(Area.fromHectares('0.00001').toString()).toBe('0.0002');
    // 0.1 m² = 1.5 units of 0.0001 mu: the half goes up.
    expect(Area.fromSquareMetres('0.1').toString()).toBe('0.0002');
    expect(() => Area.fromSquareMetres('-1')).toThrow(AreaFormatError);
    expect(() => Area.fromHectares(new Dec(-1))).toThrow(AreaFormatError);
    expect(() => Area.fromHectares('1,5')).toThrow('an area in hectares without thousands separators');
  });

  it('converts to square metres and hectares', () => {
    expect(Area.ofMu('3').toSquareMetres().equals(new Dec(2000))).toBe(true);
    expect(Area.ofMu('15').toHectares().equals(new Dec(1))).toBe(true);
    expect(Area.ofMu('1').toSquareMetres().toDecimalPlaces(2).toFixed()).toBe('666.67');
    expect(Area.ofMu('12.5').toDecimal().toFixed()).toBe('12.5');
  });

  it('adds, subtracts and compares, never going negative', () => {
    const a = Area.ofMu('2.5');
    const b = Area.ofMu('0.75');
    expect(a.plus(b).toString()).toBe('3.2500');
    expect(a.minus(b).toString()).toBe('1.7500');
    expect(() => b.minus(a)).toThrow(RangeError);
    expect([a.compare(b), b.compare(a), a.compare(Area.ofMu('2.50'))]).toEqual([1, -1, 0]);
    expect(a.equals(Area.ofMu('2.5000'))).toBe(true);
    expect(Area.zero.isZero()).toBe(true);
    expect(a.minus(a).isZero()).toBe(true);
  });

  it('mu → m² → mu and mu → ha → mu give back the same area', () => {
    fc.assert(
      fc.property(areaUnits, (units) => {
        const area = Area.ofMu(text4(units));
        expect(area.toString()).toBe(text4(units));
        expect(Area.fromSquareMetres(area.toSquareMetres()).equals(area)).toBe(true);
        expect(Area.fromHectares(area.toHectares()).equals(area)).toBe(true);
      }),
      RUNS,
    );
  });

  it('m² → mu → m² stays within half of 0.0001 mu', () => {
    const halfUnitInSquareMetres = new Dec(1).div(30);
    const squareMetres = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => new Dec(units.toString()).div(new Dec(10).pow(scale)));
    fc.assert(
      fc.property(squareMetres, (m2) => {
        const back = Area.fromSquareMetres(m2).toSquareMetres();
        expect(back.minus(m2).abs().lte(halfUnitInSquareMetres)).toBe(true);
      }),
      RUNS,
    );
  });
});
