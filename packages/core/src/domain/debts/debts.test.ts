import { describe, it } from 'vitest';
import { closeYear, EMPTY_REGISTERS, yearClosed } from '../../test-support/ledger-year.js';
import { debtOffset, debtRecorded, debtRepaid, debtRestructured, debtWrittenOff } from './events.js';
import { debtEvent, debtOperation, generated, given } from './test-debt-specs.js';
import { bankLoan } from './test-debts.js';

const recorded = debtEvent(debtRecorded, { ...bankLoan(), recognition: 'existing' });
const repaid = (amount: string, voucherNo = '债-001') => [
  debtEvent(debtRepaid, { debtId: 'd1', resolvedOn: '2023-03-01', amount, paidFrom: '102', voucherNo }),
  generated(voucherNo, '2023-03-01', '偿还债务：农商银行', [['201', 'debit', amount], ['102', 'credit', amount]]),
];
const approval = { body: 'members-assembly', approvedOn: '2023-05-20', resolution: '成员大会决议〔2023〕3号' };

describe('recording a non-performing debt', () => {
  it('identifies a debt already on the books: the register holds it, no voucher is posted', () => {
    given().when(debtOperation('RecordDebt', bankLoan())).then([recorded]);
  });

  it('recognises a debt not yet on the books with a voucher Dr the account given, Cr the liability', () => {
    const owed = bankLoan('d2', { creditor: { name: '宏达建筑公司', kind: 'company' }, origin: 'construction', account: '211', amount: '3000.00' });
    given()
      .when(debtOperation('RecordDebt', { ...owed, recognition: 'new', debitAccount: '153' }))
      .then([
        debtEvent(debtRecorded, { ...owed, recognition: 'new', debitAccount: '153', voucherNo: '债-001' }),
        generated('债-001', '2023-02-01', '确认债务：宏达建筑公司', [['153', 'debit', '3000.00'], ['211', 'credit', '3000.00']]),
      ]);
  });
});

describe('resolving a debt, in part or in whole, with the voucher its postings give', () => {
  it('a repayment: Dr the liability, Cr the bank', () => {
    given(recorded)
      .when(debtOperation('RepayDebt', { debtId: 'd1', resolvedOn: '2023-03-01', amount: '4000.00' }, { carried: new Map([['102', 400000n]]) }))
      .then(repaid('4000.00'));
  });

  it('a repayment in cash, of what is still outstanding after an earlier one', () => {
    given(recorded, ...repaid('4000.00'))
      .when(debtOperation('RepayDebt', { debtId: 'd1', resolvedOn: '2023-03-02', amount: '6000.00', paidFrom: '101' }, { carried: new Map([['101', 600000n]]) }))
      .then([
        debtEvent(debtRepaid, { debtId: 'd1', resolvedOn: '2023-03-02', amount: '6000.00', paidFrom: '101', voucherNo: '债-002' }),
        generated('债-002', '2023-03-02', '偿还债务：农商银行', [['201', 'debit', '6000.00'], ['101', 'credit', '6000.00']]),
      ]);
  });

  it('a restructuring: Dr the old liability, Cr the new one what stays owed, Cr 504 the reduction the creditor agreed', () => {
    const input = { debtId: 'd1', resolvedOn: '2023-04-01', amount: '10000.00', toAccount: '221', reduction: '1500.00', terms: '分五年偿还，免息' };
    given(recorded)
      .when(debtOperation('RestructureDebt', input))
      .then([
        debtEvent(debtRestructured, { ...input, incomeAccount: '504', voucherNo: '债-001' }),
        generated('债-001', '2023-04-01', '债务重组：农商银行', [['201', 'debit', '10000.00'], ['221', 'credit', '8500.00'], ['504', 'credit', '1500.00']]),
      ]);
  });

  it('a restructuring with no reduction moves the whole part to the new account', () => {
    const input = { debtId: 'd1', resolvedOn: '2023-04-01', amount: '2000.00', toAccount: '221', terms: '展期三年' };
    given(recorded)
      .when(debtOperation('RestructureDebt', input))
      .then([
        debtEvent(debtRestructured, { ...input, reduction: '0.00', incomeAccount: '504', voucherNo: '债-001' }),
        generated('债-001', '2023-04-01', '债务重组：农商银行', [['201', 'debit', '2000.00'], ['221', 'credit', '2000.00']]),
      ]);
  });

  it('an offset against a receivable from the same party: Dr the liability, Cr 113', () => {
    const input = { debtId: 'd1', resolvedOn: '2023-04-10', amount: '1200.00', receivableAccount: '113', note: '抵顶该户欠交承包费' };
    given(recorded)
      .when(debtOperation('OffsetDebt', input))
      .then([
        debtEvent(debtOffset, { ...input, voucherNo: '债-001' }),
        generated('债-001', '2023-04-10', '债权债务抵销：农商银行', [['201', 'debit', '1200.00'], ['113', 'credit', '1200.00']]),
      ]);
  });

  it('a write-off approved by the members\u2019 assembly: Dr the liability, Cr 504', () => {
    const input = { debtId: 'd1', resolvedOn: '2023-06-01', amount: '10000.00', approval };
    given(recorded)
      .when(debtOperation('WriteOffDebt', input))
      .then([
        debtEvent(debtWrittenOff, { ...input, incomeAccount: '504', voucherNo: '债-001' }),
        generated('债-001', '2023-06-01', '核销债务：农商银行', [['201', 'debit', '10000.00'], ['504', 'credit', '10000.00']]),
      ]);
  });
});

describe('the year-end close', () => {
  it('carries the debts still outstanding, and the ids of those resolved', () => {
    const other = debtEvent(debtRecorded, { ...bankLoan('d0', { amount: '4000.00' }), recognition: 'existing' });
    const close = closeYear(2023);
    const debts = {
      open: [{ debtId: 'd1', creditor: { name: '农商银行', kind: 'bank' }, origin: 'borrowing', account: '201', recordedOn: '2023-02-01', amount: '10000.00', resolved: '4000.00' }],
      settled: [{ debtId: 'd0', settledOn: '2023-03-01' }],
    };
    const repaidD0 = [
      debtEvent(debtRepaid, { debtId: 'd0', resolvedOn: '2023-03-01', amount: '4000.00', paidFrom: '102', voucherNo: '债-002' }),
      generated('债-002', '2023-03-01', '偿还债务：农商银行', [['201', 'debit', '4000.00'], ['102', 'credit', '4000.00']]),
    ];
    given(recorded, other, ...repaid('4000.00'), ...repaidD0)
      .when(close)
      .then([yearClosed(2023, { entries: [], netIncome: '0.00', carried: [{ account: '102', balance: '-8000.00' }, { account: '201', balance: '8000.00' }], registers: { ...EMPTY_REGISTERS, debts } })]);
  });

  it('carries nothing of a register that never held a debt: the close reads as it did before', () => {
    given().when(closeYear(2023)).then([yearClosed(2023, { entries: [], netIncome: '0.00', carried: [] })]);
  });
});
