import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Yuan } from './money-codecs.js';
import { IsoDate } from './primitives.js';
import { formatValidationErrors, validationIssues } from './reporter.js';

const report = (codec: t.Decoder<unknown, unknown>, value: unknown, prefix = 'data'): string[] => {
  const result = codec.decode(value);
  if (E.isRight(result)) throw new Error('expected the value to be refused');
  return formatValidationErrors(result.left, prefix);
};

describe('formatValidationErrors', () => {
  it('prints the field, the reason and the value', () => {
    expect(report(t.type({ amount: Yuan }), { amount: '12.345' })).toEqual([
      'data.amount: expected a yuan amount with at most 2 decimals, got "12.345"',
    ]);
  });

  it('prints a JS number as it was given and asks for a decimal string', () => {
    expect(report(t.type({ amount: Yuan }), { amount: 12.345 })).toEqual([
      'data.amount: expected a yuan amount as a decimal string such as "1234.50", not a JS number (numbers cannot hold decimals exactly), got 12.345',
    ]);
  });

  it('prints array positions in brackets', () => {
    const Voucher = t.type({ lines: t.array(t.type({ amount: Yuan })) });
    expect(report(Voucher, { lines: [{ amount: '1' }, { amount: '1e5' }] })).toEqual([
      'data.lines[1].amount: expected a yuan amount in plain digits, without an exponent, got "1e5"',
    ]);
    expect(report(t.array(t.type({ amount: Yuan })), [{ amount: '1,000' }], '')).toEqual([
      '[0].amount: expected a yuan amount without thousands separators, got "1,000"',
    ]);
  });

  it('leaves union and intersection member indices out of paths', () => {
    const Line = t.intersection([t.type({ amount: Yuan }), t.partial({ date: IsoDate })]);
    const Entry = t.union([t.type({ kind: t.literal('cash'), line: Line }), t.type({ kind: t.literal('bank'), line: Line })]);
    const lines = report(t.type({ entries: t.array(Entry) }), { entries: [{ kind: 'cash', line: { amount: '1', date: '2023-02-29' } }] });
    expect(lines).toContain('data.entries[0].line.date: expected a date YYYY-MM-DD, got "2023-02-29"');
    expect(lines.every((line) => !/\.\d|\[\d+\]\[/.test(line.replace('entries[0]', '')))).toBe(true);
  });

  it('quotes keys that are not plain names', () => {
    expect(report(t.record(t.string, Yuan), { '2023': '1.001', 'east field': 'x' })).toEqual([
      'data["2023"]: expected a yuan amount with at most 2 decimals, got "1.001"',
      'data["east field"]: expected a yuan amount as a plain decimal string such as "1234.50", got "x"',
    ]);
  });

  it('names a missing field and a wrong top-level value', () => {
    expect(report(t.type({ amount: Yuan }), {})).toEqual([
      'data.amount: expected a yuan amount as a plain decimal string such as "1234.50", got nothing',
    ]);
    expect(report(IsoDate, NaN, '')).toEqual(['(value): expected a date YYYY-MM-DD, got NaN']);
  });

  it('reports each distinct problem once', () => {
    const result = t.union([t.type({ a: IsoDate }), t.type({ a: IsoDate })]).decode({ a: 'x' });
    if (E.isRight(result)) throw new Error('expected a failure');
    expect(validationIssues(result.left)).toEqual([{ path: 'a', message: 'expected a date YYYY-MM-DD, got "x"' }]);
  });
});
