import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report, statementLedgers } from './test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(async () => {
  await ledgers.remove();
});

describe('report balance-sheet', () => {
  it('prints a village before the close, in Chinese, with current-year income in equity', async () => {
    expect(await report('balance-sheet', ledgers.open, '--year', '2023', '--village', 'v')).toBe(
      [
        '资产负债表  张家村  截至 2023-12-31',
        '项目                  科目                                              金额',
        '资产',
        '货币资金              101+102                                      38,845.67',
        '短期投资              111                                               0.00',
        '应收款项              112+113                                         800.00',
        '存货                  121+401                                           0.00',
        '消耗性生物资产        131                                               0.00',
        '生产性生物资产净值    132+133                                           0.00',
        '公益性生物资产        134                                               0.00',
        '长期投资              141                                               0.00',
        '  固定资产原值        151                                          30,000.00',
        '  减：累计折旧        152                                           1,500.00',
        '固定资产净值          151+152                                      28,500.00',
        '在建工程              153                                               0.00',
        '固定资产清理          154                                               0.00',
        '无形资产净值          161+162                                           0.00',
        '长期待摊费用          171                                               0.00',
        '待处理财产损溢        181                                               0.00',
        '资产总计                                                           68,145.67',
        '负债',
        '短期借款              201                                               0.00',
        '应付款项              113+211                                       2,300.00',
        '应付工资              212                                               0.00',
        '应付劳务费            213                                               0.00',
        '应交税费              214                                               0.00',
        '长期借款及应付款      221                                               0.00',
        '一事一议资金          231                                               0.00',
        '专项应付款            241                                               0.00',
        '负债合计                                                            2,300.00',
        '所有者权益',
        '资本                  301                                          50,000.00',
        '公积公益金            311                                           1,000.00',
        '本年收益              321+501+502+503+504+511+512+513+514+515+521  15,845.67',
        '未分配收益            322                                          -1,000.00',
        '所有者权益合计                                                     65,845.67',
        '负债和所有者权益总计                                               68,145.67',
        '资产 = 负债 + 所有者权益：平衡',
        '',
      ].join('\n'),
    );
  });

  it('prints the district after the close, in English: 113 split per village into receivables and payables', async () => {
    const out = await report('balance-sheet', ledgers.closed, '--year', '2023', '--lang', 'en');
    const lines = out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Balance sheet  all villages  as of 2023-12-31', expect.stringMatching(/^item +accounts +amount$/), 'Assets']);
    const row = (label: string) => lines.find((l) => l.startsWith(label))?.split(/ {2,}/);
    expect(row('Receivables')).toEqual(['Receivables', '112+113', '800.00']);
    expect(row('Payables')).toEqual(['Payables', '113+211', '2,800.00']);
    expect(row('Current-year income')).toEqual(['Current-year income', '321+501+502+503+504+511+512+513+514+515+521', '0.00']);
    expect(row('Undistributed income')).toEqual(['Undistributed income', '322', '14,945.67']);
    expect(row('Total assets')).toEqual(['Total assets', '68,745.67']);
    expect(row("Total liabilities and owners' equity")).toEqual(["Total liabilities and owners' equity", '68,745.67']);
    expect(lines.at(-2)).toBe('assets = liabilities + equity: balanced');
  });

  it('writes CSV with section and key columns, in both languages', async () => {
    const en = (await report('balance-sheet', ledgers.closed, '--year', '2023', '--township', 't2', '--format', 'csv', '--lang', 'en')).split('\n');
    expect(en[0]).toBe('section,key,item,accounts,amount');
    expect(en).toContain('assets,cash,Cash and deposits,101+102,600.00');
    expect(en).toContain('liabilities,payables,Payables,113+211,500.00');
    expect(en).toContain('liabilities,oneMatterOneDiscussionFunds,"""One matter, one discussion"" funds",231,0.00');
    expect(en).toContain('equity,totalLiabilitiesAndEquity,Total liabilities and owners\' equity,113+201+211+212+213+214+221+231+241+301+311+321+322+501+502+503+504+511+512+513+514+515+521,600.00');
    const zh = (await report('balance-sheet', ledgers.closed, '--year', '2023', '--village', 'v', '--format', 'csv')).split('\n');
    expect(zh[0]).toBe('部分,键,项目,科目,金额');
    expect(zh).toContain('equity,undistributedIncome,未分配收益,322,14845.67');
  });

  it('writes JSON with keys in the documented order; the same totals before and after the close', async () => {
    const run = async (store: string) =>
      JSON.parse(await report('balance-sheet', store, '--year', '2023', '--village', 'v', '--format', 'json')) as Record<string, unknown> & {
        assets: { lines: Record<string, unknown>[]; total: Record<string, unknown> };
        equity: { lines: { key: string; amount: string }[] };
      };
    const open = await run(ledgers.open);
    expect(Object.keys(open)).toEqual([
      'report',
      'lang',
      'asOf',
      'scope',
      'villages',
      'assets',
      'liabilities',
      'equity',
      'totalLiabilitiesAndEquity',
      'balanced',
      'difference',
    ]);
    expect(open.assets.lines[0]).toEqual({ key: 'cash', name: '货币资金', accounts: ['101', '102'], amount: '38845.67', kind: 'item' });
    expect(open.assets.lines.find((l) => l.key === 'fixedAssetsCost')).toMatchObject({ kind: 'memo', amount: '30000.00' });
    expect(open.assets.total).toMatchObject({ key: 'totalAssets', name: '资产总计', amount: '68145.67', kind: 'total' });
    expect([open.balanced, open.difference, open.asOf]).toEqual([true, '0.00', '2023-12-31']);
    const closed = await run(ledgers.closed);
    expect(closed.assets).toEqual(open.assets);
    expect(closed.equity.lines.map((l) => [l.key, l.amount])).toEqual([
      ['capital', '50000.00'],
      ['reserve', '1000.00'],
      ['currentYearIncome', '0.00'],
      ['undistributedIncome', '14845.67'],
    ]);
  });

  it('is as of --as-of within the year', async () => {
    const json = JSON.parse(await report('balance-sheet', ledgers.closed, '--as-of', '2023-03-31', '--village', 'v', '--format', 'json')) as {
      asOf: string;
      assets: { total: { amount: string } };
    };
    // 52,000.00 in the bank; 30,000.00 of it paid for a fixed asset on 1 February.
    expect([json.asOf, json.assets.total.amount]).toEqual(['2023-03-31', '52000.00']);
  });

  it('refuses a missing --year, and an unknown township', async () => {
    expect(await cli('report', 'balance-sheet', '--store', ledgers.open)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: balance-sheet needs --year or --as-of, e.g. --year 2023 (the whole year) or --as-of 2023-06-30 (from 1 January to that day)\n',
    });
    expect(await cli('report', 'balance-sheet', '--store', ledgers.open, '--year', '2023', '--township', 't9')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --township: no township t9 is registered\n',
    });
  });
});
