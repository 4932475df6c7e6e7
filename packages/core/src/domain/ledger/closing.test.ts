import { describe, expect, it } from 'vitest';
import { isLeft } from 'fp-ts/lib/Either.js';
import { specFor } from '@collective-ledger/testing';
import { chartWith, closeYear, postVoucher, posted, voucherOf, yearClosed } from '../../test-support/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import type { LedgerError } from './errors.js';
import type { LedgerEvent } from './events.js';
import { ledgerYearDecider } from './ledger-year.js';
import { testLedger } from './test-ledger.js';

const spec = specFor(ledgerYearDecider<LedgerEvent, LedgerError>(subLedgers, {}));
const given = (...history: LedgerEvent[]) => spec(history);

const ok = <T>(result: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: T }): T => {
  if (result._tag === 'Left') throw new Error(result.left.message);
  return result.right;
};

/** Five vouchers worked by hand: income 10,000.00 + 2,500.50, expenses 3,000.25 + 500.00 (paid in cash drawn from the bank). */
const VOUCHERS_OF_2023 = [
  voucherOf('记-1', '2023-03-01', [['102', 'debit', '10000.00'], ['501', 'credit', '10000.00']]),
  voucherOf('记-2', '2023-06-30', [['102', 'debit', '2500.50'], ['502', 'credit', '2500.50']]),
  voucherOf('记-3', '2023-07-15', [['513', 'debit', '3000.25'], ['102', 'credit', '3000.25']]),
  voucherOf('记-4', '2023-09-09', [['101', 'debit', '800.00'], ['102', 'credit', '800.00']]),
  voucherOf('记-5', '2023-10-01', [['514', 'debit', '500.00'], ['101', 'credit', '500.00']]),
];
const yearOf2023 = VOUCHERS_OF_2023.map(posted);

/** The same five vouchers, posted through the service. */
const yearOfVouchers = async (books: Awaited<ReturnType<typeof testLedger>>) => {
  for (const v of VOUCHERS_OF_2023) ok(await books.voucher(v.voucherNo, v.date, v.lines.map((l) => [l.account, l.side, l.amount.toString()] as const)));
};

const closedData = async (books: Awaited<ReturnType<typeof testLedger>>, year: number) => {
  const events = await books.events(`ledger-v-${year}`);
  const closed = events.find((e) => e.type === 'YearClosed');
  if (closed === undefined) throw new Error('no YearClosed');
  return closed.data as { entries: unknown[]; netIncome: string; carried: unknown[]; closedOn: string };
};

/** 2023 closed: the profit-and-loss balances into 321, then 321 into 322. */
const closeOf2023 = yearClosed(2023, {
  netIncome: '9000.25',
  entries: [
    { account: '501', side: 'debit', amount: '10000.00' },
    { account: '502', side: 'debit', amount: '2500.50' },
    { account: '513', side: 'credit', amount: '3000.25' },
    { account: '514', side: 'credit', amount: '500.00' },
    { account: '321', side: 'credit', amount: '9000.25' },
    { account: '321', side: 'debit', amount: '9000.25' },
    { account: '322', side: 'credit', amount: '9000.25' },
  ],
  // 101: 800.00 - 500.00; 102: 10,000.00 + 2,500.50 - 3,000.25 - 800.00; 322: credit 9,000.25.
  carried: [
    { account: '101', balance: '300.00' },
    { account: '102', balance: '8700.25' },
    { account: '322', balance: '-9000.25' },
  ],
});

describe('year-end close (年终结账)', () => {
  it('carries exactly the profit-and-loss balances into 321, then 321 into 322, on 31 December', () => {
    given(...yearOf2023).when(closeYear(2023)).then([closeOf2023]);
  });

  it('refuses vouchers in a closed year, pointing to an adjustment in the open year', () => {
    given(...yearOf2023, closeOf2023)
      .when(postVoucher(voucherOf('记-6', '2023-12-31', [['513', 'debit', '1.00'], ['102', 'credit', '1.00']])))
      .thenRefuses({ code: 'VOUCHER_YEAR_CLOSED', message: 'date: 2023 is closed for v; post the correction in the open year with adjustsYear: 2023' });
    const adjustment = voucherOf('记-1', '2024-01-05', [['322', 'debit', '1.00'], ['102', 'credit', '1.00']], { adjustsYear: 2023 });
    given().when(postVoucher(adjustment, { carried: new Map([['102', 870025n]]) })).then([posted(adjustment)]);
  });

  it('opens the next year with the carried balances and accumulates undistributed income', async () => {
    const books = await testLedger();
    await yearOfVouchers(books);
    ok(await books.close(2023));
    ok(await books.voucher('记-1', '2024-05-01', [['102', 'debit', '999.75'], ['501', 'credit', '999.75']]));
    ok(await books.close(2024));
    const closed = await closedData(books, 2024);
    expect(closed.netIncome).toBe('999.75');
    expect(closed.carried).toEqual([
      { account: '101', balance: '300.00' },
      { account: '102', balance: '9700.00' },
      { account: '322', balance: '-10000.00' },
    ]);
  });

  it('carries balances across a year that kept no books, and names the open year it finds further back', async () => {
    const books = await testLedger();
    await yearOfVouchers(books);
    ok(await books.close(2023));
    ok(await books.voucher('记-1', '2025-02-01', [['102', 'debit', '100.00'], ['501', 'credit', '100.00']]));
    ok(await books.close(2025));
    const closed = await closedData(books, 2025);
    expect(closed.carried).toContainEqual({ account: '102', balance: '8800.25' });

    const open = await testLedger();
    await yearOfVouchers(open);
    ok(await open.voucher('记-1', '2025-02-01', [['102', 'debit', '100.00'], ['501', 'credit', '100.00']]));
    const before = open.store.size;
    const refused = await open.close(2025);
    expect(isLeft(refused) && refused.left).toEqual({ code: 'YEAR_PREVIOUS_OPEN', message: 'year: close 2023 of v before 2025' });
    expect(open.store.size).toBe(before);
  });

  it('carries other 322 sub-accounts (各项分配) into 未分配收益', () => {
    const chart = chartWith(['32201', '各项分配'], ['32202', '未分配收益']);
    const appropriated = posted(voucherOf('记-6', '2023-12-20', [['32201', 'debit', '4000.00'], ['211', 'credit', '4000.00']]));
    given(...yearOf2023, appropriated)
      .when(closeYear(2023, { chart }))
      .then([
        yearClosed(2023, {
          netIncome: '9000.25',
          entries: [
            { account: '501', side: 'debit', amount: '10000.00' },
            { account: '502', side: 'debit', amount: '2500.50' },
            { account: '513', side: 'credit', amount: '3000.25' },
            { account: '514', side: 'credit', amount: '500.00' },
            { account: '321', side: 'credit', amount: '9000.25' },
            { account: '321', side: 'debit', amount: '9000.25' },
            { account: '32202', side: 'credit', amount: '9000.25' },
            { account: '32201', side: 'credit', amount: '4000.00' },
            { account: '32202', side: 'debit', amount: '4000.00' },
          ],
          // 32202: credit 9,000.25 less the 4,000.00 appropriated.
          carried: [
            { account: '101', balance: '300.00' },
            { account: '102', balance: '8700.25' },
            { account: '211', balance: '-4000.00' },
            { account: '32202', balance: '-5000.25' },
          ],
        }),
      ]);
  });

  const disposalPending = posted(voucherOf('记-9', '2023-12-01', [['181', 'debit', '20.00'], ['151', 'credit', '20.00']]));
  it.each<[string, readonly LedgerEvent[], ReturnType<typeof closeYear>, LedgerError]>([
    ['twice', [...yearOf2023, closeOf2023], closeYear(2023), { code: 'YEAR_ALREADY_CLOSED', message: 'year: 2023 is already closed for v' }],
    // 2023 has books and is still open; 2024 has none yet.
    ['before the previous year', [], closeYear(2024, { previousYear: { status: 'open', year: 2023 } }), { code: 'YEAR_PREVIOUS_OPEN', message: 'year: close 2023 of v before 2024' }],
    [
      'with 181 not cleared',
      [...yearOf2023, disposalPending],
      closeYear(2023),
      { code: 'YEAR_PENDING_DISPOSAL', message: '181 待处理财产损溢 must be cleared before closing 2023: 181 20.00' },
    ],
  ])('refuses a close %s', (_label, history, command, refusal) => {
    given(...history).when(command).thenRefuses(refusal);
  });

  it('refuses closing the books of a township', () => {
    given()
      .when(closeYear(2023, { organizationId: 't', organizationKind: 'township' }))
      .thenRefuses({ code: 'YEAR_ORGANIZATION_NOT_VILLAGE', message: 'organizationId: t is a township; only a village keeps books' });
  });
});
