import { describe, expect, it } from 'vitest';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { runProjection } from '../kernel/projection.js';
import { appreciationReportOf } from './appreciation.js';
import { assetsProjection } from './assets-projection.js';
import { yearWindow } from './balances.js';

type Books = Awaited<ReturnType<typeof testAssets>>;

const appreciation = async (books: Books, year: number) => {
  const window = yearWindow(year);
  const { state } = await runProjection(books.store, books.context.catalog, assetsProjection(window), { asOf: window.to });
  return appreciationReportOf(state, { village: 'v' }, window).total.appreciation;
};

const money = (m: { toString(): string }): string => m.toString();

describe('value preservation and appreciation (资产保值增值)', () => {
  it('adds back every kind of objective factor, by hand-worked figures', async () => {
    const books = await testAssets();
    // 2023: 200,000.00 of capital, six assets bought on 20 December, the year closed: opening equity of 2024 is 200,000.00.
    await books.voucher('记-1', '2023-01-01', [['102', 'debit', '200000.00'], ['301', 'credit', '200000.00']]);
    const bought = { acquiredOn: '2023-12-20', residualRate: '0' };
    for (const [id, cost] of [['a1', '50000.00'], ['a2', '4000.00'], ['a3', '700.00'], ['a4', '1500.00'], ['a5', '10000.00'], ['a6', '2000.00']] as const) {
      await books.ok('acquire', building(id, cost, 120, bought));
    }
    await books.close(2023);
    // 2024, all in January (no depreciation due yet):
    await books.voucher('记-1', '2024-01-05', [['102', 'debit', '10000.00'], ['501', 'credit', '10000.00']]); // the year's own income
    await books.voucher('记-2', '2024-01-06', [['102', 'debit', '5000.00'], ['301', 'credit', '5000.00']]); // capital injected
    const given = { acquiredOn: '2024-01-07', residualRate: '0' };
    await books.ok('acquire', building('t', '8000.00', 120, { ...given, acquisition: 'transfer-in' }));
    await books.ok('acquire', building('s', '6000.00', 120, { ...given, acquisition: 'subsidy' }));
    await books.ok('acquire', building('d', '2000.00', 120, { ...given, acquisition: 'donation' }));
    await books.ok('acquire', building('k', '1000.00', 120, { ...given, acquisition: 'stock-take-surplus' }));
    await books.ok('revalue', { assetId: 'a1', revaluedOn: '2024-01-10', change: '3000.00', reason: 'appraisal' });
    await books.ok('revalue', { assetId: 'a5', revaluedOn: '2024-01-10', change: '-500.00', reason: 'appraisal' });
    await books.ok('revalue', { assetId: 'a6', revaluedOn: '2024-01-10', change: '400.00', reason: 'stock-take' });
    await books.ok('dispose', { assetId: 'a2', disposedOn: '2024-01-11', disposal: 'transfer-out' });
    await books.ok('dispose', { assetId: 'a3', disposedOn: '2024-01-11', disposal: 'stock-take-loss' });
    await books.ok('dispose', { assetId: 'a4', disposedOn: '2024-01-11', disposal: 'force-majeure', proceeds: '300.00' });

    const result = await appreciation(books, 2024);
    // Closing equity: 301 205,000.00; 311 8,000 + 6,000 + 2,000 + 1,000 + 3,000 − 500 + 400 − 4,000 − 700 = 15,200.00;
    // this year's income 10,000.00 less the force-majeure loss 1,200.00 (1,500.00 − 300.00, in 515) = 8,800.00. In all 229,000.00.
    expect(money(result.openingEquity)).toBe('200000.00');
    expect(money(result.closingEquity)).toBe('229000.00');
    expect(Object.fromEntries(Object.entries(result.increases).map(([k, v]) => [k, money(v)]))).toEqual({
      capitalInjected: '5000.00',
      transfersIn: '8000.00',
      subsidies: '6000.00',
      donations: '2000.00',
      stockTakeGains: '1400.00', // the surplus asset 1,000.00 and the stock-take revaluation 400.00
      revaluationGains: '3000.00',
      total: '25400.00',
    });
    expect(Object.fromEntries(Object.entries(result.decreases).map(([k, v]) => [k, money(v)]))).toEqual({
      transfersOut: '4000.00',
      stockTakeLosses: '700.00',
      revaluationLosses: '500.00',
      forceMajeure: '1200.00',
      total: '6400.00',
    });
    // (229,000.00 − 25,400.00 + 6,400.00) / 200,000.00 = 210,000.00 / 200,000.00 = 105.0%: the year's own income, 10,000.00.
    expect(money(result.adjustedClosingEquity)).toBe('210000.00');
    expect(result.rate?.toPercent()).toBe('105.0%');
    expect(result.verdict).toBe('appreciated');
  });

  it('says preserved at exactly 100%, lost value below, and gives no rate without opening equity', async () => {
    const books = await testAssets();
    await books.voucher('记-1', '2023-01-01', [['102', 'debit', '1000.00'], ['301', 'credit', '1000.00']]);
    expect((await appreciation(books, 2023)).rate).toBeUndefined();
    await books.close(2023);
    expect((await appreciation(books, 2024)).verdict).toBe('preserved');
    await books.voucher('记-1', '2024-03-01', [['513', 'debit', '10.00'], ['102', 'credit', '10.00']]);
    const lost = await appreciation(books, 2024);
    expect([lost.rate?.toPercent(), lost.verdict]).toEqual(['99.0%', 'lost-value']);
  });
});
