import { describe, expect, it } from 'vitest';
import { balanceSheetOf, type BalanceSheet } from './balance-sheet.js';
import { yearWindow } from './balances.js';
import { incomeStatementOf, type IncomeStatement } from './income-statement.js';
import type { StatementLine } from './statement.js';
import { handWorkedBooks } from './test-statements.js';
import { trialBalanceOf, type TrialBalance, type TrialBalanceRow } from './trial-balance.js';

const window = yearWindow(2023);

/** A row as [code, opening D, opening C, period D, period C, closing D, closing C], amounts as canonical strings. */
const rowOf = (r: TrialBalanceRow | TrialBalance['totals'], code = ''): string[] => [
  code,
  ...[r.openingDebit, r.openingCredit, r.periodDebit, r.periodCredit, r.closingDebit, r.closingCredit].map(String),
];
const rows = (tb: TrialBalance): string[][] => [...tb.rows.map((r) => rowOf(r, r.code)), rowOf(tb.totals, 'total')];

const amounts = (lines: readonly StatementLine[]): [string, string][] => lines.map((l) => [l.key, l.amount.toString()]);
const sheet = (bs: BalanceSheet) => ({
  assets: amounts([...bs.assets.lines, bs.assets.total]),
  liabilities: amounts([...bs.liabilities.lines, bs.liabilities.total]).filter(([, a]) => a !== '0.00'),
  equity: amounts([...bs.equity.lines, bs.equity.total, bs.totalLiabilitiesAndEquity]),
});
const income = (is: IncomeStatement) => ({ income: amounts(is.income), distribution: is.distribution.map((l) => [l.nameZh, l.amount.toString()]) });

const Z = '0.00';

describe('statements of a hand-worked village (张家村, 2023: five vouchers)', () => {
  it('科目余额表 before the close: leaves with their parents as subtotals, totals balanced', async () => {
    const books = await handWorkedBooks({ close: false });
    const tb = trialBalanceOf(await books.statements(window), { village: 'v' }, window);
    expect(rows(tb)).toEqual([
      ['102', '52000.00', Z, '17345.67', '30500.00', '38845.67', Z],
      ['113', Z, Z, '800.00', '300.00', '500.00', Z],
      ['11301', Z, Z, '800.00', Z, '800.00', Z],
      ['11302', Z, Z, Z, '300.00', Z, '300.00'],
      ['151', Z, Z, '30000.00', Z, '30000.00', Z],
      ['152', Z, Z, Z, '1500.00', Z, '1500.00'],
      ['211', Z, Z, Z, '2000.00', Z, '2000.00'],
      ['301', Z, '50000.00', Z, Z, Z, '50000.00'],
      ['311', Z, Z, Z, '1000.00', Z, '1000.00'],
      ['322', Z, '2000.00', '3000.00', Z, '1000.00', Z],
      ['32201', Z, Z, '1000.00', Z, '1000.00', Z],
      ['32202', Z, Z, '2000.00', Z, '2000.00', Z],
      ['32203', Z, '2000.00', Z, Z, Z, '2000.00'],
      ['501', Z, Z, Z, '12345.67', Z, '12345.67'],
      ['503', Z, Z, Z, '5000.00', Z, '5000.00'],
      ['513', Z, Z, '1500.00', Z, '1500.00', Z],
      ['total', '52000.00', '52000.00', '52645.67', '52645.67', '71845.67', '71845.67'],
    ]);
    expect(tb.balanced).toEqual({ opening: true, period: true, closing: true });
    expect(tb.rows.filter((r) => r.subtotal).map((r) => r.code)).toEqual(['113', '322']);
    expect(tb.rows.find((r) => r.code === '11301')).toMatchObject({ nameZh: '一组', nameEn: 'Group 1', level: 2, normalBalance: 'debit' });
    expect(tb.rows.find((r) => r.code === '152')).toMatchObject({ nameZh: '累计折旧', level: 1, normalBalance: 'credit' });
  });

  it('科目余额表 after the close: the closing entries are in the period columns, P&L accounts end at zero', async () => {
    const books = await handWorkedBooks({ close: true });
    const tb = trialBalanceOf(await books.statements(window), { village: 'v' }, window);
    const changed = rows(tb).filter(([code]) => ['321', '322', '32201', '32202', '32203', '501', '503', '513', 'total'].includes(code ?? ''));
    expect(changed).toEqual([
      ['321', Z, Z, '15845.67', '15845.67', Z, Z],
      ['322', Z, '2000.00', '6000.00', '18845.67', Z, '14845.67'],
      ['32201', Z, Z, '1000.00', '1000.00', Z, Z],
      ['32202', Z, Z, '2000.00', '2000.00', Z, Z],
      ['32203', Z, '2000.00', '3000.00', '15845.67', Z, '14845.67'],
      ['501', Z, Z, '12345.67', '12345.67', Z, Z],
      ['503', Z, Z, '5000.00', '5000.00', Z, Z],
      ['513', Z, Z, '1500.00', '1500.00', Z, Z],
      ['total', '52000.00', '52000.00', '88837.01', '88837.01', '69345.67', '69345.67'],
    ]);
    expect(tb.balanced).toEqual({ opening: true, period: true, closing: true });
  });

  it('资产负债表: the same totals before and after the close, 本年收益 moving into 未分配收益', async () => {
    const assets: [string, string][] = [
      ['cash', '38845.67'],
      ['shortTermInvestments', Z],
      ['receivables', '800.00'],
      ['inventory', Z],
      ['consumableBiologicalAssets', Z],
      ['productiveBiologicalAssets', Z],
      ['publicWelfareBiologicalAssets', Z],
      ['longTermInvestments', Z],
      ['fixedAssetsCost', '30000.00'],
      ['accumulatedDepreciation', '1500.00'],
      ['fixedAssetsNet', '28500.00'],
      ['constructionInProgress', Z],
      ['fixedAssetsInDisposal', Z],
      ['intangibleAssets', Z],
      ['longTermPrepaidExpenses', Z],
      ['assetsPendingDisposal', Z],
      ['totalAssets', '68145.67'],
    ];
    const liabilities = [
      ['payables', '2300.00'],
      ['totalLiabilities', '2300.00'],
    ];
    const open = balanceSheetOf(await (await handWorkedBooks({ close: false })).statements(window), { village: 'v' }, window);
    expect(sheet(open)).toEqual({
      assets,
      liabilities,
      equity: [
        ['capital', '50000.00'],
        ['reserve', '1000.00'],
        ['currentYearIncome', '15845.67'],
        ['undistributedIncome', '-1000.00'],
        ['totalEquity', '65845.67'],
        ['totalLiabilitiesAndEquity', '68145.67'],
      ],
    });
    expect([open.asOf, open.balanced, open.difference.toString()]).toEqual(['2023-12-31', true, Z]);
    const closed = balanceSheetOf(await (await handWorkedBooks({ close: true })).statements(window), { village: 'v' }, window);
    expect(sheet(closed).equity).toEqual([
      ['capital', '50000.00'],
      ['reserve', '1000.00'],
      ['currentYearIncome', Z],
      ['undistributedIncome', '14845.67'],
      ['totalEquity', '65845.67'],
      ['totalLiabilitiesAndEquity', '68145.67'],
    ]);
    expect(closed.balanced).toBe(true);
    expect(closed.assets.lines.find((l) => l.key === 'receivables')?.accounts).toEqual(['112', '113']);
  });

  it('收益及收益分配表: the same before and after the close; net income equals YearClosed.netIncome', async () => {
    const expected = {
      income: [
        ['operatingIncome', '12345.67'],
        ['operatingExpenses', Z],
        ['taxesAndSurcharges', Z],
        ['administrativeExpenses', '1500.00'],
        ['operatingProfit', '10845.67'],
        ['investmentIncome', Z],
        ['subsidyIncome', '5000.00'],
        ['otherIncome', Z],
        ['publicWelfareExpenditure', Z],
        ['otherExpenses', Z],
        ['totalIncome', '15845.67'],
        ['incomeTax', Z],
        ['netIncome', '15845.67'],
      ],
      distribution: [
        ['本年收益', '15845.67'],
        ['年初未分配收益', '2000.00'],
        ['其他转入', Z],
        ['可分配收益', '17845.67'],
        ['提取公积公益金', '1000.00'],
        ['向成员分配', '2000.00'],
        ['年末未分配收益', '14845.67'],
      ],
    };
    const open = incomeStatementOf(await (await handWorkedBooks({ close: false })).statements(window), { village: 'v' }, window);
    expect(income(open)).toEqual(expected);
    const books = await handWorkedBooks({ close: true });
    const closed = incomeStatementOf(await books.statements(window), { village: 'v' }, window);
    expect(income(closed)).toEqual(expected);
    const events = [];
    for await (const e of books.store.readStream('ledger-v-2023')) events.push(e);
    expect(events.find((e) => e.type === 'YearClosed')?.data).toMatchObject({ netIncome: '15845.67' });
    expect(closed.distribution.find((l) => l.nameZh === '向成员分配')?.accounts).toEqual(['32202']);
  });
});

describe('statements rolled up (张家村 + 李家村, 示范区)', () => {
  it('科目余额表 of the district: standard accounts only, netted across villages', async () => {
    const books = await handWorkedBooks({ close: false });
    const tb = trialBalanceOf(await books.statements(window), { district: 'd' }, window);
    expect(rows(tb)).toEqual([
      ['101', Z, Z, '100.00', Z, '100.00', Z],
      ['102', '52000.00', Z, '17845.67', '30500.00', '39345.67', Z],
      ['113', Z, Z, '800.00', '800.00', Z, Z],
      ['151', Z, Z, '30000.00', Z, '30000.00', Z],
      ['152', Z, Z, Z, '1500.00', Z, '1500.00'],
      ['211', Z, Z, Z, '2000.00', Z, '2000.00'],
      ['301', Z, '50000.00', Z, Z, Z, '50000.00'],
      ['311', Z, Z, Z, '1000.00', Z, '1000.00'],
      ['322', Z, '2000.00', '3000.00', Z, '1000.00', Z],
      ['501', Z, Z, Z, '12345.67', Z, '12345.67'],
      ['503', Z, Z, Z, '5100.00', Z, '5100.00'],
      ['513', Z, Z, '1500.00', Z, '1500.00', Z],
      ['total', '52000.00', '52000.00', '53245.67', '53245.67', '71945.67', '71945.67'],
    ]);
    expect(tb.balanced).toEqual({ opening: true, period: true, closing: true });
  });

  it('资产负债表 of the district: 113 split per village account into receivables and payables', async () => {
    const books = await handWorkedBooks({ close: true });
    const bs = balanceSheetOf(await books.statements(window), { district: 'd' }, window);
    const pick = (key: string) => [...bs.assets.lines, ...bs.liabilities.lines, ...bs.equity.lines].find((l) => l.key === key)?.amount.toString();
    expect(['cash', 'receivables', 'payables', 'undistributedIncome'].map(pick)).toEqual(['39445.67', '800.00', '2800.00', '14945.67']);
    expect([bs.assets.total.amount.toString(), bs.totalLiabilitiesAndEquity.amount.toString(), bs.balanced]).toEqual(['68745.67', '68745.67', true]);
  });

  it('收益及收益分配表 of a township and of the district', async () => {
    const state = await (await handWorkedBooks({ close: true })).statements(window);
    expect(incomeStatementOf(state, { township: 't2' }, window).netIncome.toString()).toBe('100.00');
    const district = incomeStatementOf(state, { district: 'd' }, window);
    expect([district.netIncome, district.openingUndistributed, district.distributable, district.closingUndistributed].map(String)).toEqual([
      '15945.67',
      '2000.00',
      '17945.67',
      '14945.67',
    ]);
  });
});
