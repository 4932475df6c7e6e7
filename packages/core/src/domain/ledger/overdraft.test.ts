import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { specFor } from '@collective-ledger/testing';
import { chartWith, postVoucher, posted, voucherOf, type Line } from '../../test-support/ledger-year.js';
import { subLedgers } from '../sub-ledgers.js';
import type { LedgerError } from './errors.js';
import type { LedgerEvent } from './events.js';
import { ledgerYearDecider } from './ledger-year.js';
import { testLedger } from './test-ledger.js';

type Books = Awaited<ReturnType<typeof testLedger>>;

const given = (...history: LedgerEvent[]) => specFor(ledgerYearDecider<LedgerEvent, LedgerError>(subLedgers, {}))(history);

const OFFICE: readonly Line[] = [['513', 'debit', '300.00'], ['101', 'credit', '300.00']];
const WITHDRAWAL: readonly Line[] = [['101', 'debit', '500.00'], ['102', 'credit', '500.00']];
const RENT: readonly Line[] = [['102', 'debit', '8000.00'], ['501', 'credit', '8000.00']];

/** Post through the service and expect a refusal with this code and message, and not one event more in the store. */
const refused = async (books: Books, post: () => Promise<unknown>, code: string, message: string): Promise<void> => {
  const before = books.store.size;
  const result = (await post()) as { _tag: 'Left'; left: { code: string; message: string } } | { _tag: 'Right' };
  expect(result._tag === 'Left' && result.left).toEqual({ code, message });
  expect(books.store.size).toBe(before);
};

describe('库存现金 never ends a voucher with a credit balance', () => {
  it('refuses to pay out cash the village does not hold, naming the line, the account, the balance and the voucher', () => {
    given()
      .when(postVoucher(voucherOf('记-1', '2023-03-01', OFFICE)))
      .thenRefuses({
        code: 'VOUCHER_CASH_OVERDRAWN',
        message: 'lines[1].account: voucher 记-1 would leave 101 库存现金 with a credit balance of 300.00; cash on hand cannot be negative',
      });
  });

  it('pays out what the year brought in, to the fen, and not a fen more', () => {
    const year = [posted(voucherOf('记-1', '2023-01-05', RENT)), posted(voucherOf('记-2', '2023-02-01', [['101', 'debit', '300.00'], ['102', 'credit', '300.00']]))];
    const office = voucherOf('记-3', '2023-03-01', OFFICE);
    given(...year).when(postVoucher(office)).then([posted(office)]);
    given(...year)
      .when(postVoucher(voucherOf('记-3', '2023-03-01', [['513', 'debit', '300.01'], ['101', 'credit', '300.01']])))
      .thenRefuses({
        code: 'VOUCHER_CASH_OVERDRAWN',
        message: 'lines[1].account: voucher 记-3 would leave 101 库存现金 with a credit balance of 0.01; cash on hand cannot be negative',
      });
  });

  it('nets the lines of one voucher: cash drawn and spent in the same voucher is fine', () => {
    const both = voucherOf('记-1', '2023-03-01', [['101', 'debit', '300.00'], ['501', 'credit', '300.00'], ['513', 'debit', '300.00'], ['101', 'credit', '300.00']]);
    given().when(postVoucher(both)).then([posted(both)]);
  });

  it('takes a receipt into an account already below zero (books kept before this rule), which only makes it better', () => {
    const receipt = voucherOf('记-1', '2024-01-05', [['101', 'debit', '100.00'], ['501', 'credit', '100.00']]);
    given().when(postVoucher(receipt, { carried: new Map([['101', -50000n]]) })).then([posted(receipt)]);
  });
});

describe('银行存款 ends a voucher overdrawn only when the chart allows it', () => {
  it('refuses to pay from the bank what it does not hold, pointing to the declaration', () => {
    given()
      .when(postVoucher(voucherOf('记-1', '2023-03-01', WITHDRAWAL)))
      .thenRefuses({
        code: 'VOUCHER_BANK_OVERDRAWN',
        message: 'lines[1].account: voucher 记-1 would leave 102 银行存款 with a credit balance of 500.00; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
      });
  });

  it('checks each bank sub-account on its own balance, and the overdraft of one only', () => {
    const banks = chartWith(['10201', '农商银行'], ['10202', '邮储银行']).withOverdraftAllowed('10201');
    const fromRural = voucherOf('记-1', '2023-03-01', [['101', 'debit', '500.00'], ['10201', 'credit', '500.00']]);
    given().when(postVoucher(fromRural, { chart: banks })).then([posted(fromRural)]);
    given()
      .when(postVoucher(voucherOf('记-1', '2023-03-01', [['101', 'debit', '500.00'], ['10202', 'credit', '500.00']]), { chart: banks }))
      .thenFails('VOUCHER_BANK_OVERDRAWN', 'lines[1].account: voucher 记-1 would leave 10202 邮储银行 with a credit balance of 500.00');
  });
});

describe('postVoucher reads the balances the year opens with when a line is on cash or bank', () => {
  it('refuses an overdraft of 102 until the chart allows it, then posts it', async () => {
    const books = await testLedger();
    const withdraw = () => books.voucher('记-1', '2023-03-01', WITHDRAWAL);
    await refused(
      books,
      withdraw,
      'VOUCHER_BANK_OVERDRAWN',
      'lines[1].account: voucher 记-1 would leave 102 银行存款 with a credit balance of 500.00; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
    );
    expect(isRight(await books.overdraft('102'))).toBe(true);
    expect(isRight(await withdraw())).toBe(true);
    await refused(books, () => books.voucher('记-2', '2023-03-02', OFFICE.map(([a, s]) => [a, s, '500.01'] as const)), 'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 记-2 would leave 101 库存现金 with a credit balance of 0.01; cash on hand cannot be negative');
  });

  it('counts what the close carried: the next year spends it, and not a fen more', async () => {
    const books = await testLedger();
    expect(isRight(await books.voucher('记-1', '2023-01-05', RENT))).toBe(true);
    expect(isRight(await books.voucher('记-2', '2023-02-01', WITHDRAWAL))).toBe(true);
    expect(isRight(await books.close(2023))).toBe(true);
    await refused(books, () => books.voucher('记-1', '2024-01-10', [['513', 'debit', '500.01'], ['101', 'credit', '500.01']]), 'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 记-1 would leave 101 库存现金 with a credit balance of 0.01; cash on hand cannot be negative');
    expect(isRight(await books.voucher('记-1', '2024-01-10', [['513', 'debit', '500.00'], ['101', 'credit', '500.00']]))).toBe(true);
    expect(isRight(await books.voucher('记-2', '2024-01-11', [['101', 'debit', '7500.00'], ['102', 'credit', '7500.00']]))).toBe(true);
    const overdrawn = await books.voucher('记-3', '2024-01-12', [['101', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    expect(isLeft(overdrawn) && overdrawn.left.code).toBe('VOUCHER_BANK_OVERDRAWN');
  });

  it('counts what a previous year still open left in the bank: a January payment before the December close', async () => {
    const books = await testLedger();
    expect(isRight(await books.voucher('记-1', '2023-01-05', RENT))).toBe(true);
    expect(isRight(await books.voucher('记-2', '2023-12-20', [['513', 'debit', '7000.00'], ['102', 'credit', '7000.00']]))).toBe(true);
    await refused(books, () => books.voucher('记-1', '2024-01-10', [['101', 'debit', '1000.01'], ['102', 'credit', '1000.01']]), 'VOUCHER_BANK_OVERDRAWN',
      'lines[1].account: voucher 记-1 would leave 102 银行存款 with a credit balance of 0.01; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)');
    expect(isRight(await books.voucher('记-1', '2024-01-10', [['101', 'debit', '1000.00'], ['102', 'credit', '1000.00']]))).toBe(true);
    await refused(books, () => books.voucher('记-2', '2024-01-11', [['513', 'debit', '1000.01'], ['101', 'credit', '1000.01']]), 'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 记-2 would leave 101 库存现金 with a credit balance of 0.01; cash on hand cannot be negative');
    // The close carries the same bank balance: what 2024 decided against the open year still holds.
    expect(isRight(await books.close(2023))).toBe(true);
    expect(isRight(await books.voucher('记-2', '2024-01-11', [['513', 'debit', '1000.00'], ['101', 'credit', '1000.00']]))).toBe(true);
  });

  it('counts back through every open year to the last close', async () => {
    const books = await testLedger();
    expect(isRight(await books.voucher('记-1', '2022-03-01', RENT))).toBe(true);
    expect(isRight(await books.close(2022))).toBe(true);
    expect(isRight(await books.voucher('记-1', '2023-05-01', WITHDRAWAL))).toBe(true);
    await refused(books, () => books.voucher('记-1', '2024-01-10', [['513', 'debit', '500.01'], ['101', 'credit', '500.01']]), 'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 记-1 would leave 101 库存现金 with a credit balance of 0.01; cash on hand cannot be negative');
    expect(isRight(await books.voucher('记-1', '2024-02-10', [['513', 'debit', '100.00'], ['102', 'credit', '100.00']]))).toBe(true);
    expect(isRight(await books.voucher('记-1', '2025-01-10', [['101', 'debit', '7400.00'], ['102', 'credit', '7400.00']]))).toBe(true);
    const overdrawn = await books.voucher('记-2', '2025-01-11', [['101', 'debit', '0.01'], ['102', 'credit', '0.01']]);
    expect(isLeft(overdrawn) && overdrawn.left.message).toContain('would leave 102 银行存款 with a credit balance of 0.01');
  });
});
