import { describe, expect, it } from 'vitest';
import { standardAccounts } from './accounts.js';
import { Chart, parentCodeOf, rootCodeOf } from './chart.js';

const fixedAssets = Chart.standard()
  .withSubAccount({ code: '15101', nameZh: '经营性固定资产', nameEn: 'operating fixed assets' })
  .withSubAccount({ code: '15102', nameZh: '非经营性固定资产' })
  .withSubAccount({ code: '1510101', nameZh: '房屋' });

describe('Chart', () => {
  it('starts as the 42 standard accounts, all leaves', () => {
    const chart = Chart.standard();
    expect(chart.accounts()).toEqual(standardAccounts);
    expect(chart.leafAccounts()).toEqual(standardAccounts);
    expect(chart.size).toBe(42);
    expect(Chart.standard()).toBe(chart);
  });

  it('adds a sub-account inheriting its root account, and leaves the old chart untouched', () => {
    const standard = Chart.standard();
    const chart = standard.withSubAccount({ code: '15201', nameZh: '经营性累计折旧' });
    expect(chart.account('15201')).toEqual({
      code: '15201',
      nameZh: '经营性累计折旧',
      nameEn: '经营性累计折旧',
      category: 'asset',
      normalBalance: 'credit',
      contra: true,
      eitherSide: false,
      standard: false,
      mayBeOverdrawn: false,
    });
    expect(standard.has('15201')).toBe(false);
    expect(standard.isLeaf('152')).toBe(true);
    expect(chart.isLeaf('152')).toBe(false);
    expect(Object.isFrozen(chart)).toBe(true);
  });

  it('inherits either-side from the root through several levels', () => {
    const chart = Chart.standard().withSubAccount({ code: '32201', nameZh: '各项分配' }).withSubAccount({ code: '3220101', nameZh: '提取公积公益金' });
    expect(chart.account('3220101')).toMatchObject({ category: 'equity', normalBalance: 'credit', eitherSide: true, contra: false });
  });

  it('navigates parents, children and roots', () => {
    expect(fixedAssets.childrenOf('151').map((a) => a.code)).toEqual(['15101', '15102']);
    expect(fixedAssets.childrenOf('15101').map((a) => a.code)).toEqual(['1510101']);
    expect(fixedAssets.childrenOf('101')).toEqual([]);
    expect(fixedAssets.parentOf('1510101')?.code).toBe('15101');
    expect(fixedAssets.parentOf('15101')?.code).toBe('151');
    expect(fixedAssets.parentOf('151')).toBeUndefined();
    expect(fixedAssets.rootOf('1510101')?.code).toBe('151');
    expect(fixedAssets.rootOf('151')?.code).toBe('151');
    expect(fixedAssets.rootOf('15199')).toBeUndefined();
    expect(fixedAssets.account('15101')?.nameEn).toBe('operating fixed assets');
  });

  it('lists accounts in code order, each parent just before its sub-accounts, and only leaves take postings', () => {
    const codes = fixedAssets.accounts().map((a) => a.code);
    expect(codes.slice(codes.indexOf('141'), codes.indexOf('152') + 1)).toEqual(['141', '151', '15101', '1510101', '15102', '152']);
    const leaves = fixedAssets.leafAccounts().map((a) => a.code);
    expect(leaves).toContain('1510101');
    expect(leaves).toContain('15102');
    expect(leaves).not.toContain('151');
    expect(leaves).not.toContain('15101');
    expect(fixedAssets.isLeaf('1510101')).toBe(true);
    expect(fixedAssets.isLeaf('99901')).toBe(false);
  });

  it('keeps code order whatever order sub-accounts are declared in', () => {
    const chart = Chart.standard()
      .withSubAccount({ code: '50103', nameZh: '租赁收入' })
      .withSubAccount({ code: '50101', nameZh: '销售收入' })
      .withSubAccount({ code: '50102', nameZh: '劳务收入' });
    expect(chart.childrenOf('501').map((a) => a.code)).toEqual(['50101', '50102', '50103']);
    const codes = chart.accounts().map((a) => a.code);
    expect(codes.slice(codes.indexOf('501'), codes.indexOf('502') + 1)).toEqual(['501', '50101', '50102', '50103', '502']);
  });

  it.each([
    ['151', 'SUB_ACCOUNT_NOT_EXTENDING'],
    ['999', 'SUB_ACCOUNT_NOT_EXTENDING'],
    ['1510', 'SUB_ACCOUNT_CODE_INVALID'],
    ['15a01', 'SUB_ACCOUNT_CODE_INVALID'],
    ['15101', 'SUB_ACCOUNT_CODE_TAKEN'],
    ['99901', 'SUB_ACCOUNT_PARENT_UNKNOWN'],
    ['1510201', undefined],
    ['1520101', 'SUB_ACCOUNT_PARENT_UNKNOWN'],
  ] as const)('checks %s as a new sub-account: %s', (code, expected) => {
    expect(fixedAssets.subAccountProblem(code)?.code).toBe(expected);
  });

  it('names the field in its problems, and withSubAccount throws on one', () => {
    expect(fixedAssets.subAccountProblem('15101')?.message).toBe('code: 15101 is already in the chart as 经营性固定资产');
    expect(fixedAssets.subAccountProblem('1520101')?.message).toBe('code: 1520101 extends 15201; declare 15201 first');
    expect(() => fixedAssets.withSubAccount({ code: '101', nameZh: '现金' })).toThrow(/SUB_ACCOUNT_NOT_EXTENDING/);
  });

  it('lets a bank account and its sub-accounts be overdrawn, leaving the old chart and the navigation untouched', () => {
    const banks = Chart.standard().withSubAccount({ code: '10201', nameZh: '农商银行' }).withSubAccount({ code: '10202', nameZh: '邮储银行' });
    const chart = banks.withOverdraftAllowed('10201');
    expect(chart.account('10201')).toMatchObject({ nameZh: '农商银行', category: 'asset', mayBeOverdrawn: true });
    expect(chart.childrenOf('102').map((a) => [a.code, a.mayBeOverdrawn])).toEqual([['10201', true], ['10202', false]]);
    expect(chart.leafAccounts().find((a) => a.code === '10201')?.mayBeOverdrawn).toBe(true);
    expect(chart.accounts().map((a) => a.code)).toEqual(banks.accounts().map((a) => a.code));
    expect(banks.account('10201')?.mayBeOverdrawn).toBe(false);
    expect(Object.isFrozen(chart.account('10201'))).toBe(true);
    expect(() => chart.withOverdraftAllowed('10201')).toThrow(/BANK_OVERDRAFT_ALREADY_ALLOWED/);
    expect(() => chart.withOverdraftAllowed('101')).toThrow(/BANK_OVERDRAFT_NOT_BANK/);
  });

  it('declares hundreds of sub-accounts quickly', () => {
    let chart = Chart.standard();
    const started = performance.now();
    for (let i = 1; i <= 99; i += 1) {
      const code = `113${String(i).padStart(2, '0')}`;
      chart = chart.withSubAccount({ code, nameZh: `农户 ${i}` });
      for (let j = 1; j <= 5; j += 1) chart = chart.withSubAccount({ code: `${code}0${j}`, nameZh: `往来 ${i}-${j}` });
    }
    expect(chart.size).toBe(42 + 99 * 6);
    expect(chart.childrenOf('113')).toHaveLength(99);
    expect(chart.leafAccounts()).toHaveLength(41 + 99 * 5);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('codes', () => {
  it('finds the parent by dropping the last two digits, and the root by keeping three', () => {
    expect(parentCodeOf('15101')).toBe('151');
    expect(parentCodeOf('1510101')).toBe('15101');
    expect(parentCodeOf('151')).toBeUndefined();
    expect(rootCodeOf('1510101')).toBe('151');
  });
});
