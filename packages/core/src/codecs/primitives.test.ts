import * as E from 'fp-ts/lib/Either.js';
import * as fc from 'fast-check';
import type * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { daysInMonth, Id, IsoDate, IsoDateTime, isIsoDate, NonEmptyString, PositiveInteger, Uuid } from './primitives.js';

const accepts = (codec: t.Decoder<unknown, unknown>, value: unknown): boolean => E.isRight(codec.decode(value));

describe('IsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2023-01-01', '0001-01-01', '0004-02-29'])('accepts %s', (s) => {
    expect(accepts(IsoDate, s)).toBe(true);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2023-02-30',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-01-00',
    '0000-01-01',
    '2023-1-01',
    '20230101',
    '2023-01-01T00:00:00Z',
    ' 2023-01-01',
    '',
  ])('refuses %j', (s) => {
    expect(accepts(IsoDate, s)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(accepts(IsoDate, 20230101)).toBe(false);
    expect(accepts(IsoDate, new Date('2023-01-01'))).toBe(false);
  });

  it('knows the Gregorian calendar', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect(isIsoDate('0100-02-29')).toBe(false);
  });

  it('agrees with the calendar of Date for every year, month and day, and refuses any other string', () => {
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    const lastDay = (year: number, month: number): number => {
      const d = new Date(Date.UTC(2000, month, 0));
      d.setUTCFullYear(year, month, 0);
      return d.getUTCDate();
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
        expect(isIsoDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(real);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 10, maxLength: 10 }), (s) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(s));
        expect(isIsoDate(s)).toBe(false);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('IsoDateTime', () => {
  it.each(['2024-01-31T08:00:00Z', '2024-01-31T08:00:00.000Z', '2024-01-31T23:59:59.123456+08:00', '2024-02-29T00:00:00-05:30'])(
    'accepts %s',
    (s) => {
      expect(accepts(IsoDateTime, s)).toBe(true);
    },
  );

  it.each([
    '2024-01-31',
    '2024-01-31T08:00Z',
    '2024-01-31T08:00:00',
    '2024-01-31 08:00:00Z',
    '2024-01-31T24:00:00Z',
    '2024-01-31T08:60:00Z',
    '2023-02-29T08:00:00Z',
    '2024-01-31T08:00:00+0800',
  ])('refuses %j', (s) => {
    expect(accepts(IsoDateTime, s)).toBe(false);
  });
});

describe('ids and strings', () => {
  it.each(['village-001', 'a', 'V.1_2:3', 'x'.repeat(128)])('Id accepts %s', (s) => {
    expect(accepts(Id, s)).toBe(true);
  });

  it.each(['', '-starts-with-dash', 'has space', 'x'.repeat(129), '村一', 'a/b'])('Id refuses %j', (s) => {
    expect(accepts(Id, s)).toBe(false);
  });

  it('Id accepts exactly what its pattern describes, at every length and with any character', () => {
    const pattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
    const char = fc.constantFrom('a', 'Z', '0', '9', '.', '_', ':', '-', ' ', '/', '村', '\n', '@', '`', '[', '{');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 130 }), fc.nat({ max: 130 }), (chars, repeat) => {
        const s = chars.join('') + 'x'.repeat(repeat % 4 === 0 ? repeat : 0);
        expect(accepts(Id, s)).toBe(pattern.test(s));
      }),
      { numRuns: 2_000 },
    );
  });

  it('Uuid accepts the canonical form only', () => {
    expect(accepts(Uuid, '0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(accepts(Uuid, '0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(true);
    expect(accepts(Uuid, '0f8fad5bd9cb469fa16570867728950e')).toBe(false);
    expect(accepts(Uuid, '{0f8fad5b-d9cb-469f-a165-70867728950e}')).toBe(false);
    expect(accepts(Uuid, '0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
  });

  it('NonEmptyString needs a character that is not white space', () => {
    expect(accepts(NonEmptyString, '村')).toBe(true);
    expect(accepts(NonEmptyString, ' x ')).toBe(true);
    expect(accepts(NonEmptyString, '')).toBe(false);
    expect(accepts(NonEmptyString, ' \t\n')).toBe(false);
    expect(accepts(NonEmptyString, 1)).toBe(false);
  });

  it('PositiveInteger accepts whole numbers above zero', () => {
    expect([1, 2, Number.MAX_SAFE_INTEGER].map((n) => accepts(PositiveInteger, n))).toEqual([true, true, true]);
    expect([0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER + 1, NaN].map((n) => accepts(PositiveInteger, n))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
