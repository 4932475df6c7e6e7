import { describe, expect, it } from 'vitest';
import { postVoucher, voucherOf, yearClosed } from '../../test-support/ledger-year.js';
import { fixedAssetDisposed } from './events.js';
import { building, testAssets } from './test-assets.js';
import { ASSET_CHART, assetEvent, assetOperation, generated, given, purchase } from './test-asset-specs.js';

type Books = Awaited<ReturnType<typeof testAssets>>;
type Service = Parameters<Books['run']>[0];

/** Run a command expecting a refusal with this code and message, and not one event more in the store. */
const refused = async (books: Books, [service, input]: readonly [Service, object], code: string, message: unknown): Promise<void> => {
  const before = books.store.size;
  const result = await books.run(service, input);
  expect(result._tag === 'Left' && result.left).toMatchObject({ code, message });
  expect(books.store.size).toBe(before);
};

const acquire = (card: object) => assetOperation('AcquireFixedAsset', card);
const depreciate = (input: object) => assetOperation('ChargeDepreciation', input);

describe('the asset register refuses, with a clear error', () => {
  it('an id already on the register, even of a disposed asset', () => {
    const b1 = building('b1', '100.00', 12);
    const scrapped = [
      assetEvent(fixedAssetDisposed, { assetId: 'b1', disposedOn: '2023-01-20', disposal: 'scrapping', cost: '100.00', accumulated: '0.00', proceeds: '0.00', receivedInto: '102', voucherNo: '资-002' }),
      generated('资-002', '2023-01-20', '固定资产报废：房屋b1', [['154', 'debit', '100.00'], ['15101', 'credit', '100.00'], ['515', 'debit', '100.00'], ['154', 'credit', '100.00']]),
    ];
    given(...purchase(b1), ...scrapped).when(acquire(b1)).thenRefuses({ code: 'ASSET_ID_TAKEN', message: 'assetId: b1 is already on the register of v' });
  });

  it('accounts that are not leaves under the right standard account', () => {
    given()
      .when(acquire(building('b1', '100.00', 12, { costAccount: '151' })))
      .thenRefuses({ code: 'ASSET_ACCOUNT_INVALID', message: 'costAccount: 151 has sub-accounts (15101, 15102); name one of them' });
    given()
      .when(acquire(building('b1', '100.00', 12, { chargeAccount: '502' })))
      .thenRefuses({ code: 'ASSET_ACCOUNT_INVALID', message: 'chargeAccount: 502 is not an account under 401, 511, 513 or 514' });
    given()
      .when(acquire(building('b1', '100.00', 12, { creditAccount: '10201' })))
      .thenRefuses({ code: 'ASSET_ACCOUNT_INVALID', message: "creditAccount: 10201 is not in the village's chart of accounts" });
  });

  it('units of work without total units, and opening depreciation on a purchase', () => {
    given()
      .when(acquire(building('t1', '100.00', 12, { method: 'units-of-work' })))
      .thenRefuses({ code: 'ASSET_UNITS_INVALID', message: 'totalUnits: an asset depreciated by units of work needs the units of its whole life' });
    given()
      .when(acquire(building('b1', '100.00', 12, { openingDepreciation: '10.00' })))
      .thenRefuses({
        code: 'ASSET_OPENING_INVALID',
        message: 'openingDepreciation: only an asset brought in when the books were opened (acquisition: opening) has depreciation before them',
      });
    given()
      .when(acquire(building('b1', '100.00', 12, { acquisition: 'opening', openingDepreciation: '96.00' })))
      .thenRefuses({ code: 'ASSET_OPENING_INVALID', message: 'openingDepreciation: 96.00 is more than cost less residual value, 95.00' });
  });

  it('depreciating before acquisition, skipping a month, or without the units of work', () => {
    const acquired = [...purchase(building('b1', '1200.00', 12)), ...purchase(building('t1', '1000.00', 60, { method: 'units-of-work', totalUnits: '300' }), '资-002')];
    given(...acquired)
      .when(depreciate({ month: '2023-01', assetIds: ['b1'] }))
      .thenRefuses({ code: 'DEPRECIATION_BEFORE_START', message: 'assetIds: b1 was acquired on 2023-01-15; its depreciation starts in 2023-02' });
    given(...acquired)
      .when(depreciate({ month: '2023-03', usage: [{ assetId: 't1', units: '1' }] }))
      .thenRefuses({ code: 'DEPRECIATION_GAP', message: 'month: b1 (房屋b1) is depreciated through 2023-01; charge 2023-02 first' });
    given(...acquired)
      .when(depreciate({ month: '2023-02' }))
      .thenRefuses({ code: 'DEPRECIATION_USAGE_MISSING', message: 'usage: t1 (房屋t1) is depreciated by units of work; give its units for 2023-02' });
    given(...acquired)
      .when(depreciate({ month: '2023-02', usage: [{ assetId: 'b1', units: '5' }] }))
      .thenRefuses({ code: 'DEPRECIATION_USAGE_INVALID', message: 'usage[0].assetId: b1 is depreciated by months, not units' });
  });

  it('anything dated in a closed year, and anything for a township', () => {
    given(yearClosed(2023, { entries: [], netIncome: '0.00', carried: [] }))
      .when(depreciate({ month: '2023-12' }))
      .thenRefuses({ code: 'ASSET_YEAR_CLOSED', message: '2023 is closed for v: record it with a date in the open year' });
    given()
      .when(assetOperation('AcquireFixedAsset', { ...building('b2', '1.00', 12), organizationId: 't' }, { organizationId: 't', organizationKind: 'township' }))
      .thenRefuses({ code: 'ASSET_ORGANIZATION_NOT_VILLAGE', message: 'organizationId: t is a township; assets belong to a village' });
  });

  it('a hand-made reversal of a voucher the register generated', () => {
    const reversal = voucherOf('记-1', '2023-02-01', [['102', 'debit', '1200.00'], ['15101', 'credit', '1200.00']], { reverses: '资-001' });
    given(...purchase(building('b1', '1200.00', 12)))
      .when(postVoucher(reversal, { chart: ASSET_CHART }))
      .thenRefuses({ code: 'VOUCHER_REVERSES_GENERATED', message: 'reverses: 资-001 was generated by the asset register; correct it there' });
  });
});

describe('the command handler refuses input the codecs do not take, naming the field, and writes nothing', () => {
  it.each([
    ['a negative cost', { cost: '-1.00' }, 'cost: expected a yuan amount greater than 0, got "-1.00"'],
    ['a life of zero months', { usefulLifeMonths: 0 }, 'usefulLifeMonths: expected a positive integer, got 0'],
    ['a residual rate over 100%', { residualRate: '120' }, 'residualRate: expected a percentage from 0 to 100, got "120"'],
    ['an unknown category', { category: 'leased' }, 'category: expected operating or non-operating, got "leased"'],
  ])('%s', async (_label, change, message) => {
    const books = await testAssets();
    await refused(books, ['acquire', building('b1', '100.00', 12, change)], 'INVALID_INPUT', expect.stringContaining(message));
  });

  it('units of work of zero', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('t1', '1000.00', 60, { method: 'units-of-work', totalUnits: '300' }));
    await refused(books, ['depreciate', { month: '2023-02', usage: [{ assetId: 't1', units: '0' }] }], 'INVALID_INPUT', expect.stringContaining('usage[0].units: expected a quantity greater than 0'));
  });

  it.each<[Service, object, string]>([
    ['resource', { assetId: 'r1', name: '河滩地', kind: 'swamp', area: '10', registeredOn: '2023-03-01', identifiedBy: 'register' }, 'kind: expected arable, forest, grassland, waste-land, water-surface, construction-land or other, got "swamp"'],
    ['resourceIncome', { assetId: 'r1', receivedOn: '2023-06-31', amount: '1.00', summary: 'x' }, 'receivedOn: expected a date YYYY-MM-DD, got "2023-06-31"'],
    ['depreciate', { month: '2023-13' }, 'month: expected a month YYYY-MM, got "2023-13"'],
    ['revalue', { assetId: 'b1', revaluedOn: '2023-03-01', change: '1e3', reason: 'appraisal' }, 'change: expected a yuan amount in plain digits, without an exponent, got "1e3"'],
    ['reclassify', { assetId: 'b1', reclassifiedOn: '2023-03-01', to: 'public', chargeAccount: '511', reason: 'x' }, 'to: expected operating or non-operating, got "public"'],
    ['dispose', { assetId: 'b1', disposedOn: '2023-03-01', disposal: 'sold' }, 'disposal: expected sale, scrapping, transfer-out, stock-take-loss or force-majeure, got "sold"'],
    ['invest', { investmentId: 'i1', investee: '', madeOn: '2023-03-01', amount: '1.00' }, 'investee: expected a non-empty string, got ""'],
    ['recover', { investmentId: 'i1', recoveredOn: '2023-03-01', proceeds: 100 }, 'proceeds: expected a yuan amount as a decimal string such as "1234.50", not a JS number'],
  ])('bad input to %s, naming the field', async (service, input, message) => {
    const books = await testAssets();
    await refused(books, [service, input], 'INVALID_INPUT', expect.stringContaining(message));
  });
});
