import { describe, expect, it } from 'vitest';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { runProjection } from '../kernel/projection.js';
import { assetsReportOf } from './asset-composition.js';
import { assetsProjection } from './assets-projection.js';
import { yearWindow } from './balances.js';
import { resourceIncomeReportOf } from './resource-income.js';

/** Village v: 100,000.00 of capital, two buildings, a school, land and a stake in its company, posted in 2023. */
const villageBooks = async () => {
  const books = await testAssets();
  await books.voucher('记-1', '2023-01-01', [['102', 'debit', '100000.00'], ['301', 'credit', '100000.00']]);
  await books.ok('acquire', building('b1', '30000.00', 120, { residualRate: '0', acquiredOn: '2023-01-10' }));
  await books.ok('acquire', building('b2', '6000.00', 60, { residualRate: '0', acquiredOn: '2023-01-10' }));
  await books.ok('acquire', building('s1', '24000.00', 240, { residualRate: '0', acquiredOn: '2023-01-10', category: 'non-operating', chargeAccount: '514' }));
  await books.ok('invest', { investmentId: 'i1', investee: '村物业管理有限公司', madeOn: '2023-01-20', amount: '20000.00' });
  await books.ok('resource', { assetId: 'r1', name: '河滩耕地', kind: 'arable', area: '200', registeredOn: '2023-01-02', identifiedBy: 'register' });
  await books.ok('resource', { assetId: 'r2', name: '东山荒坡', kind: 'waste-land', area: '55.5', registeredOn: '2023-04-01', identifiedBy: 'stock-take', bookValue: '8000.00' });
  // One month of depreciation: 30,000/120 + 6,000/60 = 350.00 operating, 24,000/240 = 100.00 non-operating.
  await books.ok('depreciate', { month: '2023-02' });
  await books.ok('resourceIncome', { assetId: 'r1', receivedOn: '2023-03-01', amount: '40000.00', summary: '耕地流转租金' });
  await books.ok('resourceIncome', { assetId: 'r2', receivedOn: '2023-05-01', amount: '5550.00', summary: '荒坡承包费' });
  return books;
};

const stateAt = async (books: Awaited<ReturnType<typeof testAssets>>, asOf: string) => {
  const window = yearWindow(Number(asOf.slice(0, 4)), asOf);
  const { state } = await runProjection(books.store, books.context.catalog, assetsProjection(window), { asOf });
  return { state, window };
};

describe('asset composition (集体资产构成)', () => {
  it('adds up the register and agrees with the ledger', async () => {
    const books = await villageBooks();
    const { state, window } = await stateAt(books, '2023-06-30');
    const { composition } = assetsReportOf(state, { village: 'v' }, window).total;
    const fixed = (line: { count: number; cost: unknown; accumulated: unknown; net: unknown }) => [line.count, String(line.cost), String(line.accumulated), String(line.net)];
    expect(fixed(composition.fixedAssets.operating)).toEqual([2, '36000.00', '350.00', '35650.00']);
    expect(fixed(composition.fixedAssets.nonOperating)).toEqual([1, '24000.00', '100.00', '23900.00']);
    expect([composition.longTermInvestments.count, String(composition.longTermInvestments.amount)]).toEqual([1, '20000.00']);
    // Cash: 100,000 − 60,000 − 20,000 + 40,000 + 5,550 = 65,550.00; assets 65,550 + 59,550 (fixed, net) + 20,000 = 145,100.00.
    expect(String(composition.totalAssets)).toBe('145100.00');
    expect(String(composition.otherAssets)).toBe('65550.00');
    expect(composition.shares.operatingFixedAssets?.toPercent()).toBe('24.6%');
    expect(composition.shares.otherAssets?.toPercent()).toBe('45.2%');
    expect(composition.ledger.agrees).toBe(true);
    const kinds = composition.resources.byKind.filter((k) => k.count > 0).map((k) => [k.kind, k.count, String(k.area), String(k.bookValue), k.newlyIdentified.count]);
    expect(kinds).toEqual([
      ['arable', 1, '200.0000', '0.00', 0],
      ['waste-land', 1, '55.5000', '8000.00', 1],
    ]);
  });

  it('is as of its date: before the depreciation run and the investment, the figures are the earlier ones', async () => {
    const books = await villageBooks();
    const { state, window } = await stateAt(books, '2023-01-15');
    const { composition } = assetsReportOf(state, {}, window).total;
    expect(String(composition.fixedAssets.total.accumulated)).toBe('0.00');
    expect(composition.longTermInvestments.count).toBe(0);
    expect(composition.resources.total.count).toBe(1);
  });
});

describe('resource income (资源性资产收入)', () => {
  it('gives the year’s income by resource and the part from resources a stock-take found', async () => {
    const books = await villageBooks();
    const { state, window } = await stateAt(books, '2023-12-31');
    const report = resourceIncomeReportOf(state, {}, window);
    expect(String(report.total.income.total.income)).toBe('45550.00');
    expect([report.total.income.newlyIdentified.resources, String(report.total.income.newlyIdentified.income)]).toEqual([1, '5550.00']);
    expect(report.resources.map((r) => [r.assetId, String(r.income), r.newlyIdentified])).toEqual([
      ['r1', '40000.00', false],
      ['r2', '5550.00', true],
    ]);
    // Found on 2023-04-01: not new when counting only what was found from May on.
    expect(resourceIncomeReportOf(state, {}, window, '2023-05-01').total.income.newlyIdentified.resources).toBe(0);
  });
});
