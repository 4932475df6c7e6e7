import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Money } from '../../money/money.js';
import { Rate } from '../../money/rate.js';
import { straightLineSchedule } from './depreciation.js';
import { nextMonth } from './months.js';
import { depreciationCharged, fixedAssetAcquired } from './events.js';
import { building, testAssets } from './test-assets.js';
import { chartWith } from '../../test-support/ledger-year.js';
import { testLedger } from '../ledger/test-ledger.js';
import { acquireFixedAsset } from './service.js';
import { assetEvent, assetOperation, generated, given, purchase } from './test-asset-specs.js';

/** `count` months from `from` on. */
const months = (from: string, count: number): string[] => {
  const out = [from];
  while (out.length < count) out.push(nextMonth(out[out.length - 1] ?? from));
  return out;
};

describe('fixed assets on the books', () => {
  it('posts an acquisition as a generated voucher: Dr 15101, Cr 102', () => {
    const b1 = building('b1', '120000.00', 240);
    given()
      .when(assetOperation('AcquireFixedAsset', b1))
      .then([
        assetEvent(fixedAssetAcquired, { ...b1, costAccount: '15101', depreciationAccount: '152', creditAccount: '102', voucherNo: '资-001' }),
        generated('资-001', '2023-01-15', '购入固定资产：房屋b1', [['15101', 'debit', '120000.00'], ['102', 'credit', '120000.00']]),
      ]);
  });

  it('refuses a purchase that would overdraw a bank the chart does not let overdraw, and pays one the close carried enough for', () => {
    const chart = chartWith(['15101', '经营性固定资产'], ['15102', '非经营性固定资产']);
    const b1 = building('b1', '120000.00', 240);
    given()
      .when(assetOperation('AcquireFixedAsset', b1, { chart }))
      .thenRefuses({
        code: 'VOUCHER_BANK_OVERDRAWN',
        message: 'lines[1].account: voucher 资-001 would leave 102 银行存款 with a credit balance of 120000.00; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
      });
    given()
      .when(assetOperation('AcquireFixedAsset', b1, { chart, carried: new Map([['102', 12_000_000n]]) }))
      .then([...purchase(b1)]);
  });

  it('pays a January purchase from what the bank held when last year is still open, and refuses a fen more', async () => {
    const books = await testLedger();
    expect(isRight(await books.subAccount('15101', '经营性固定资产'))).toBe(true);
    expect(isRight(await books.voucher('记-1', '2023-06-01', [['102', 'debit', '50000.00'], ['501', 'credit', '50000.00']]))).toBe(true);
    let n = 0;
    const acquire = (assetId: string, cost: string) =>
      acquireFixedAsset(books.context, { commandId: `a-${(n += 1)}`, actor: '会计', input: { organizationId: 'v', ...building(assetId, cost, 240, { acquiredOn: '2024-01-15' }) } as never });
    const over = await acquire('b1', '50000.01');
    expect(isLeft(over) && over.left).toEqual({
      code: 'VOUCHER_BANK_OVERDRAWN',
      message: 'lines[1].account: voucher 资-001 would leave 102 银行存款 with a credit balance of 0.01; if the bank grants an overdraft, declare it in the chart (allowBankOverdraft 102)',
    });
    expect(isRight(await acquire('b1', '50000.00'))).toBe(true);
    expect(isRight(await books.close(2023))).toBe(true);
  });

  it('depreciates 10,000.01 over 37 months with a 5% residual exactly, starting the month after acquisition, then stops', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '10000.01', 37));
    const charges: string[] = [];
    for (const month of ['2023-01', ...months('2023-02', 38)]) {
      const result = await books.ok('depreciate', { month });
      charges.push(...result.events.filter((e) => e.type === 'DepreciationCharged').map((e) => String((e.data as { amount: unknown }).amount)));
    }
    // January is the month of acquisition (当月增加当月不提); February 2023 to February 2026 are the 37 months; March 2026 charges nothing.
    expect(charges).toEqual([...Array.from({ length: 36 }, () => '256.76'), '256.65']);
    expect((await books.balances('2026-03-31')).get('152')).toBe('-9500.01');
  });

  it('runs a month twice without changing anything', () => {
    const acquired = purchase(building('b1', '1200.00', 12, { residualRate: '0' }));
    const february = [
      assetEvent(depreciationCharged, { assetId: 'b1', month: '2023-02', amount: '100.00', voucherNo: '资-002' }),
      generated('资-002', '2023-02-28', '计提2023-02固定资产折旧', [['511', 'debit', '100.00'], ['152', 'credit', '100.00']]),
    ];
    given(...acquired).when(assetOperation('ChargeDepreciation', { month: '2023-02' })).then(february);
    given(...acquired, ...february).when(assetOperation('ChargeDepreciation', { month: '2023-02' })).thenNothing();
  });

  it('charges the month’s voucher by charge account: Dr 511 and Dr 514, Cr 152', () => {
    const school = building('s1', '2400.00', 24, { residualRate: '0', category: 'non-operating', chargeAccount: '514', name: '村小学' });
    given(...purchase(building('b1', '1200.00', 12, { residualRate: '0' })), ...purchase(school, '资-002', '15102'))
      .when(assetOperation('ChargeDepreciation', { month: '2023-02' }))
      .then([
        assetEvent(depreciationCharged, { assetId: 'b1', month: '2023-02', amount: '100.00', voucherNo: '资-003' }),
        assetEvent(depreciationCharged, { assetId: 's1', month: '2023-02', amount: '100.00', voucherNo: '资-003' }),
        generated('资-003', '2023-02-28', '计提2023-02固定资产折旧', [['511', 'debit', '100.00'], ['514', 'debit', '100.00'], ['152', 'credit', '200.00']]),
      ]);
  });

  it('charges units of work by the units recorded, the last units taking what is left', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('t1', '1000.00', 60, { name: '拖拉机', method: 'units-of-work', totalUnits: '300', residualRate: '10', chargeAccount: '401' }));
    // Depreciable 1,000.00 − 100.00 = 900.00: 100 of 300 units charge 300.00, 150 of the 200 left charge 450.00, the last 60 units the 150.00 left.
    const amounts = [];
    for (const [month, units] of [['2023-02', '100'], ['2023-03', '150'], ['2023-04', '60']] as const) {
      const result = await books.ok('depreciate', { month, usage: [{ assetId: 't1', units }] });
      amounts.push(String((result.events[0]?.data as { amount: unknown }).amount));
    }
    expect(amounts).toEqual(['300.00', '450.00', '150.00']);
    expect((await books.ok('depreciate', { month: '2023-05', usage: [] })).events).toEqual([]);
  });

  it('carries the register into the next year: depreciation goes on after the year is closed', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '1200.00', 12, { residualRate: '0' }));
    for (const month of months('2023-02', 11)) await books.ok('depreciate', { month });
    const close = await books.close(2023);
    expect(close._tag).toBe('Right');
    const january = await books.ok('depreciate', { month: '2024-01' });
    expect(january.events[0]?.data).toMatchObject({ assetId: 'b1', month: '2024-01' });
    expect(String((january.events[0]?.data as { amount: unknown }).amount)).toBe('100.00');
    expect((await books.ok('depreciate', { month: '2024-02' })).events).toEqual([]);
  });

  it('continues an asset brought in when the books were opened as its schedule says', async () => {
    const books = await testAssets();
    const opening = { acquisition: 'opening', acquiredOn: '2022-12-31', openingDepreciation: '12345.67', openingMonths: 41 };
    const result = await books.ok('acquire', building('o1', '98765.43', 300, opening));
    // Dr 15101 98,765.43; Cr 152 12,345.67 already depreciated; Cr 301 the net value brought in.
    expect(result.events[1]?.data).toMatchObject({ lines: [{ account: '15101', side: 'debit' }, { account: '152', side: 'credit' }, { account: '301', side: 'credit' }] });
    const charged: string[] = [];
    for (const month of months('2023-01', 6)) {
      charged.push(...(await books.ok('depreciate', { month })).events.filter((e) => e.type === 'DepreciationCharged').map((e) => String((e.data as { amount: unknown }).amount)));
    }
    const planned = straightLineSchedule(Money.of('98765.43'), Rate.fromPercent('5'), 300, { depreciation: Money.of('12345.67'), months: 41 });
    expect(planned).toHaveLength(259);
    expect(charged).toEqual(planned.slice(0, 6).map(String));
    expect(Money.sum(planned).plus(Money.of('12345.67')).toString()).toBe('93827.16'); // 98,765.43 less its 5% residual, 4,938.27
  });
});
