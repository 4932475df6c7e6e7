import { describe, expect, it } from 'vitest';
import { bankLoan, testDebts, type DebtService } from './test-debts.js';

type Books = Awaited<ReturnType<typeof testDebts>>;

/** Run a command expecting a refusal with this code and message, and not one event more in the store. */
const refused = async (books: Books, [service, input]: readonly [DebtService, object], code: string, message: unknown): Promise<void> => {
  const before = books.store.size;
  const result = await books.run(service, input);
  expect(result._tag === 'Left' && result.left).toMatchObject({ code, message });
  expect(books.store.size).toBe(before);
};

const withLoan = async (extra: object = {}): Promise<Books> => {
  const books = await testDebts();
  await books.ok('record', bankLoan('d1', extra));
  return books;
};

const repay = (amount: string, extra: object = {}) => ({ debtId: 'd1', resolvedOn: '2023-03-01', amount, ...extra });
const approval = { body: 'members-assembly', approvedOn: '2023-05-20', resolution: '成员大会决议〔2023〕3号' };

describe('the debt register refuses, with a clear error, and writes nothing', () => {
  it('DEBT_EXISTS: an id already on the register', async () => {
    const books = await withLoan();
    await refused(books, ['record', bankLoan('d1', { amount: '1.00' })], 'DEBT_EXISTS', 'debtId: d1 is already on the debt register of v');
  });

  it('DEBT_EXISTS: the id of a debt fully resolved, even in a later year after a close', async () => {
    const books = await withLoan();
    await books.ok('repay', repay('10000.00'));
    await books.close(2023);
    await refused(books, ['record', bankLoan('d1', { recordedOn: '2024-02-01' })], 'DEBT_EXISTS', 'debtId: d1 is already on the debt register of v');
  });

  it('DEBT_UNKNOWN: a resolution of a debt not on the register', async () => {
    const books = await withLoan();
    await refused(books, ['repay', repay('1.00', { debtId: 'zz' })], 'DEBT_UNKNOWN', 'debtId: zz is not on the debt register of v');
  });

  it('DEBT_RESOLVED: a resolution of a debt fully resolved, in its year and the next', async () => {
    const books = await withLoan();
    await books.ok('writeOff', { debtId: 'd1', resolvedOn: '2023-06-01', amount: '10000.00', approval });
    await refused(books, ['repay', repay('1.00', { resolvedOn: '2023-07-01' })], 'DEBT_RESOLVED', 'debtId: d1 was fully resolved on 2023-06-01');
    await books.close(2023);
    await refused(books, ['offset', repay('1.00', { resolvedOn: '2024-01-05' })], 'DEBT_RESOLVED', 'debtId: d1 was fully resolved on 2023-06-01');
  });

  it('DEBT_OVERPAID: a resolution above what is outstanding, also after a close', async () => {
    const books = await withLoan();
    await refused(books, ['repay', repay('10000.01')], 'DEBT_OVERPAID', 'amount: 10000.01 is more than the 10000.00 still outstanding of d1');
    await books.ok('repay', repay('2500.00'));
    await books.close(2023);
    const restructure = { debtId: 'd1', resolvedOn: '2024-03-01', amount: '7500.01', toAccount: '221', terms: '展期' };
    await refused(books, ['restructure', restructure], 'DEBT_OVERPAID', 'amount: 7500.01 is more than the 7500.00 still outstanding of d1');
    await books.ok('restructure', { ...restructure, amount: '7500.00' });
  });

  it('DEBT_ACCOUNT_INVALID: a debt not on a liability under 201, 211 or 221, or an account not in the chart', async () => {
    const books = await testDebts();
    await refused(books, ['record', bankLoan('d1', { account: '212' })], 'DEBT_ACCOUNT_INVALID', 'account: 212 is not an account under 201, 211 or 221');
    await refused(books, ['record', bankLoan('d1', { account: '20101' })], 'DEBT_ACCOUNT_INVALID', "account: 20101 is not in the village's chart of accounts");
    await refused(books, ['record', bankLoan('d1', { recognition: 'new', debitAccount: '501' })], 'DEBT_ACCOUNT_INVALID', 'debitAccount: 501 is not an asset, cost or expense account (1xx, 401, 511 to 521)');
  });

  it('DEBT_ACCOUNT_INVALID: each resolution\u2019s own account', async () => {
    const books = await withLoan();
    await refused(books, ['repay', repay('1.00', { paidFrom: '112' })], 'DEBT_ACCOUNT_INVALID', 'paidFrom: 112 is not an account under 101 or 102');
    await refused(books, ['offset', repay('1.00', { receivableAccount: '102' })], 'DEBT_ACCOUNT_INVALID', 'receivableAccount: 102 is not an account under 112 or 113');
    await refused(books, ['restructure', repay('1.00', { toAccount: '241', terms: 'x' })], 'DEBT_ACCOUNT_INVALID', 'toAccount: 241 is not an account under 201, 211 or 221');
    await refused(books, ['writeOff', repay('1.00', { approval, resolvedOn: '2023-06-01', incomeAccount: '501' })], 'DEBT_ACCOUNT_INVALID', 'incomeAccount: 501 is not an account under 504');
  });

  it('DEBT_DATE_INVALID: a resolution before the debt was recorded, a debt incurred after it is recorded', async () => {
    const books = await withLoan();
    await refused(books, ['repay', repay('1.00', { resolvedOn: '2023-01-31' })], 'DEBT_DATE_INVALID', 'resolvedOn: 2023-01-31 is before d1 was recorded on 2023-02-01');
    await refused(books, ['record', bankLoan('d2', { incurredOn: '2023-02-02' })], 'DEBT_DATE_INVALID', 'incurredOn: 2023-02-02 is after recordedOn 2023-02-01');
  });

  it('DEBT_ORIGIN_NOTE_MISSING and DEBT_RECOGNITION_INVALID', async () => {
    const books = await testDebts();
    await refused(books, ['record', bankLoan('d1', { origin: 'other' })], 'DEBT_ORIGIN_NOTE_MISSING', 'originNote: a debt of origin other needs a note saying what it arose from');
    await refused(books, ['record', bankLoan('d1', { recognition: 'new' })], 'DEBT_RECOGNITION_INVALID', 'debitAccount: a debt recognised now (recognition: new) needs the account its voucher debits');
    await refused(books, ['record', bankLoan('d1', { debitAccount: '153' })], 'DEBT_RECOGNITION_INVALID', 'debitAccount: a debt already on the books (recognition: existing) posts no voucher; give recognition: new to post one');
    await refused(books, ['record', bankLoan('d1', { voucherNo: '债-009' })], 'DEBT_RECOGNITION_INVALID', 'voucherNo: a debt already on the books (recognition: existing) posts no voucher; give recognition: new to post one');
  });

  it('DEBT_REDUCTION_INVALID and DEBT_APPROVAL_INVALID', async () => {
    const books = await withLoan();
    await refused(books, ['restructure', repay('100.00', { toAccount: '221', terms: 'x', reduction: '100.00' })], 'DEBT_REDUCTION_INVALID', 'reduction: 100.00 is not less than amount 100.00; a debt the creditor forgoes in full is written off');
    const late = { ...approval, approvedOn: '2023-06-02' };
    await refused(books, ['writeOff', repay('1.00', { resolvedOn: '2023-06-01', approval: late })], 'DEBT_APPROVAL_INVALID', 'approval.approvedOn: 2023-06-02 is after the write-off on 2023-06-01');
  });

  it('DEBT_YEAR_CLOSED and DEBT_ORGANIZATION_NOT_VILLAGE', async () => {
    const books = await withLoan();
    await books.close(2023);
    await refused(books, ['repay', repay('1.00', { resolvedOn: '2023-12-31' })], 'DEBT_YEAR_CLOSED', 'resolvedOn: 2023 is closed for v; record it with a date in the open year');
    await refused(books, ['record', { ...bankLoan('d9', { recordedOn: '2024-01-02' }), organizationId: 't' }], 'DEBT_ORGANIZATION_NOT_VILLAGE', 'organizationId: t is a township; the debt register belongs to a village');
  });

  it('a repayment the bank cannot cover (the ledger\u2019s own rule)', async () => {
    const books = await withLoan();
    await refused(books, ['repay', repay('10000.00', { paidFrom: '101' })], 'VOUCHER_CASH_OVERDRAWN', expect.stringContaining('101 库存现金'));
  });
});

describe('the command handler refuses input the codecs do not take, naming the field', () => {
  it.each<[DebtService, object, string]>([
    ['record', bankLoan('d1', { creditor: { name: '农商银行', kind: 'bank-branch' } }), 'creditor.kind: expected bank, company, individual, government or other, got "bank-branch"'],
    ['record', bankLoan('d1', { origin: 'loan' }), 'origin: expected borrowing, construction, purchase, guarantee or other, got "loan"'],
    ['record', bankLoan('d1', { amount: '0.00' }), 'amount: expected a yuan amount greater than 0'],
    ['record', bankLoan('d1', { remark: 'x' }), 'remark'],
    ['repay', repay('1.001'), 'amount:'],
    ['writeOff', repay('1.00', { approval: { ...approval, body: 'village-committee' } }), 'approval.body: expected members-assembly or representatives-assembly, got "village-committee"'],
  ])('bad input to %s', async (service, input, message) => {
    const books = await withLoan();
    await refused(books, [service, input], 'INVALID_INPUT', expect.stringContaining(message));
  });
});
