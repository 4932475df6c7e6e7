import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report, statementLedgers } from './test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(async () => {
  await ledgers.remove();
});

describe('report trial-balance', () => {
  it('prints a village with its sub-accounts, in Chinese, as a table', async () => {
    expect(await report('trial-balance', ledgers.open, '--year', '2023', '--village', 'v')).toBe(
      [
        '科目余额表  张家村  2023-01-01 至 2023-12-31',
        '科目代码  科目名称           期初借方   期初贷方   本期借方   本期贷方   期末借方   期末贷方',
        '102       银行存款          52,000.00             17,345.67  30,500.00  38,845.67',
        '113       内部往来                                   800.00     300.00     500.00',
        '11301       一组                                     800.00                800.00',
        '11302       二组                                                300.00                300.00',
        '151       固定资产                                30,000.00             30,000.00',
        '152       累计折旧                                            1,500.00              1,500.00',
        '211       应付款                                              2,000.00              2,000.00',
        '301       资本                         50,000.00                                   50,000.00',
        '311       公积公益金                                          1,000.00              1,000.00',
        '322       收益分配                      2,000.00   3,000.00              1,000.00',
        '32201       提取公积公益金                         1,000.00              1,000.00',
        '32202       向成员分配                             2,000.00              2,000.00',
        '32203       未分配收益                  2,000.00                                    2,000.00',
        '501       经营收入                                           12,345.67             12,345.67',
        '503       补助收入                                            5,000.00              5,000.00',
        '513       管理费用                                 1,500.00              1,500.00',
        '          合计              52,000.00  52,000.00  52,645.67  52,645.67  71,845.67  71,845.67',
        '借贷平衡：期初平衡，本期平衡，期末平衡',
        '',
      ].join('\n'),
    );
  });

  it('rolls every village up into standard accounts, in English, closing entries in the period columns', async () => {
    const out = await report('trial-balance', ledgers.closed, '--year', '2023', '--lang', 'en');
    const lines = out.split('\n');
    expect(lines[0]).toBe('Trial balance  all villages  2023-01-01 to 2023-12-31');
    expect(lines[1]).toMatch(/^code {2}account +opening debit {2}opening credit {2}period debit {2}period credit {2}closing debit {2}closing credit$/);
    expect(lines.find((l) => l.startsWith('113 '))?.split(/ {2,}/)).toEqual(['113', 'internal accounts', '800.00', '800.00']);
    expect(lines.find((l) => l.startsWith('322 '))?.split(/ {2,}/)).toEqual(['322', 'income distribution', '2,000.00', '6,000.00', '18,945.67', '14,945.67']);
    expect(lines.at(-3)?.trim().split(/ {2,}/)).toEqual(['total', '52,000.00', '52,000.00', '89,637.01', '89,637.01', '69,445.67', '69,445.67']);
    expect(lines.at(-2)).toBe('debits = credits: opening yes, period yes, closing yes');
    expect(lines.some((l) => l.startsWith('11301'))).toBe(false);
  });

  it('writes CSV with a header in the chosen language, canonical amounts and no indentation', async () => {
    const zh = await report('trial-balance', ledgers.open, '--year', '2023', '--village', 'v', '--format', 'csv');
    expect(zh.split('\n').slice(0, 4)).toEqual([
      '科目代码,科目名称,期初借方,期初贷方,本期借方,本期贷方,期末借方,期末贷方',
      '102,银行存款,52000.00,0.00,17345.67,30500.00,38845.67,0.00',
      '113,内部往来,0.00,0.00,800.00,300.00,500.00,0.00',
      '11301,一组,0.00,0.00,800.00,0.00,800.00,0.00',
    ]);
    expect(zh.endsWith(',合计,52000.00,52000.00,52645.67,52645.67,71845.67,71845.67\n')).toBe(true);
    const en = await report('trial-balance', ledgers.open, '--year', '2023', '--township', 't2', '--format', 'csv', '--lang', 'en');
    expect(en).toBe(
      [
        'code,account,opening debit,opening credit,period debit,period credit,closing debit,closing credit',
        '101,cash on hand,0.00,0.00,100.00,0.00,100.00,0.00',
        '102,bank deposits,0.00,0.00,500.00,0.00,500.00,0.00',
        '113,internal accounts,0.00,0.00,0.00,500.00,0.00,500.00',
        '503,subsidy income,0.00,0.00,0.00,100.00,0.00,100.00',
        ',total,0.00,0.00,600.00,600.00,600.00,600.00',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with keys in the documented order and money as decimal strings', async () => {
    const json = JSON.parse(await report('trial-balance', ledgers.closed, '--year', '2023', '--village', 'v', '--format', 'json', '--lang', 'en')) as Record<
      string,
      unknown
    > & { rows: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['report', 'lang', 'year', 'from', 'to', 'scope', 'villages', 'detail', 'rows', 'totals', 'balanced']);
    expect(json).toMatchObject({
      report: 'trial-balance',
      lang: 'en',
      year: 2023,
      from: '2023-01-01',
      to: '2023-12-31',
      scope: { village: 'v', township: null },
      villages: ['v'],
      detail: 'leaves',
      totals: { openingDebit: '52000.00', openingCredit: '52000.00', periodDebit: '88837.01', periodCredit: '88837.01', closingDebit: '69345.67', closingCredit: '69345.67' },
      balanced: { opening: true, period: true, closing: true },
    });
    expect(json.rows.find((r) => r.code === '32203')).toEqual({
      code: '32203',
      name: 'Undistributed income',
      level: 2,
      subtotal: false,
      normalBalance: 'credit',
      openingDebit: '0.00',
      openingCredit: '2000.00',
      periodDebit: '3000.00',
      periodCredit: '15845.67',
      closingDebit: '0.00',
      closingCredit: '14845.67',
    });
  });

  it('with --as-of alone covers 1 January of its year to that day', async () => {
    const json = JSON.parse(await report('trial-balance', ledgers.closed, '--as-of', '2023-06-30', '--village', 'v', '--format', 'json')) as {
      to: string;
      rows: { code: string; periodDebit: string; periodCredit: string }[];
    };
    expect(json.to).toBe('2023-06-30');
    expect(json.rows.find((r) => r.code === '102')).toMatchObject({ periodDebit: '17345.67', periodCredit: '30000.00' });
    expect(json.rows.some((r) => r.code === '11301' || r.code === '321')).toBe(false);
  });

  it('with --from covers a period inside the year: its opening is the closing balance of the day before', async () => {
    type Row = { code: string; openingDebit: string; openingCredit: string; periodDebit: string; periodCredit: string; closingDebit: string; closingCredit: string };
    const rows = async (...options: string[]): Promise<Map<string, Row>> => {
      const json = JSON.parse(await report('trial-balance', ledgers.open, '--village', 'v', '--format', 'json', ...options)) as { from: string; to: string; rows: Row[] };
      return new Map(json.rows.map((r) => [r.code, r]));
    };
    const firstHalf = await rows('--as-of', '2023-06-30');
    const secondHalf = await rows('--year', '2023', '--from', '2023-07-01');
    const year = await rows('--year', '2023');
    for (const [code, row] of secondHalf) {
      const before = firstHalf.get(code);
      expect([row.openingDebit, row.openingCredit]).toEqual([before?.closingDebit ?? '0.00', before?.closingCredit ?? '0.00']);
      expect([row.closingDebit, row.closingCredit]).toEqual([year.get(code)?.closingDebit, year.get(code)?.closingCredit]);
    }
    // 记-4 (September) is the only movement of 113 in the year; 记-1 (February) falls before the period.
    expect(secondHalf.get('11301')).toMatchObject({ periodDebit: '800.00', openingDebit: '0.00' });
    expect(secondHalf.get('151')).toMatchObject({ openingDebit: '30000.00', periodDebit: '0.00' });
    const table = await report('trial-balance', ledgers.open, '--village', 'v', '--from', '2023-07-01', '--as-of', '2023-09-30');
    expect(table.split('\n')[0]).toBe('科目余额表  张家村  2023-07-01 至 2023-09-30');
  });

  it.each([
    [['--year', '2023', '--from', '2022-12-01'], 'error: --from 2022-12-01 is not in 2023: a period lies within one fiscal year\n'],
    [['--as-of', '2023-03-31', '--from', '2023-04-01'], "error: --from 2023-04-01 is after the period's last day 2023-03-31\n"],
    [['--year', '2023', '--from', '2023-02-30'], 'error: --from: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "2023-02-30"\n'],
  ])('refuses a period start outside its year: %j', async (options, stderr) => {
    expect(await cli('report', 'trial-balance', '--store', ledgers.open, ...options)).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    ['balance-sheet', 'error: --from is not an option of balance-sheet: it is as of one date; give --as-of (or --year for its last day)\n'],
    ['income-statement', 'error: --from is not an option of income-statement: it runs from 1 January (本年累计), as its distribution needs the whole year; give --as-of to end it earlier\n'],
    ['income-tiers', 'error: --from is not an option of income-tiers: it counts a whole fiscal year; give --year (and --as-of to cut it short)\n'],
    ['accounts', 'error: --from is not an option of accounts: it lists the chart at one date; give --as-of\n'],
    ['events', 'error: --from is not an option of events: it counts events up to a date; give --as-of\n'],
  ])('%s refuses --from, which only periods have', async (name, stderr) => {
    expect(await cli('report', name, '--store', ledgers.open, '--year', '2023', '--from', '2023-07-01')).toEqual({ code: 2, stdout: '', stderr });
  });

  it.each([
    [['--village', 'v'], 'error: trial-balance needs --year or --as-of, e.g. --year 2023 (the whole year) or --as-of 2023-06-30 (from 1 January to that day)\n'],
    [['--year', '2023', '--village', 'nowhere'], 'error: --village: no village nowhere is registered\n'],
    [['--year', '2023', '--township', 'v'], 'error: --township: v is a village, not a township\n'],
    [['--year', '2023', '--village', 'v', '--township', 't'], 'error: --village and --township cannot be combined: give one (or neither, for every village)\n'],
    [['--year', '2023', '--as-of', '2022-12-31'], 'error: --as-of 2022-12-31 is not in --year 2023: give a date of 2023, or leave one out\n'],
    [['--year', '2023', '--basis', 'total'], 'error: --basis is not an option of trial-balance: it is an option of income-tiers\n'],
    [['--year', '2023', '--thresholds', '1'], 'error: --thresholds is not an option of trial-balance: it is an option of income-tiers\n'],
  ])('refuses %j with exit code 2 and one line naming the option', async (options, stderr) => {
    expect(await cli('report', 'trial-balance', '--store', ledgers.open, ...options)).toEqual({ code: 2, stdout: '', stderr });
  });
});
