import { describe, expect, it } from 'vitest';
import { runProjection } from '../../kernel/projection.js';
import { yearWindow } from '../../reports/balances.js';
import { incomeStatementOf } from '../../reports/income-statement.js';
import { statementsProjection } from '../../reports/statement.js';
import { booksOf2023, dividendsStep, plan, quantification, refused, testShares, type TestShares } from './test-shares.js';

const statement = async (books: TestShares, year: number) => {
  const { state } = await runProjection(books.store, books.context.catalog, statementsProjection(yearWindow(year)));
  return incomeStatementOf(state, { village: 'v' }, yearWindow(year));
};

describe('the year-end distribution (收益分配)', () => {
  it('reads the distributable income from the closed year, sets aside the reserve, and divides the pool to the fen', async () => {
    const books = await booksOf2023();
    await books.ok('distribute', plan());
    const events = await books.events('ledger-v-2024');
    expect(events.map((e) => e.type)).toEqual(['IncomeDistributed', 'DividendsDeclared', 'VoucherPosted']);
    const [distributed, declared, voucher] = events;
    // 20% of 80,000.00; half of what is left after it, 64,000.00, is the pool.
    expect(distributed?.data).toMatchObject({
      netIncome: '80000.00',
      distributable: '80000.00',
      reserveBasis: '80000.00',
      steps: [
        { kind: 'reserve', account: '32201', creditAccount: '311', amount: '16000.00' },
        { kind: 'welfare', account: '32202', creditAccount: '211', amount: '4000.00' },
        { kind: 'dividends', account: '32204', creditAccount: '211', amount: '13176.47', percent: '50' },
      ],
      undistributed: '46823.53',
    });
    // Weighted shares: m1 1 + 2×0.5, m2 1 + 0.5, m3 1 + 1.5, m4 1, the collective 10: 17 in all.
    // 32,000.00 × 2/17 = 3,764.705…, ×1.5/17 = 2,823.529…, ×2.5/17 = 4,705.882…, ×1/17 = 1,882.352…, ×10/17 = 18,823.529…;
    // the floors leave 3 fen: to m2 (.941), the collective (.941, after m2 by position) and m1 (.588).
    expect(declared?.data).toMatchObject({
      pool: '32000.00',
      weightedShares: '17',
      retained: '18823.53',
      dividends: [
        { memberId: 'm1', householdId: 'h1', amount: '3764.71' },
        { memberId: 'm2', householdId: 'h1', amount: '2823.53' },
        { memberId: 'm3', householdId: 'h2', amount: '4705.88' },
        { memberId: 'm4', householdId: 'h2', amount: '1882.35' },
      ],
    });
    expect(voucher?.data).toMatchObject({
      voucherNo: '分-001',
      date: '2024-03-15',
      origin: 'shares',
      lines: [
        { account: '32201', side: 'debit', amount: '16000.00' },
        { account: '311', side: 'credit', amount: '16000.00' },
        { account: '32202', side: 'debit', amount: '4000.00' },
        { account: '211', side: 'credit', amount: '4000.00' },
        { account: '32204', side: 'debit', amount: '13176.47' },
        { account: '211', side: 'credit', amount: '13176.47' },
      ],
    });
  });

  it('matches the income and distribution statements of the closed year and of the year it is booked in', async () => {
    const books = await booksOf2023();
    await books.ok('distribute', plan());
    const [distributed] = await books.events('ledger-v-2024');
    const closedYear = await statement(books, 2023);
    expect(distributed?.data).toMatchObject({ distributable: closedYear.closingUndistributed.toString(), netIncome: closedYear.netIncome.toString() });
    const bookedYear = await statement(books, 2024);
    expect(bookedYear.distribution.filter((l) => l.key === 'distribution').map((l) => [l.nameZh, l.amount.toString()])).toEqual([
      ['提取公积公益金', '16000.00'],
      ['提取福利费', '4000.00'],
      ['成员分红', '13176.47'],
    ]);
    expect(bookedYear.closingUndistributed.toString()).toBe('46823.53');
  });

  it('covers losses brought forward before the reserve is taken', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    await books.voucher('记-001', '2022-05-10', [['511', 'debit', '30000.00'], ['102', 'credit', '30000.00']]);
    await books.close(2022);
    await books.voucher('记-001', '2023-05-10', [['102', 'debit', '80000.00'], ['501', 'credit', '80000.00']]);
    await books.close(2023);
    await books.ok('distribute', plan([{ kind: 'reserve', account: '32201' }, dividendsStep({ percent: undefined, amount: '40000.00' })]));
    const [distributed] = await books.events('ledger-v-2024');
    expect(distributed?.data).toMatchObject({
      openingUndistributed: '-30000.00',
      distributable: '50000.00',
      lossesCovered: '30000.00',
      reserveBasis: '50000.00',
      steps: [{ kind: 'reserve', amount: '10000.00' }, { kind: 'dividends' }],
    });
  });

  it('pays dividends in part or in full; what is not claimed stays payable', async () => {
    const books = await booksOf2023();
    await books.ok('distribute', plan());
    await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
    await books.ok('pay', { year: 2023, paidOn: '2025-01-20', account: '102', payments: [{ memberId: 'm3' }] });
    const [paid, voucher] = (await books.events('ledger-v-2024')).slice(-2);
    expect(paid?.data).toMatchObject({ payments: [{ memberId: 'm1', amount: '3764.71' }, { memberId: 'm2', amount: '1000.00' }] });
    expect(voucher?.data).toMatchObject({ voucherNo: '分-002', lines: [{ account: '211', side: 'debit', amount: '4764.71' }, { account: '102', side: 'credit', amount: '4764.71' }] });
    await refused(books, ['pay', { year: 2023, paidOn: '2025-02-01', account: '102', payments: [{ memberId: 'm2', amount: '1823.54' }] }], 'DIVIDENDS_PAYMENT_INVALID', 'payments[0].amount: 1823.54 is more than the 1823.53 still owed to m2');
    await refused(books, ['pay', { year: 2023, paidOn: '2025-02-01', account: '102', payments: [{ memberId: 'm3' }] }], 'DIVIDENDS_PAYMENT_INVALID', "payments[0].memberId: m3's dividend for 2023 is paid in full");
    await books.ok('pay', { year: 2023, paidOn: '2025-02-01', account: '102' });
    const [rest] = (await books.events('ledger-v-2025')).slice(-2);
    expect(rest?.data).toMatchObject({ payments: [{ memberId: 'm2', amount: '1823.53' }, { memberId: 'm4', amount: '1882.35' }] });
    await refused(books, ['pay', { year: 2023, paidOn: '2025-02-02', account: '102' }], 'DIVIDENDS_PAYMENT_INVALID', 'year: every dividend of 2023 has been paid');
  });
});

describe('dividends paid in cash (库存现金)', () => {
  it('spend the cash the close carried, and are refused, writing nothing, when it runs out', async () => {
    const books = await testShares();
    await books.ok('quantify', quantification());
    await books.voucher('记-001', '2023-05-10', [['102', 'debit', '100000.00'], ['501', 'credit', '100000.00']]);
    await books.voucher('记-002', '2023-06-10', [['511', 'debit', '20000.00'], ['102', 'credit', '20000.00']]);
    await books.voucher('记-003', '2023-12-20', [['101', 'debit', '4000.00'], ['102', 'credit', '4000.00']]);
    await books.close(2023);
    await books.ok('distribute', plan());
    await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '101', payments: [{ memberId: 'm1' }] });
    const [, voucher] = (await books.events('ledger-v-2024')).slice(-2);
    expect(voucher?.data).toMatchObject({ voucherNo: '分-002', lines: [{ account: '211', side: 'debit', amount: '3764.71' }, { account: '101', side: 'credit', amount: '3764.71' }] });
    await refused(
      books,
      ['pay', { year: 2023, paidOn: '2024-04-02', account: '101', payments: [{ memberId: 'm2', amount: '1000.00' }] }],
      'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 分-003 would leave 101 库存现金 with a credit balance of 764.71; cash on hand cannot be negative',
    );
  });

  it('are refused from a cash box that holds nothing', async () => {
    const books = await booksOf2023();
    await books.ok('distribute', plan());
    await refused(
      books,
      ['pay', { year: 2023, paidOn: '2024-04-01', account: '101' }],
      'VOUCHER_CASH_OVERDRAWN',
      'lines[1].account: voucher 分-002 would leave 101 库存现金 with a credit balance of 13176.47; cash on hand cannot be negative',
    );
  });
});

describe('a distribution is refused, with a clear error, and writes nothing', () => {
  it('for a year that is not closed, or approved outside the following year, or twice', async () => {
    const books = await booksOf2023();
    await refused(books, ['distribute', plan(undefined, { year: 2024, approvedOn: '2025-03-01' })], 'DISTRIBUTION_YEAR_OPEN', 'year: 2024 is not closed for v; close the year before distributing its income');
    await refused(books, ['distribute', plan(undefined, { approvedOn: '2025-01-10' })], 'DISTRIBUTION_DATE_INVALID', 'approvedOn: 2025-01-10 is not in 2024; the plan for 2023 is approved in the year after it is closed');
    await books.ok('distribute', plan());
    await refused(books, ['distribute', plan(undefined, { approvedOn: '2024-06-01' })], 'DISTRIBUTION_ALREADY_APPROVED', "year: the income of 2023 has already been distributed; what is left undistributed is carried into the next year's plan");
  });

  it('when it distributes more than is distributable', async () => {
    const books = await booksOf2023();
    const steps = [{ kind: 'reserve', account: '32201' }, dividendsStep({ percent: undefined, amount: '64000.01' })];
    await refused(books, ['distribute', plan(steps)], 'DISTRIBUTION_EXCEEDS_DISTRIBUTABLE', 'steps: reserve 16000.00 + dividends 64000.01 = 80000.01 is more than the distributable income, 80000.00');
  });

  it('when it skips the reserve or breaks the order', async () => {
    const books = await booksOf2023();
    await refused(books, ['distribute', plan([dividendsStep()])], 'DISTRIBUTION_ORDER', 'steps[0].kind: the charter sets aside 20.0% for 公积公益金 before anything is distributed; begin the plan with a reserve step');
    const reversed = [{ kind: 'reserve', account: '32201' }, dividendsStep(), { kind: 'welfare', account: '32202', amount: '1.00' }];
    await refused(books, ['distribute', plan(reversed)], 'DISTRIBUTION_ORDER', 'steps[2].kind: welfare cannot come after dividends; the order is reserve (提取公积公益金), welfare, investors, dividends, each once');
  });

  it('when a step is malformed or booked to the wrong account', async () => {
    const books = await booksOf2023();
    await refused(books, ['distribute', plan([{ kind: 'reserve', account: '32201', percent: '10' }])], 'DISTRIBUTION_STEP_INVALID', "steps[0]: the reserve is the charter's percentage; give no amount or percent");
    await refused(books, ['distribute', plan([{ kind: 'reserve', account: '32205' }])], 'DISTRIBUTION_ACCOUNT_INVALID', expect.stringContaining('steps[0].account: 32205 is not a sub-account of 322'));
    await refused(books, ['distribute', plan([{ kind: 'reserve', account: '32201', creditAccount: '211' }])], 'DISTRIBUTION_ACCOUNT_INVALID', 'steps[0].creditAccount: 211 is not an account under 311 that takes postings');
    await refused(books, ['distribute', plan([{ kind: 'reserve', account: '32201' }, dividendsStep({ percent: '120' })])], 'INVALID_INPUT', 'steps[1].percent: expected a percentage from 0 to 100, got "120"');
  });

  it('when the dividends name a record date outside the register or an unknown class', async () => {
    const books = await booksOf2023();
    const withDividends = (extra: object) => plan([{ kind: 'reserve', account: '32201' }, dividendsStep(extra)]);
    await refused(books, ['distribute', withDividends({ recordDate: '2021-01-01' })], 'DIVIDENDS_RECORD_DATE_INVALID', 'steps[1].recordDate: 2021-01-01 must be from the quantification on 2021-06-30 to the approval on 2024-03-15');
    await refused(books, ['distribute', withDividends({ weights: [{ classId: 'gold', weight: '1' }] })], 'DIVIDENDS_WEIGHTS_INVALID', 'steps[1].weights[0].classId: gold is not a class of the charter (member, labour, collective)');
    await refused(books, ['pay', { year: 2022, paidOn: '2024-04-01', account: '102' }], 'DIVIDENDS_NOT_DECLARED', 'year: v has declared no dividends for 2022');
  });
});
