import { describe, expect, it } from 'vitest';
import { coreCatalog } from '../catalog.js';
import { Money } from '../money/money.js';
import { householdIncomeReport, landTransfersReport } from './definitions/land.js';
import { runReport } from './definitions/run-report.js';
import { testLandBooks } from './test-land-books.js';

describe('report land-transfers', () => {
  it('shows area transferred, its share of contracted land, and rent due, paid and owed per village and operator', async () => {
    const l = await testLandBooks();
    const json = await runReport(l.store, coreCatalog, landTransfersReport, { asOf: '2021-12-31', lang: 'en' });
    expect(json.total).toMatchObject({ contractedArea: '9.5000', transferredArea: '9.5000', transfers: 2 });
    expect(json.total.share?.display).toBe('100.0%');
    // t1: 6.5 mu × 800.00 = 5,200.00 due, 4,600.00 paid, h2 owes 600.00; t2: 3 × 500.00 = 1,500.00 due and paid on.
    expect(json.operators).toEqual([
      { villageId: 'v', operator: '果业合作社', kind: 'cooperative', transfers: 1, transferredArea: '3.0000', due: '1500.00', paid: '1500.00', owed: '0.00' },
      { villageId: 'v', operator: '猕猴桃公司', kind: 'company', transfers: 1, transferredArea: '6.5000', due: '5200.00', paid: '4600.00', owed: '600.00' },
    ]);
    expect(json.townships.map((t) => [t.id, t.due, t.owed])).toEqual([['t', '6700.00', '600.00']]);
  });

  it('refuses to run without a date', async () => {
    const l = await testLandBooks();
    await expect(runReport(l.store, coreCatalog, landTransfersReport, {})).rejects.toThrow('--as-of or --year');
  });
});

describe('report household-income', () => {
  it('gives each household its wages, rent, guaranteed return and dividends, and per capita', async () => {
    const l = await testLandBooks();
    const json = await runReport(l.store, coreCatalog, householdIncomeReport, { year: 2021, lang: 'zh' });
    const h = new Map(json.households.map((x) => [x.householdId, x]));
    expect(h.get('h1')).toMatchObject({ wages: '7100.00', rent: '3600.00', guaranteedReturn: '0.00', total: '10700.00', members: 2, perCapita: '5350.00' });
    // the 2021 dividend is declared, not yet paid: no income of the year
    expect(h.get('h2')).toMatchObject({ wages: '2500.50', rent: '1000.00', guaranteedReturn: '1500.00', landDividends: '0.00', total: '5000.50', members: 1 });
  });

  it('income equals the sum of its parts, for every household and every group', async () => {
    const l = await testLandBooks();
    const json = await runReport(l.store, coreCatalog, householdIncomeReport, { year: 2021 });
    for (const line of [...json.households, json.total, ...json.villages, ...json.townships]) {
      const parts = [line.wages, line.rent, line.guaranteedReturn, line.landDividends, line.collectiveDividends].map((a) => Money.of(a));
      expect(Money.sum(parts).toString()).toBe(line.total);
    }
    expect(json.total.total).toBe(Money.sum(json.households.map((x) => Money.of(x.total))).toString());
  });

  it('needs --year', async () => {
    const l = await testLandBooks();
    await expect(runReport(l.store, coreCatalog, householdIncomeReport, {})).rejects.toThrow('--year');
  });
});
