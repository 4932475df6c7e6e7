import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { specFor } from '@collective-ledger/testing';
import { foldState } from '../../../kernel/decider.js';
import { decoded } from '../../../test-support/decoded.js';
import { AllowBankOverdraftInput, DeclareSubAccountInput, type AllowBankOverdraft, type DeclareSubAccount } from './commands.js';
import { Chart } from './chart.js';
import { chartDecider } from './decider.js';
import { BankOverdraftAllowedData, SubAccountDeclaredData, type ChartEvent } from './events.js';

const declare = (code: string, nameZh: string, nameEn?: string): DeclareSubAccount => ({
  type: 'DeclareSubAccount',
  input: decoded(DeclareSubAccountInput, { organizationId: 'v-01', code, nameZh, ...(nameEn === undefined ? {} : { nameEn }) }),
});

const declared = (code: string, nameZh: string): ChartEvent => ({
  type: 'SubAccountDeclared',
  data: decoded(SubAccountDeclaredData, { organizationId: 'v-01', code, nameZh }),
});

const allow = (account: string): AllowBankOverdraft => ({ type: 'AllowBankOverdraft', input: decoded(AllowBankOverdraftInput, { organizationId: 'v-01', account }) });

const allowed = (account: string): ChartEvent => ({ type: 'BankOverdraftAllowed', data: decoded(BankOverdraftAllowedData, { organizationId: 'v-01', account }) });

const given = specFor(chartDecider);

describe('chart decider', () => {
  it('declares a sub-account of a standard account', () => {
    given().when(declare('15101', '经营性固定资产', 'operating fixed assets')).then([
      { type: 'SubAccountDeclared', data: decoded(SubAccountDeclaredData, { organizationId: 'v-01', code: '15101', nameZh: '经营性固定资产', nameEn: 'operating fixed assets' }) },
    ]);
  });

  it('declares a sub-account of a declared sub-account', () => {
    given([declared('15101', '经营性固定资产')]).when(declare('1510101', '房屋')).then([declared('1510101', '房屋')]);
  });

  it('folds declarations into the village chart', () => {
    const chart = foldState(chartDecider, [declared('15101', '经营性固定资产'), declared('15102', '非经营性固定资产')]);
    expect(chart.childrenOf('151').map((a) => a.nameZh)).toEqual(['经营性固定资产', '非经营性固定资产']);
    expect(chart.isLeaf('151')).toBe(false);
  });

  it.each([
    ['a standard account', [], declare('151', '固定资产'), 'SUB_ACCOUNT_NOT_EXTENDING', 'code: 151 is not a sub-account code'],
    ['a 3-digit code not in the chart', [], declare('999', '杂项'), 'SUB_ACCOUNT_NOT_EXTENDING', 'code: 999'],
    ['a code declared before', [declared('15101', '经营性固定资产')], declare('15101', '生产用固定资产'), 'SUB_ACCOUNT_CODE_TAKEN', 'code: 15101 is already in the chart as 经营性固定资产'],
    ['a code extending no standard account', [], declare('99901', '杂项'), 'SUB_ACCOUNT_PARENT_UNKNOWN', 'code: 99901 extends 999'],
    ['a grandchild before its parent', [], declare('1510101', '房屋'), 'SUB_ACCOUNT_PARENT_UNKNOWN', 'code: 1510101 extends 15101; declare 15101 first'],
  ] as const)('refuses %s', (...row) => {
    const [, history, command, code, message] = row;
    given(history).when(command).thenFails(code, message);
  });
});

describe('chart decider: bank overdrafts (透支)', () => {
  it('allows 102 itself, or a bank sub-account declared in the chart', () => {
    given().when(allow('102')).then([allowed('102')]);
    given([declared('10201', '农商银行')]).when(allow('10201')).then([allowed('10201')]);
  });

  it('folds an overdraft into the account and every sub-account under it, declared before or after', () => {
    const history = [declared('10201', '农商银行'), declared('10202', '邮储银行'), allowed('10201'), declared('1020101', '基本户')];
    const chart = foldState(chartDecider, history);
    expect(['102', '10201', '1020101', '10202', '101'].map((code) => chart.account(code)?.mayBeOverdrawn)).toEqual([false, true, true, false, false]);
    const whole = foldState(chartDecider, [declared('10201', '农商银行'), allowed('102'), declared('10202', '邮储银行')]);
    expect(['102', '10201', '10202'].every((code) => whole.account(code)?.mayBeOverdrawn === true)).toBe(true);
    expect(Chart.standard().account('102')?.mayBeOverdrawn).toBe(false);
  });

  it.each([
    ['cash on hand', [], allow('101'), 'BANK_OVERDRAFT_NOT_BANK', 'account: 101 库存现金 is not a bank account; only 102 银行存款 and its sub-accounts may be overdrawn'],
    ['a sub-account of another account', [declared('11301', '一组')], allow('11301'), 'BANK_OVERDRAFT_NOT_BANK', 'account: 11301 一组 is not a bank account; only 102 银行存款 and its sub-accounts may be overdrawn'],
    ['a bank sub-account not in the chart', [], allow('10201'), 'BANK_OVERDRAFT_ACCOUNT_UNKNOWN', 'account: 10201 is not in the chart; declare the sub-account first'],
    ['an account allowed before', [allowed('102')], allow('102'), 'BANK_OVERDRAFT_ALREADY_ALLOWED', 'account: 102 银行存款 may already be overdrawn'],
    ['a sub-account under an account allowed before', [declared('10201', '农商银行'), allowed('102')], allow('10201'), 'BANK_OVERDRAFT_ALREADY_ALLOWED', 'account: 10201 农商银行 may already be overdrawn'],
  ] as const)('refuses an overdraft on %s', (...row) => {
    const [, history, command, code, message] = row;
    given(history).when(command).thenRefuses({ code, message });
  });
});

describe('BankOverdraftAllowed data', () => {
  it('accepts only 102 or a code under it, so an imported overdraft of another account is refused', () => {
    expect(isRight(BankOverdraftAllowedData.decode({ organizationId: 'v', account: '102' }))).toBe(true);
    expect(isRight(BankOverdraftAllowedData.decode({ organizationId: 'v', account: '1020101' }))).toBe(true);
    for (const account of ['101', '10', '1020', '10301', '']) expect(isLeft(BankOverdraftAllowedData.decode({ organizationId: 'v', account })), account).toBe(true);
    expect(isLeft(BankOverdraftAllowedData.decode({ organizationId: '', account: '102' }))).toBe(true);
  });

  it('round-trips through its codec unchanged', () => {
    const data = decoded(BankOverdraftAllowedData, { organizationId: 'v', account: '10201' });
    expect(BankOverdraftAllowedData.encode(data)).toEqual({ organizationId: 'v', account: '10201' });
  });
});

describe('SubAccountDeclared data', () => {
  it('accepts only codes extending an account, so an imported 3-digit declaration is refused', () => {
    expect(isRight(SubAccountDeclaredData.decode({ organizationId: 'v', code: '15101', nameZh: '经营性固定资产' }))).toBe(true);
    expect(isLeft(SubAccountDeclaredData.decode({ organizationId: 'v', code: '151', nameZh: '固定资产' }))).toBe(true);
    expect(isLeft(SubAccountDeclaredData.decode({ organizationId: 'v', code: '15101', nameZh: '经营性固定资产', nameEn: '' }))).toBe(true);
  });
});
