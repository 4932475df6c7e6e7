import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report, statementLedgers } from './test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(async () => {
  await ledgers.remove();
});

const VILLAGE_ZH = [
  '收益及收益分配表  张家村  2023-01-01 至 2023-12-31',
  '项目              科目          金额',
  '收益',
  '  经营收入        501      12,345.67',
  '  经营支出        511           0.00',
  '  税金及附加      512           0.00',
  '  管理费用        513       1,500.00',
  '经营收益                   10,845.67',
  '  投资收益        502           0.00',
  '  补助收入        503       5,000.00',
  '  其他收入        504           0.00',
  '  公益支出        514           0.00',
  '  其他支出        515           0.00',
  '收益总额                   15,845.67',
  '  所得税费用      521           0.00',
  '本年收益                   15,845.67',
  '收益分配',
  '本年收益                   15,845.67',
  '  年初未分配收益  322       2,000.00',
  '  其他转入        321+322       0.00',
  '可分配收益                 17,845.67',
  '  提取公积公益金  32201     1,000.00',
  '  向成员分配      32202     2,000.00',
  '年末未分配收益             14,845.67',
  '',
].join('\n');

describe('report income-statement', () => {
  it('prints a village in Chinese, the same before and after the year-end close', async () => {
    expect(await report('income-statement', ledgers.open, '--year', '2023', '--village', 'v')).toBe(VILLAGE_ZH);
    expect(await report('income-statement', ledgers.closed, '--year', '2023', '--village', 'v')).toBe(VILLAGE_ZH);
  });

  it('prints the district roll-up in English', async () => {
    const lines = (await report('income-statement', ledgers.closed, '--year', '2023', '--lang', 'en')).split('\n');
    expect(lines[0]).toBe('Income and distribution statement  all villages  2023-01-01 to 2023-12-31');
    const row = (label: string) => lines.find((l) => l.trim().startsWith(label))?.trim().split(/ {2,}/);
    expect(row('Subsidy income')).toEqual(['Subsidy income', '503', '5,100.00']);
    expect(row('Net income')).toEqual(['Net income', '15,945.67']);
    expect(row('Distribution to members')).toEqual(['Distribution to members', '32202', '2,000.00']);
    expect(row('Undistributed income at the end of the year')).toEqual(['Undistributed income at the end of the year', '14,945.67']);
  });

  it('writes CSV with part and key columns, in both languages', async () => {
    const zh = (await report('income-statement', ledgers.open, '--year', '2023', '--village', 'v', '--format', 'csv')).split('\n');
    expect(zh.slice(0, 2)).toEqual(['部分,键,项目,科目,金额', 'income,operatingIncome,经营收入,501,12345.67']);
    expect(zh).toContain('distribution,distribution,提取公积公益金,32201,1000.00');
    const en = (await report('income-statement', ledgers.open, '--year', '2023', '--township', 't2', '--format', 'csv', '--lang', 'en')).split('\n');
    expect(en[0]).toBe('part,key,item,accounts,amount');
    expect(en).toContain('income,netIncome,Net income,501+502+503+504+511+512+513+514+515+521,100.00');
    expect(en).toContain('distribution,closingUndistributed,Undistributed income at the end of the year,321+322+501+502+503+504+511+512+513+514+515+521,100.00');
  });

  it('writes JSON with keys in the documented order', async () => {
    const json = JSON.parse(await report('income-statement', ledgers.closed, '--year', '2023', '--village', 'v', '--format', 'json', '--lang', 'en')) as Record<
      string,
      unknown
    > & { income: Record<string, unknown>[]; distribution: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual([
      'report',
      'lang',
      'year',
      'from',
      'to',
      'scope',
      'villages',
      'income',
      'distribution',
      'netIncome',
      'openingUndistributed',
      'distributable',
      'closingUndistributed',
    ]);
    expect(json).toMatchObject({ netIncome: '15845.67', openingUndistributed: '2000.00', distributable: '17845.67', closingUndistributed: '14845.67' });
    expect(json.income[4]).toEqual({ key: 'operatingProfit', name: 'Operating profit', accounts: ['501', '511', '512', '513'], amount: '10845.67', kind: 'subtotal' });
    expect(json.distribution.filter((l) => l.key === 'distribution')).toEqual([
      { key: 'distribution', name: 'Reserve appropriation', accounts: ['32201'], amount: '1000.00', kind: 'item' },
      { key: 'distribution', name: 'Distribution to members', accounts: ['32202'], amount: '2000.00', kind: 'item' },
    ]);
  });

  it('refuses a missing --year and options of other reports', async () => {
    expect((await cli('report', 'income-statement', '--store', ledgers.open, '--village', 'v')).stderr).toBe(
      'error: income-statement needs --year or --as-of, e.g. --year 2023 (the whole year) or --as-of 2023-06-30 (from 1 January to that day)\n',
    );
    expect(await cli('report', 'income-statement', '--store', ledgers.open, '--year', '2023', '--basis', 'operating')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --basis is not an option of income-statement: it is an option of income-tiers\n',
    });
  });
});
