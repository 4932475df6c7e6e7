import { describe, expect, it } from 'vitest';
import { longTermInvestmentMade, longTermInvestmentRecovered, resourceAssetRegistered, resourceIncomeRecorded } from './events.js';
import { testAssets } from './test-assets.js';
import { assetEvent, assetOperation, generated, given } from './test-asset-specs.js';

describe('resource assets (资源性资产)', () => {
  it('registers land by area without touching the ledger, and tags its income with it', () => {
    const land = { assetId: 'r1', name: '东山荒坡', kind: 'waste-land', area: '120.5', registeredOn: '2023-03-01', identifiedBy: 'stock-take' };
    const registered = assetEvent(resourceAssetRegistered, land);
    given().when(assetOperation('RegisterResourceAsset', land)).then([registered]);
    given(registered)
      .when(assetOperation('RecordResourceIncome', { assetId: 'r1', receivedOn: '2023-06-30', amount: '36150.00', summary: '收到东山荒坡承包费' }))
      .then([
        assetEvent(resourceIncomeRecorded, {
          assetId: 'r1',
          receivedOn: '2023-06-30',
          amount: '36150.00',
          summary: '收到东山荒坡承包费',
          incomeAccount: '501',
          receivedInto: '102',
          voucherNo: '资-001',
        }),
        generated('资-001', '2023-06-30', '收到东山荒坡承包费', [['102', 'debit', '36150.00'], ['501', 'credit', '36150.00']]),
      ]);
  });

  it('refuses income from a resource not on the register, or received before it was registered', () => {
    const registered = assetEvent(resourceAssetRegistered, { assetId: 'r1', name: '河滩地', kind: 'arable', area: '10', registeredOn: '2023-03-01', identifiedBy: 'register' });
    const income = (assetId: string, receivedOn: string) => assetOperation('RecordResourceIncome', { assetId, receivedOn, amount: '1.00', summary: 'x' });
    given(registered).when(income('r9', '2023-06-30')).thenRefuses({ code: 'ASSET_UNKNOWN', message: 'assetId: r9 is not a resource asset of v' });
    given(registered)
      .when(income('r1', '2023-02-28'))
      .thenRefuses({ code: 'ASSET_DATE_BEFORE_ACQUISITION', message: 'receivedOn: 2023-02-28 is before r1 was registered on 2023-03-01' });
  });

  it('refuses a negative area before deciding, and writes nothing', async () => {
    const books = await testAssets();
    const before = books.store.size;
    const area = await books.run('resource', { assetId: 'r2', name: 'x', kind: 'forest', area: '-3', registeredOn: '2023-03-01', identifiedBy: 'register' });
    expect(area._tag === 'Left' && area.left.code).toBe('INVALID_INPUT');
    expect(books.store.size).toBe(before);
  });
});

describe('long-term investments (长期投资)', () => {
  it('invests in the village company and recovers it, the gain going to 502', async () => {
    const books = await testAssets();
    await books.ok('invest', { investmentId: 'i1', investee: '村物业管理有限公司', madeOn: '2023-02-01', amount: '500000.00' });
    expect((await books.balances('2023-02-01')).get('141')).toBe('500000.00');
    await books.ok('recover', { investmentId: 'i1', recoveredOn: '2023-11-30', proceeds: '560000.00' });
    const balances = await books.balances('2023-11-30');
    expect([balances.get('141'), balances.get('102'), balances.get('502')]).toEqual(['0.00', '60000.00', '-60000.00']);
  });

  it('recovers an investment once', () => {
    const made = [
      assetEvent(longTermInvestmentMade, {
        investmentId: 'i1',
        investee: '村物业管理有限公司',
        madeOn: '2023-02-01',
        amount: '500000.00',
        investmentAccount: '141',
        paidFrom: '102',
        voucherNo: '资-001',
      }),
      generated('资-001', '2023-02-01', '对外投资：村物业管理有限公司', [['141', 'debit', '500000.00'], ['102', 'credit', '500000.00']]),
    ];
    const recovered = [
      assetEvent(longTermInvestmentRecovered, {
        investmentId: 'i1',
        recoveredOn: '2023-11-30',
        carrying: '500000.00',
        proceeds: '560000.00',
        receivedInto: '102',
        voucherNo: '资-002',
      }),
      generated('资-002', '2023-11-30', '收回对外投资：村物业管理有限公司', [['102', 'debit', '560000.00'], ['141', 'credit', '500000.00'], ['502', 'credit', '60000.00']]),
    ];
    const recover = (recoveredOn: string, proceeds: string) => assetOperation('RecoverLongTermInvestment', { investmentId: 'i1', recoveredOn, proceeds });
    given(...made).when(recover('2023-11-30', '560000.00')).then(recovered);
    given(...made, ...recovered).when(recover('2023-12-01', '1.00')).thenRefuses({ code: 'INVESTMENT_RECOVERED', message: 'investmentId: i1 was recovered on 2023-11-30' });
  });
});
