import { describe, expect, it } from 'vitest';
import { Money } from '../money/money.js';
import { debtFigures } from './debt-figures.js';
import type { DebtHistory } from './debt-history.js';

const debt = (debtId: string, amount: string, recordedOn: string, resolutions: readonly [method: DebtHistory['resolutions'][number]['method'], resolvedOn: string, amount: string][]): DebtHistory => ({
  villageId: 'v',
  debtId,
  creditor: { name: '债权人', kind: 'company' } as DebtHistory['creditor'],
  creditorKind: 'company',
  origin: 'borrowing',
  originNote: undefined,
  account: '211',
  recognition: 'existing',
  recordedOn,
  amount: Money.of(amount),
  resolutions: resolutions.map(([method, resolvedOn, a]) => ({ method, resolvedOn, amount: Money.of(a), voucherNo: '债-001' })),
});

describe('the figures of debt resolution', () => {
  it('compute the rate from the amounts, exactly: 74,850,000.00 of 91,313,100.00 is 81.97%, shown 82.0%', () => {
    const debts = [debt('d1', '91313100.00', '2021-01-10', [['repayment', '2021-06-01', '50000000.00'], ['write-off', '2022-03-01', '24850000.00']])];
    const f = debtFigures(debts, 1, { from: undefined, to: '2022-06-30' });
    expect(f.rate?.toPercent()).toBe('82.0%');
    expect(f.rate?.toDecimal(6).toString()).toBe('0.819707');
    expect([f.resolved.total.toString(), f.outstanding.toString()]).toEqual(['74850000.00', '16463100.00']);
  });

  it('count, to a period\u2019s end, every debt recorded by then and what was resolved by then; in the period, only what happened in it', () => {
    const debts = [
      debt('d1', '100.00', '2022-01-10', [['repayment', '2022-05-01', '30.00'], ['offset', '2023-02-01', '20.00'], ['restructuring', '2024-01-01', '50.00']]),
      debt('d2', '50.00', '2023-03-01', [['write-off', '2023-04-01', '50.00']]),
      debt('d3', '70.00', '2024-01-01', []),
    ];
    const f = debtFigures(debts, 1, { from: '2023-01-01', to: '2023-12-31' });
    expect([f.debts, f.openDebts, f.recorded.toString(), f.recordedInPeriod.toString()]).toEqual([2, 1, '150.00', '50.00']);
    expect(f.resolved.byMethod.map((m) => [m.method, m.amount.toString()])).toEqual([['repayment', '30.00'], ['restructuring', '0.00'], ['offset', '20.00'], ['write-off', '50.00']]);
    expect([f.resolved.total.toString(), f.resolvedInPeriod.total.toString(), f.outstanding.toString(), f.rate?.toPercent()]).toEqual(['100.00', '70.00', '50.00', '66.7%']);
  });

  it('give no rate where nothing is recorded', () => {
    expect(debtFigures([], 0, { from: undefined, to: '2023-12-31' }).rate).toBeUndefined();
  });
});
