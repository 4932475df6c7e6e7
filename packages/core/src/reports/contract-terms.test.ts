import { describe, expect, it } from 'vitest';
import type { ContractRecord } from '../domain/contracts/index.js';
import { Dec } from '../money/decimal.js';
import { Money } from '../money/money.js';
import { ageBandOf } from './age-bands.js';
import { parseReferencePrice, parseWithinDays } from './contract-options.js';
import { isBelow, lastDayOfYears, priceMoney, termLimitOf, yearlyUnitPrice } from './contract-terms.js';

const card = (fen: bigint, [startsOn, endsOn]: readonly [string, string], area: string, unit: 'mu' | 'm2' = 'mu'): Pick<ContractRecord, 'subject' | 'schedule' | 'startsOn' | 'endsOn'> => ({
  subject: { description: '地块' as ContractRecord['subject']['description'], area: { value: new Dec(area), unit } },
  schedule: [{ no: 1, dueOn: startsOn, fen, grain: undefined }],
  startsOn,
  endsOn,
});

describe('the legal term limits', () => {
  it('let the contract’s kind and its resource choose', () => {
    expect(termLimitOf({ category: 'building-lease' }, undefined)).toEqual({ limit: 'lease', years: 20 });
    expect(termLimitOf({ category: 'resource-contracting' }, undefined)).toEqual({ limit: 'farmland', years: 30 });
    expect(termLimitOf({ category: 'resource-contracting' }, 'waste-land')).toEqual({ limit: 'waste-land', years: 50 });
    expect(termLimitOf({ category: 'resource-contracting' }, 'forest')).toEqual({ limit: 'forest', years: 70 });
    expect(termLimitOf({ category: 'service' }, undefined)).toBeUndefined();
  });

  it('end the day before the same date so many years later', () => {
    expect(lastDayOfYears('2024-01-01', 20)).toBe('2043-12-31');
    expect(lastDayOfYears('2024-03-15', 30)).toBe('2054-03-14');
    // No 29 February in 2025: the term ends on the last day of February.
    expect(lastDayOfYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayOfYears('2024-02-29', 4)).toBe('2028-02-28');
  });
});

describe('a yearly price per mu or m²', () => {
  it('is compared exactly, not after rounding to the fen', () => {
    // 365 days, 3 mu, 100.00: 33.333… a mu a year, shown 33.33, not below 33.33 but below 33.34.
    const price = yearlyUnitPrice(card(10000n, ['2023-01-01', '2023-12-31'], '3'));
    expect(price === undefined ? undefined : priceMoney(price).toString()).toBe('33.33');
    expect(price !== undefined && isBelow(price, Money.of('33.33'))).toBe(false);
    expect(price !== undefined && isBelow(price, Money.of('33.34'))).toBe(true);
  });

  it('counts a year as 365 days and a fractional area exactly', () => {
    const price = yearlyUnitPrice(card(73000n, ['2023-01-01', '2024-12-31'], '0.5', 'm2'));
    // 730.00 over 731 days for 0.5 m²: 730 × 365 / (731 × 0.5) = 728.997… → 729.00
    expect(price === undefined ? undefined : [price.unit, priceMoney(price).toString()]).toEqual(['m2', '729.00']);
  });
});

describe('the warnings’ options as text and the age bands', () => {
  it('read a look-ahead and a reference price, or say what is expected', () => {
    expect(parseWithinDays('30')).toEqual({ _tag: 'Right', right: 30 });
    expect(parseWithinDays('3651')).toEqual({ _tag: 'Left', left: 'expected a whole number of days from 0 to 3650, got 3651' });
    expect(parseWithinDays('thirty')).toEqual({ _tag: 'Left', left: 'expected a whole number of days from 0 to 3650, got "thirty"' });
    const price = parseReferencePrice('12.50');
    expect(price._tag === 'Right' && price.right.toString()).toBe('12.50');
    expect(parseReferencePrice('12.345')._tag).toBe('Left');
  });

  it('put an age in the band that includes both its limits', () => {
    expect([1, 30, 31, 90, 91, 180, 181, 365, 366].map(ageBandOf)).toEqual(['up-to-30', 'up-to-30', '31-90', '31-90', '91-180', '91-180', '181-365', '181-365', 'over-365']);
  });
});
