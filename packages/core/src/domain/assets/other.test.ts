import { describe, expect, it } from 'vitest';
import { testAssets } from './test-assets.js';

describe('resource assets (资源性资产)', () => {
  it('registers land by area without touching the ledger, and tags its income with it', async () => {
    const books = await testAssets();
    const registered = await books.ok('resource', { assetId: 'r1', name: '东山荒坡', kind: 'waste-land', area: '120.5', registeredOn: '2023-03-01', identifiedBy: 'stock-take' });
    expect(registered.events.map((e) => e.type)).toEqual(['ResourceAssetRegistered']);
    const income = await books.ok('resourceIncome', { assetId: 'r1', receivedOn: '2023-06-30', amount: '36150.00', summary: '收到东山荒坡承包费' });
    expect(income.events.map((e) => e.type)).toEqual(['ResourceIncomeRecorded', 'VoucherPosted']);
    const balances = await books.balances('2023-06-30');
    expect([balances.get('102'), balances.get('501')]).toEqual(['36150.00', '-36150.00']);
  });

  it('refuses income from a resource not on the register, or received before it was registered', async () => {
    const books = await testAssets();
    await books.ok('resource', { assetId: 'r1', name: '河滩地', kind: 'arable', area: '10', registeredOn: '2023-03-01', identifiedBy: 'register' });
    const before = books.store.size;
    const unknown = await books.run('resourceIncome', { assetId: 'r9', receivedOn: '2023-06-30', amount: '1.00', summary: 'x' });
    expect(unknown._tag === 'Left' && unknown.left).toEqual({ code: 'ASSET_UNKNOWN', message: 'assetId: r9 is not a resource asset of v' });
    const early = await books.run('resourceIncome', { assetId: 'r1', receivedOn: '2023-02-28', amount: '1.00', summary: 'x' });
    expect(early._tag === 'Left' && early.left.code).toBe('ASSET_DATE_BEFORE_ACQUISITION');
    const area = await books.run('resource', { assetId: 'r2', name: 'x', kind: 'forest', area: '-3', registeredOn: '2023-03-01', identifiedBy: 'register' });
    expect(area._tag === 'Left' && area.left.code).toBe('INVALID_INPUT');
    expect(books.store.size).toBe(before);
  });
});

describe('long-term investments (长期投资)', () => {
  it('invests in the village company and recovers it once, the gain going to 502', async () => {
    const books = await testAssets();
    await books.ok('invest', { investmentId: 'i1', investee: '村物业管理有限公司', madeOn: '2023-02-01', amount: '500000.00' });
    expect((await books.balances('2023-02-01')).get('141')).toBe('500000.00');
    await books.ok('recover', { investmentId: 'i1', recoveredOn: '2023-11-30', proceeds: '560000.00' });
    const balances = await books.balances('2023-11-30');
    expect([balances.get('141'), balances.get('102'), balances.get('502')]).toEqual(['0.00', '60000.00', '-60000.00']);
    const before = books.store.size;
    const twice = await books.run('recover', { investmentId: 'i1', recoveredOn: '2023-12-01', proceeds: '1.00' });
    expect(twice._tag === 'Left' && twice.left).toEqual({ code: 'INVESTMENT_RECOVERED', message: 'investmentId: i1 was recovered on 2023-11-30' });
    expect(books.store.size).toBe(before);
  });
});
