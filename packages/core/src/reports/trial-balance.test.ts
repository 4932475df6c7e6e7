import { describe, expect, it } from 'vitest';
import { Chart } from '../domain/ledger/chart/index.js';
import type { AccountTotals } from './balances.js';
import { trialBalance } from './trial-balance.js';

const window = { from: '2023-01-01', to: '2023-12-31' };
const totals = (entries: Record<string, Partial<AccountTotals>>): Map<string, AccountTotals> =>
  new Map(Object.entries(entries).map(([code, t]) => [code, { opening: 0n, debit: 0n, credit: 0n, closingDebit: 0n, closingCredit: 0n, ...t }]));

const chart = Chart.standard().withSubAccount({ code: '15101', nameZh: '经营性固定资产' }).withSubAccount({ code: '1510101', nameZh: '厂房' });

describe('trialBalance (科目余额表)', () => {
  it('shows a negative balance on the other side: a credit balance of 101 in the credit column', () => {
    const tb = trialBalance(totals({ '101': { opening: 1000n, credit: 1500n }, '201': { opening: -1000n, debit: 0n, credit: 0n }, '102': { debit: 1500n } }), chart, window);
    const cash = tb.rows.find((r) => r.code === '101');
    expect([cash?.openingDebit, cash?.closingDebit, cash?.closingCredit].map(String)).toEqual(['10.00', '0.00', '5.00']);
    expect(cash?.normalBalance).toBe('debit');
    expect(tb.balanced).toEqual({ opening: true, period: true, closing: true });
  });

  it('adds sub-accounts into every parent up to the standard account; totals count each posting once', () => {
    const tb = trialBalance(totals({ '1510101': { debit: 700n }, '15102': { debit: 300n }, '102': { credit: 1000n } }), chart, window);
    expect(tb.rows.map((r) => [r.code, r.level, r.subtotal, r.periodDebit.toString()])).toEqual([
      ['102', 1, false, '0.00'],
      ['151', 1, true, '10.00'],
      ['15101', 2, true, '7.00'],
      ['1510101', 3, false, '7.00'],
      ['15102', 2, false, '3.00'],
    ]);
    // 15102 is not in this chart: its name falls back to its code, its normal side to its root's.
    expect(tb.rows.at(-1)).toMatchObject({ nameZh: '15102', nameEn: '15102', normalBalance: 'debit' });
    expect([tb.totals.periodDebit, tb.totals.periodCredit].map(String)).toEqual(['10.00', '10.00']);
  });

  it('rolls sub-accounts into their standard account with roots only, and leaves out accounts with no figure', () => {
    const tb = trialBalance(totals({ '1510101': { debit: 700n }, '102': { credit: 700n }, '501': {} }), chart, window, 'roots');
    expect(tb.rows.map((r) => [r.code, r.nameEn, r.closingDebit.toString(), r.closingCredit.toString()])).toEqual([
      ['102', 'bank deposits', '0.00', '7.00'],
      ['151', 'fixed assets', '7.00', '0.00'],
    ]);
  });

  it('reports unbalanced totals per pair of columns', () => {
    const tb = trialBalance(totals({ '102': { opening: 100n, debit: 5n } }), chart, window);
    expect(tb.balanced).toEqual({ opening: false, period: false, closing: false });
  });
});
