import { describe, it } from 'vitest';
import {
  contractAmended,
  contractExpired,
  contractIncomeRecognised,
  contractPaymentReceived,
  contractRenewed,

  contractTerminated,
} from './events.js';
import { contractEvent, contractOperation, generated, given, SHOP, shopSigned } from './test-contract-specs.js';

const recognised = (recognisedOn: string, voucherNo: string, contracts: readonly object[]) =>
  contractEvent(contractIncomeRecognised, { recognisedOn, voucherNo, contracts });

const paid = (receivedOn: string, amount: string, split: { toReceivable: string; toPrepayment: string }, voucherNo: string) =>
  contractEvent(contractPaymentReceived, { contractId: 'c1', receivedOn, amount, receivedInto: '102', voucherNo, ...split });

describe('the contract register', () => {
  it('registers a contract: numbered instalments, the default accounts, dated the day it was signed; no voucher', () => {
    given().when(contractOperation('RegisterContract', SHOP)).then([shopSigned()]);
  });

  it('registers an older contract later, in the clean-up, with its own accounts', () => {
    const input = { ...SHOP, registeredOn: '2024-03-01', incomeAccount: '502' };
    given().when(contractOperation('RegisterContract', input)).then([shopSigned({ registeredOn: '2024-03-01', incomeAccount: '502' })]);
  });

  it('turns grain into cash exactly, rounding once half-up to the fen', () => {
    const input = { ...SHOP, instalments: [{ dueOn: '2024-06-30', grain: { kg: '1234.567', pricePerKg: '1.325' } }, { dueOn: '2024-12-31', amount: '600.00' }] };
    const instalments = [
      { no: 1, dueOn: '2024-06-30', amount: '1635.80', grain: { kg: '1234.567', pricePerKg: '1.325' } },
      { no: 2, dueOn: '2024-12-31', amount: '600.00' },
    ];
    given().when(contractOperation('RegisterContract', input)).then([shopSigned({ instalments })]);
  });

  it('amends the schedule from a date: the instalments due then or later replaced, numbering going on', () => {
    const input = { contractId: 'c1', amendedOn: '2024-05-01', effectiveFrom: '2024-07-01', reason: '租金调整', instalments: [{ dueOn: '2024-12-31', amount: '800.00' }] };
    const amended = contractEvent(contractAmended, { ...input, approvals: [], replaces: [2], instalments: [{ no: 3, dueOn: '2024-12-31', amount: '800.00' }] });
    given(shopSigned()).when(contractOperation('AmendContract', input)).then([amended]);
  });

  it('renews a contract to a later end with the instalments of the extension', () => {
    const input = { contractId: 'c1', renewedOn: '2024-11-20', endsOn: '2025-12-31', instalments: [{ dueOn: '2025-06-30', amount: '650.00' }] };
    const renewed = contractEvent(contractRenewed, { ...input, approvals: [], instalments: [{ no: 3, dueOn: '2025-06-30', amount: '650.00' }] });
    given(shopSigned()).when(contractOperation('RenewContract', input)).then([renewed]);
  });

  it('terminates a contract: instalments due after it cancelled, what was paid ahead of the rest owed back', () => {
    const prepaid = [paid('2024-01-15', '1000.00', { toReceivable: '0.00', toPrepayment: '1000.00' }, '合-001'), generated('合-001', '2024-01-15', `收取合同款：${SHOP.title}`, [['102', 'debit', '1000.00'], ['211', 'credit', '1000.00']])];
    const input = { contractId: 'c1', terminatedOn: '2024-07-15', reason: 'mutual-agreement', note: '双方协商解除' };
    given(shopSigned(), ...prepaid)
      .when(contractOperation('TerminateContract', input))
      .then([contractEvent(contractTerminated, { ...input, cancelled: [2], refundDue: '400.00' })]);
  });

  it('records expiry after the last day of the term', () => {
    given(shopSigned()).when(contractOperation('ExpireContract', { contractId: 'c1', expiredOn: '2025-01-01' })).then([contractEvent(contractExpired, { contractId: 'c1', expiredOn: '2025-01-01' })]);
  });
});

describe('income and payments', () => {
  it('recognises every instalment due by a date in one voucher: Dr 112, Cr 501', () => {
    given(shopSigned())
      .when(contractOperation('RecogniseContractIncome', { through: '2024-06-30' }))
      .then([
        recognised('2024-06-30', '合-001', [{ contractId: 'c1', instalments: [1], amount: '600.00', prepaid: '0.00' }]),
        generated('合-001', '2024-06-30', '确认合同收入（截至2024-06-30）', [['112', 'debit', '600.00'], ['501', 'credit', '600.00']]),
      ]);
  });

  it('takes a payment of recognised income off the receivable: Dr 102, Cr 112', () => {
    const income = [
      recognised('2024-06-30', '合-001', [{ contractId: 'c1', instalments: [1], amount: '600.00', prepaid: '0.00' }]),
      generated('合-001', '2024-06-30', '确认合同收入（截至2024-06-30）', [['112', 'debit', '600.00'], ['501', 'credit', '600.00']]),
    ];
    given(shopSigned(), ...income)
      .when(contractOperation('ReceiveContractPayment', { contractId: 'c1', receivedOn: '2024-08-01', amount: '250.00' }))
      .then([
        paid('2024-08-01', '250.00', { toReceivable: '250.00', toPrepayment: '0.00' }, '合-002'),
        generated('合-002', '2024-08-01', `收取合同款：${SHOP.title}`, [['102', 'debit', '250.00'], ['112', 'credit', '250.00']]),
      ]);
  });

  it('holds what is paid beyond the income recognised in 211, and recognising it later debits 211, not 112', () => {
    const early = [paid('2024-01-15', '900.00', { toReceivable: '0.00', toPrepayment: '900.00' }, '合-001'), generated('合-001', '2024-01-15', `收取合同款：${SHOP.title}`, [['102', 'debit', '900.00'], ['211', 'credit', '900.00']])];
    given(shopSigned(), ...early)
      .when(contractOperation('RecogniseContractIncome', { through: '2024-12-31' }))
      .then([
        recognised('2024-12-31', '合-002', [{ contractId: 'c1', instalments: [1, 2], amount: '1200.00', prepaid: '900.00' }]),
        generated('合-002', '2024-12-31', '确认合同收入（截至2024-12-31）', [['112', 'debit', '300.00'], ['211', 'debit', '900.00'], ['501', 'credit', '1200.00']]),
      ]);
  });

  it('splits a payment between the receivable (oldest instalments first) and a prepayment, into cash when asked', () => {
    const income = [
      recognised('2024-06-30', '合-001', [{ contractId: 'c1', instalments: [1], amount: '600.00', prepaid: '0.00' }]),
      generated('合-001', '2024-06-30', '确认合同收入（截至2024-06-30）', [['112', 'debit', '600.00'], ['501', 'credit', '600.00']]),
    ];
    given(shopSigned(), ...income)
      .when(contractOperation('ReceiveContractPayment', { contractId: 'c1', receivedOn: '2024-07-10', amount: '1000.00', receivedInto: '101' }))
      .then([
        contractEvent(contractPaymentReceived, { contractId: 'c1', receivedOn: '2024-07-10', amount: '1000.00', receivedInto: '101', toReceivable: '600.00', toPrepayment: '400.00', voucherNo: '合-002' }),
        generated('合-002', '2024-07-10', `收取合同款：${SHOP.title}`, [['101', 'debit', '1000.00'], ['112', 'credit', '600.00'], ['211', 'credit', '400.00']]),
      ]);
  });

  it('leaves out a contract registered after the date of the run', () => {
    given(shopSigned(), shopSigned({ contractId: 'c2', registeredOn: '2024-09-01', signedOn: '2024-09-01' }))
      .when(contractOperation('RecogniseContractIncome', { through: '2024-07-01' }))
      .then([
        recognised('2024-07-01', '合-001', [{ contractId: 'c1', instalments: [1], amount: '600.00', prepaid: '0.00' }]),
        generated('合-001', '2024-07-01', '确认合同收入（截至2024-07-01）', [['112', 'debit', '600.00'], ['501', 'credit', '600.00']]),
      ]);
  });
});

