import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRight } from 'fp-ts/lib/Either.js';
import { validateInput } from '../../kernel/validate.js';
import { AccountCode, MAX_VOUCHER_LINES, VoucherData } from './voucher-codec.js';

const voucher = (lines: unknown[]) => ({
  organizationId: 'v-01',
  voucherNo: '记-001',
  date: '2024-03-15',
  summary: '收到土地发包收入',
  lines,
});

const problemsOf = (input: unknown): readonly string[] => {
  const result = validateInput(VoucherData, input, 'data');
  return isRight(result) ? [] : result.left.problems;
};

describe('VoucherData', () => {
  it('accepts a balanced voucher and encodes money back to decimal strings', () => {
    const input = voucher([
      { account: '102', side: 'debit', amount: '12000.50' },
      { account: '501', side: 'credit', amount: '12000.50', memo: '东片 40 亩' },
    ]);
    const result = VoucherData.decode(input);
    expect(isRight(result) && VoucherData.encode(result.right)).toEqual(input);
  });

  it('refuses debits that differ from credits at data.lines', () => {
    expect(
      problemsOf(
        voucher([
          { account: '102', side: 'debit', amount: '100.00' },
          { account: '501', side: 'credit', amount: '99.99' },
        ]),
      ),
    ).toEqual([expect.stringMatching(/^data\.lines: debits 100\.00 differ from credits 99\.99, got \[\{"account":"102"/)]);
  });

  it('takes 1,000 lines and refuses 1,001, at data.lines', () => {
    const balanced = (n: number) =>
      Array.from({ length: n }, (_, i) => (i === 0 ? { account: '102', side: 'debit', amount: `${n - 1}.00` } : { account: '501', side: 'credit', amount: '1.00' }));
    expect(problemsOf(voucher(balanced(MAX_VOUCHER_LINES)))).toEqual([]);
    expect(problemsOf(voucher(balanced(MAX_VOUCHER_LINES + 1)))).toEqual([expect.stringMatching(/^data\.lines: a voucher has at most 1000 lines, got 1001/)]);
  });

  it.each([
    ['one line', [{ account: '102', side: 'debit', amount: '1.00' }], 'data.lines: a voucher needs at least two lines'],
    [
      'only debits',
      [
        { account: '102', side: 'debit', amount: '1.00' },
        { account: '101', side: 'debit', amount: '1.00' },
      ],
      'data.lines: a voucher needs at least one debit and one credit line',
    ],
    [
      'a zero amount',
      [
        { account: '102', side: 'debit', amount: '0.00' },
        { account: '501', side: 'credit', amount: '0.00' },
      ],
      'data.lines[0].amount: expected a yuan amount greater than 0, got "0.00"',
    ],
    [
      'a negative amount',
      [
        { account: '102', side: 'debit', amount: '-5.00' },
        { account: '501', side: 'credit', amount: '-5.00' },
      ],
      'data.lines[0].amount: expected a yuan amount greater than 0, got "-5.00"',
    ],
    [
      'three decimals',
      [
        { account: '102', side: 'debit', amount: '12.345' },
        { account: '501', side: 'credit', amount: '12.345' },
      ],
      'data.lines[0].amount: expected a yuan amount with at most 2 decimals, got "12.345"',
    ],
    [
      'a malformed account code',
      [
        { account: '1020', side: 'debit', amount: '1.00' },
        { account: '501', side: 'credit', amount: '1.00' },
      ],
      'data.lines[0].account: expected an account code (3 digits, optionally followed by pairs of digits), got "1020"',
    ],
  ])('refuses %s, naming the field', (_label, lines, problem) => {
    expect(problemsOf(voucher(lines))[0]).toContain(problem);
  });
});

describe('AccountCode', () => {
  it('accepts exactly 3 digits followed by pairs of digits', () => {
    const pattern = /^\d{3}(\d{2})*$/;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('0', '1', '5', '9', 'a', '-', ' ', '٣', '.'), { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        expect(isRight(AccountCode.decode(s))).toBe(pattern.test(s));
      }),
      { numRuns: 3_000 },
    );
  });
});
