import { describe, expect, it } from 'vitest';
import { runProjection } from '../../kernel/projection.js';
import { statementsProjection, yearWindow } from '../../reports/index.js';
import { trialBalanceOf } from '../../reports/trial-balance.js';
import { fixedAssetDisposed, fixedAssetRevalued } from './events.js';
import { building, testAssets } from './test-assets.js';
import { assetEvent, assetOperation, depreciation, generated, given, purchase } from './test-asset-specs.js';

type Books = Awaited<ReturnType<typeof testAssets>>;

/** b1: cost 12,000.00, no residual, 120 months: 100.00 a month from February 2023. */
const withBuilding = async (chargedThrough: readonly string[] = []): Promise<Books> => {
  const books = await testAssets();
  await books.ok('acquire', building('b1', '12000.00', 120, { residualRate: '0' }));
  for (const month of chargedThrough) await books.ok('depreciate', { month });
  return books;
};

/** The same b1 as the stream records its purchase, and its February charge. */
const purchasedB1 = () => purchase(building('b1', '12000.00', 120, { residualRate: '0' }));
const february = depreciation('2023-02', '资-002', '511', [['b1', '100.00']]);

describe('reclassification (用途转换)', () => {
  it('moves cost and accumulated depreciation between 15101/15102 and 15201/15202, and the books still balance', async () => {
    const books = await testAssets();
    await books.subAccount('15201', '经营性固定资产累计折旧');
    await books.subAccount('15202', '非经营性固定资产累计折旧');
    await books.ok('acquire', building('s1', '12000.00', 120, { residualRate: '0', category: 'non-operating', name: '闲置校舍', chargeAccount: '514', depreciationAccount: '15202' }));
    for (const month of ['2023-02', '2023-03']) await books.ok('depreciate', { month });
    const moved = await books.ok('reclassify', {
      assetId: 's1',
      reclassifiedOn: '2023-04-01',
      to: 'operating',
      chargeAccount: '511',
      depreciationAccount: '15201',
      reason: '闲置校舍盘活改建为服装加工车间',
    });
    expect(moved.events.at(-1)?.data).toMatchObject({
      summary: '固定资产非经营性转为经营性：闲置校舍',
      lines: [
        { account: '15101', side: 'debit' },
        { account: '15102', side: 'credit' },
        { account: '15202', side: 'debit' },
        { account: '15201', side: 'credit' },
      ],
    });
    await books.ok('depreciate', { month: '2023-04' });
    const balances = await books.balances('2023-04-30');
    expect(['15101', '15102', '15201', '15202', '511', '514'].map((code) => balances.get(code) ?? '0.00')).toEqual([
      '12000.00',
      '0.00',
      '-300.00',
      '0.00',
      '100.00',
      '200.00',
    ]);
    const window = yearWindow(2023, '2023-04-30');
    const { state } = await runProjection(books.store, books.context.catalog, statementsProjection(window));
    expect(trialBalanceOf(state, { village: 'v' }, window).balanced).toEqual({ opening: true, period: true, closing: true });
  });

  it('refuses a reclassification into the category the asset has', () => {
    given(...purchasedB1())
      .when(assetOperation('ReclassifyFixedAsset', { assetId: 'b1', reclassifiedOn: '2023-01-20', to: 'operating', chargeAccount: '511', reason: 'x' }))
      .thenRefuses({ code: 'RECLASSIFICATION_SAME_CATEGORY', message: 'to: b1 (房屋b1) is already operating' });
  });
});

describe('revaluation (资产评估)', () => {
  it('raises the cost against 311 and spreads what is left over the months left', () => {
    const history = [...purchasedB1(), ...february, ...depreciation('2023-03', '资-003', '511', [['b1', '100.00']])];
    // After two months: cost 12,000.00, accumulated 200.00, 118 months left. +1,180.00 → 12,980.00 left over 118 months = 110.00 a month.
    const raised = [
      assetEvent(fixedAssetRevalued, { assetId: 'b1', revaluedOn: '2023-04-10', change: '1180.00', reason: 'appraisal', voucherNo: '资-004' }),
      generated('资-004', '2023-04-10', '固定资产评估增值：房屋b1', [['15101', 'debit', '1180.00'], ['311', 'credit', '1180.00']]),
    ];
    given(...history).when(assetOperation('RevalueFixedAsset', { assetId: 'b1', revaluedOn: '2023-04-10', change: '1180.00', reason: 'appraisal' })).then(raised);
    given(...history, ...raised).when(assetOperation('ChargeDepreciation', { month: '2023-04' })).then(depreciation('2023-04', '资-005', '511', [['b1', '110.00']]));
  });

  it('lowers the cost against 311, but never below what is already depreciated', () => {
    const history = [...purchasedB1(), ...february];
    const lowered = [
      assetEvent(fixedAssetRevalued, { assetId: 'b1', revaluedOn: '2023-03-01', change: '-1900.00', reason: 'stock-take', voucherNo: '资-003' }),
      generated('资-003', '2023-03-01', '固定资产评估减值：房屋b1', [['311', 'debit', '1900.00'], ['15101', 'credit', '1900.00']]),
    ];
    given(...history).when(assetOperation('RevalueFixedAsset', { assetId: 'b1', revaluedOn: '2023-03-01', change: '-1900.00', reason: 'stock-take' })).then(lowered);
    given(...history, ...lowered)
      .when(assetOperation('RevalueFixedAsset', { assetId: 'b1', revaluedOn: '2023-03-02', change: '-10000.01', reason: 'appraisal' }))
      .thenRefuses({
        code: 'REVALUATION_INVALID',
        message: 'change: -10000.01 would leave a cost of 99.99, below what is depreciated plus the residual value (100.00)',
      });
  });
});

describe('disposal (固定资产减少)', () => {
  it('sells through 154: the net value, the proceeds, and the gain to 504', async () => {
    const books = await withBuilding(['2023-02', '2023-03']);
    // Net value 12,000.00 − 200.00 = 11,800.00; sold for 12,500.00: a gain of 700.00.
    const sold = await books.ok('dispose', { assetId: 'b1', disposedOn: '2023-04-15', disposal: 'sale', proceeds: '12500.00' });
    expect(sold.events[0]?.data).toMatchObject({ disposal: 'sale' });
    const balances = await books.balances('2023-04-30');
    expect(['15101', '152', '154', '102', '504'].map((code) => balances.get(code) ?? '0.00')).toEqual(['0.00', '0.00', '0.00', '500.00', '-700.00']);
    expect((await books.ok('depreciate', { month: '2023-04' })).events).toEqual([]);
  });

  it('scraps with a loss to 515, and writes off a transfer out against 311', async () => {
    const scrapped = await withBuilding(['2023-02']);
    await scrapped.ok('dispose', { assetId: 'b1', disposedOn: '2023-03-05', disposal: 'scrapping', proceeds: '300.00' });
    expect((await scrapped.balances('2023-03-31')).get('515')).toBe('11600.00');
    const transferred = await withBuilding(['2023-02']);
    await transferred.ok('dispose', { assetId: 'b1', disposedOn: '2023-03-05', disposal: 'transfer-out' });
    const balances = await transferred.balances('2023-03-31');
    expect([balances.get('311'), balances.get('15101'), balances.get('152')]).toEqual(['11900.00', '0.00', '0.00']);
  });

  it('refuses disposing of an asset twice, proceeds for a transfer out, and a disposal before depreciation is caught up', () => {
    const history = [...purchasedB1(), ...february];
    const dispose = (disposedOn: string, disposal: string, extra: object = {}) => assetOperation('DisposeFixedAsset', { assetId: 'b1', disposedOn, disposal, ...extra });
    given(...history)
      .when(dispose('2023-03-05', 'transfer-out', { proceeds: '1.00' }))
      .thenRefuses({ code: 'DISPOSAL_PROCEEDS_INVALID', message: 'proceeds: a transfer-out brings no proceeds; record a sale instead' });
    given(...history)
      .when(dispose('2023-04-05', 'scrapping'))
      .thenRefuses({ code: 'DEPRECIATION_GAP', message: 'assetId: b1 (房屋b1) is depreciated through 2023-02; charge depreciation through 2023-03 first' });
    // Net value 12,000.00 − 100.00 = 11,900.00 through 154, no proceeds: all of it a loss to 515.
    const scrapped = [
      assetEvent(fixedAssetDisposed, { assetId: 'b1', disposedOn: '2023-03-05', disposal: 'scrapping', cost: '12000.00', accumulated: '100.00', proceeds: '0.00', receivedInto: '102', voucherNo: '资-003' }),
      generated('资-003', '2023-03-05', '固定资产报废：房屋b1', [
        ['154', 'debit', '11900.00'],
        ['152', 'debit', '100.00'],
        ['15101', 'credit', '12000.00'],
        ['515', 'debit', '11900.00'],
        ['154', 'credit', '11900.00'],
      ]),
    ];
    given(...history).when(dispose('2023-03-05', 'scrapping')).then(scrapped);
    given(...history, ...scrapped)
      .when(dispose('2023-03-06', 'scrapping'))
      .thenRefuses({ code: 'ASSET_DISPOSED', message: 'assetId: b1 (房屋b1) was disposed of on 2023-03-05' });
  });
});
