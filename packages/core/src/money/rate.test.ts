import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { DecimalFormatError } from './errors.js';
import { Money } from './money.js';
import { Rate } from './rate.js';

const RUNS = { numRuns: 1000 };

describe('Rate', () => {
  it.each([
    ['32', '94', '34.0%'],
    ['57', '94', '60.6%'],
    ['92', '94', '97.9%'],
    ['74.85', '91.3131', '82.0%'],
    ['1', '3', '33.3%'],
    ['2', '3', '66.7%'],
    ['1', '8', '12.5%'],
    ['1', '16', '6.3%'],
    ['-1', '16', '-6.3%'],
    ['-1', '3000', '0.0%'],
    ['0', '5', '0.0%'],
    ['5', '4', '125.0%'],
  ])('%s / %s shows as %s', (n, d, shown) => {
    expect(Rate.of(n, d).toPercent()).toBe(shown);
  });

  it('keeps both terms exactly and serialises them with the display percent', () => {
    const rate = Rate.of(Money.of('74.85'), '91.3131');
    expect(rate.numerator.equals(new Dec('74.85'))).toBe(true);
    expect(rate.denominator.equals(new Dec('91.3131'))).toBe(true);
    expect(JSON.stringify(rate)).toBe('{"numerator":"74.85","denominator":"91.3131","percent":"82.0"}');
    expect(Rate.of(32n, 94n).toJSON()).toEqual({ numerator: '32', denominator: '94', percent: '34.0' });
  });

  it('rounds the decimal value half-up to the requested places', () => {
    expect(Rate.of(32n, 94n).toDecimal().toFixed()).toBe('0.3404255319');
    expect(Rate.of(1n, 8n).toDecimal(2).toFixed()).toBe('0.13');
    expect(Rate.of(-1n, 8n).toDecimal(2).toFixed()).toBe('-0.13');
    expect(Rate.of(57n, 94n).percentValue().toFixed()).toBe('60.6');
    expect(Rate.of(57n, 94n).percentValue(3).toFixed()).toBe('60.638');
  });

  it('takes charter percentages exactly', () => {
    const reserve = Rate.fromPercent('20');
    expect(reserve.equals(Rate.of(1n, 5n))).toBe(true);
    expect(reserve.toJSON()).toEqual({ numerator: '20', denominator: '100', percent: '20.0' });
    expect(reserve.applyTo(Money.of('12345.67')).toString()).toBe('2469.13');
    expect(Rate.fromPercent('12.5').applyTo(Money.of('0.04')).toString()).toBe('0.01');
  });

  it('compares by value, whatever the terms', () => {
    expect(Rate.of('1', '2').compare(Rate.of('50', '100'))).toBe(0);
    expect(Rate.of('1', '3').compare(Rate.of('1', '2'))).toBe(-1);
    expect(Rate.of('1', '-2').compare(Rate.of('-1', '3'))).toBe(-1);
    expect(Rate.of('1', '-2').toPercent()).toBe('-50.0%');
  });

  it('refuses a zero denominator, or answers undefined when asked to', () => {
    expect(() => Rate.of('1', '0')).toThrow(RangeError);
    expect(() => Rate.of(Money.of('1'), Money.zero)).toThrow(RangeError);
    expect(Rate.ofOrUndefined('1', '0.00')).toBeUndefined();
    expect(Rate.ofOrUndefined('1', '2')?.toPercent()).toBe('50.0%');
  });

  it('refuses malformed terms', () => {
    expect(() => Rate.of('1e2', '3')).toThrow(DecimalFormatError);
    expect(() => Rate.of(0.5 as unknown as string, '3')).toThrow(/not a JS number/);
    expect(() => Rate.fromPercent('20%')).toThrow(DecimalFormatError);
  });

  it('percentValue agrees with decimal.js division rounded half-up', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (n, d) => {
        const expected = new Dec(n.toString()).times(100).div(d.toString()).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
        expect(Rate.of(n, d).percentValue().equals(expected)).toBe(true);
      }),
      RUNS,
    );
  });

  it('compare agrees with cross-multiplication', () => {
    const term = fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n });
    const positive = fc.bigInt({ min: 1n, max: 10n ** 6n });
    fc.assert(
      fc.property(term, positive, term, positive, (a, b, c, d) => {
        const expected = a * d === c * b ? 0 : a * d < c * b ? -1 : 1;
        expect(Rate.of(a, b).compare(Rate.of(c, d))).toBe(expected);
      }),
      RUNS,
    );
  });
});
