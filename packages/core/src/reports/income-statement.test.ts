import { describe, expect, it } from 'vitest';
import { Chart } from '../domain/ledger/chart/index.js';
import type { AccountTotals } from './balances.js';
import { incomeStatement, undistributedAccountOf } from './income-statement.js';
import type { VillageBooks } from './statement.js';

const window = { from: '2023-01-01', to: '2023-12-31' };
const village = (chart: Chart, entries: Record<string, Partial<AccountTotals>>): VillageBooks => ({
  village: { organizationId: 'v', kind: 'village', code: '1', name: '村', parentId: 't' },
  chart,
  totals: new Map(Object.entries(entries).map(([code, t]) => [code, { opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n, ...t }])),
});

describe('incomeStatement (收益及收益分配表)', () => {
  it('leaves the closing entries out, shows an investment loss as negative, subtracts tax', () => {
    const s = incomeStatement(
      [village(Chart.standard(), { '501': { credit: 10000n, closingDebit: 10000n }, '502': { debit: 300n }, '521': { debit: 700n }, '50101': { credit: 100n } })],
      window,
    );
    expect(s.income.map((l) => [l.key, l.amount.toString()]).filter(([, a]) => a !== '0.00')).toEqual([
      ['operatingIncome', '101.00'],
      ['operatingProfit', '101.00'],
      ['investmentIncome', '-3.00'],
      ['totalIncome', '98.00'],
      ['incomeTax', '7.00'],
      ['netIncome', '91.00'],
    ]);
  });

  it('with 322 a leaf: vouchers on 322 and 321 are other transfers in, there are no distribution lines', () => {
    const s = incomeStatement([village(Chart.standard(), { '322': { opening: -5000n, debit: 200n, credit: 50n }, '321': { credit: 10n } })], window);
    expect(s.distribution.map((l) => [l.key, l.amount.toString()])).toEqual([
      ['netIncome', '0.00'],
      ['openingUndistributed', '50.00'],
      ['transfersIn', '-1.40'],
      ['distributable', '48.60'],
      ['closingUndistributed', '48.60'],
    ]);
  });

  it('groups distributions of several villages by their Chinese name', () => {
    const a = Chart.standard().withSubAccount({ code: '32201', nameZh: '向成员分配', nameEn: 'To members' }).withSubAccount({ code: '32202', nameZh: '未分配收益' });
    const b = Chart.standard().withSubAccount({ code: '32205', nameZh: '向成员分配' }).withSubAccount({ code: '32209', nameZh: '未分配收益' });
    const s = incomeStatement([village(a, { '32201': { debit: 100n } }), village(b, { '32205': { debit: 50n }, '32209': { opening: -1000n } })], window);
    expect(s.distribution.filter((l) => l.key === 'distribution').map((l) => [l.nameZh, l.nameEn, l.accounts, l.amount.toString()])).toEqual([
      ['向成员分配', 'To members', ['32201', '32205'], '1.50'],
    ]);
    expect([s.openingUndistributed, s.distributable, s.closingUndistributed].map(String)).toEqual(['10.00', '10.00', '8.50']);
    expect([undistributedAccountOf(a), undistributedAccountOf(b), undistributedAccountOf(Chart.standard())]).toEqual(['32202', '32209', '322']);
  });
});
