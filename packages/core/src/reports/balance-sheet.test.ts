import { describe, expect, it } from 'vitest';
import { Chart } from '../domain/ledger/chart/index.js';
import { ASSET_LINES, EQUITY_LINES, LIABILITY_LINES } from './balance-sheet-lines.js';
import { balanceSheet } from './balance-sheet.js';
import type { AccountTotals } from './balances.js';

const closing = (entries: Record<string, bigint>): Map<string, AccountTotals> =>
  new Map(Object.entries(entries).map(([code, opening]) => [code, { opening, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n }]));

const amountOf = (sheet: ReturnType<typeof balanceSheet>, key: string): string | undefined =>
  [...sheet.assets.lines, ...sheet.liabilities.lines, ...sheet.equity.lines].find((l) => l.key === key)?.amount.toString();

describe('balanceSheet (资产负债表)', () => {
  it('puts each of the 42 standard accounts in exactly one item line', () => {
    const items = [...ASSET_LINES, ...LIABILITY_LINES, ...EQUITY_LINES].filter((l) => l.kind === 'item');
    const roots = items.flatMap((l) => [...new Set(l.parts.flatMap((p) => p.roots))]);
    const standard = Chart.standard().accounts().map((a) => a.code);
    // 113 is in two lines, split by the side of each account's balance.
    expect(roots.filter((r) => r !== '113').sort()).toEqual(standard.filter((r) => r !== '113'));
    expect(roots.filter((r) => r === '113')).toHaveLength(2);
  });

  it('nets contra accounts, adds 401 into inventory and splits 113 by the side of each account', () => {
    const sheet = balanceSheet(
      [
        closing({ '121': 100n, '401': 50n, '132': 1000n, '133': -300n, '161': 500n, '162': -100n, '11301': 70n, '11302': -20n, '301': -1300n }),
        closing({ '113': -30n, '102': 30n }),
      ],
      '2023-12-31',
    );
    expect(['inventory', 'productiveBiologicalAssets', 'intangibleAssets', 'receivables', 'payables', 'capital'].map((k) => amountOf(sheet, k))).toEqual([
      '1.50',
      '7.00',
      '4.00',
      '0.70',
      '0.50',
      '13.00',
    ]);
    expect([sheet.assets.total.amount.toString(), sheet.totalLiabilitiesAndEquity.amount.toString(), sheet.balanced]).toEqual(['13.50', '13.50', true]);
  });

  it('counts P&L accounts not yet closed as current-year income, and reports a difference when the books do not balance', () => {
    const open = balanceSheet([closing({ '102': 500n, '501': -800n, '513': 300n })], '2023-06-30');
    expect([amountOf(open, 'currentYearIncome'), open.balanced]).toEqual(['5.00', true]);
    const broken = balanceSheet([closing({ '102': 500n })], '2023-06-30');
    expect([broken.balanced, broken.difference.toString()]).toEqual([false, '5.00']);
  });

  it('shows fixed assets at cost and accumulated depreciation as memo lines, not added into the total', () => {
    const sheet = balanceSheet([closing({ '151': 1000n, '152': -400n, '301': -600n })], '2023-12-31');
    expect(sheet.assets.lines.filter((l) => l.key.startsWith('fixed') || l.key === 'accumulatedDepreciation').map((l) => [l.key, l.kind, l.amount.toString()])).toEqual([
      ['fixedAssetsCost', 'memo', '10.00'],
      ['accumulatedDepreciation', 'memo', '4.00'],
      ['fixedAssetsNet', 'item', '6.00'],
      ['fixedAssetsInDisposal', 'item', '0.00'],
    ]);
    expect(sheet.assets.total.amount.toString()).toBe('6.00');
  });
});
