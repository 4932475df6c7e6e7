import { describe, expect, it } from 'vitest';
import { building, testAssets } from './test-assets.js';

type Books = Awaited<ReturnType<typeof testAssets>>;
type Service = Parameters<Books['run']>[0];

/** Run a command expecting a refusal with this code and message, and not one event more in the store. */
const refused = async (books: Books, [service, input]: readonly [Service, object], code: string, message: unknown): Promise<void> => {
  const before = books.store.size;
  const result = await books.run(service, input);
  expect(result._tag === 'Left' && result.left).toMatchObject({ code, message });
  expect(books.store.size).toBe(before);
};

describe('the asset register refuses, with a clear error, and writes nothing', () => {
  it.each([
    ['a negative cost', { cost: '-1.00' }, 'cost: expected a yuan amount greater than 0, got "-1.00"'],
    ['a life of zero months', { usefulLifeMonths: 0 }, 'usefulLifeMonths: expected a positive integer, got 0'],
    ['a residual rate over 100%', { residualRate: '120' }, 'residualRate: expected a percentage from 0 to 100, got "120"'],
    ['an unknown category', { category: 'leased' }, 'category: expected operating or non-operating, got "leased"'],
  ])('%s', async (_label, change, message) => {
    const books = await testAssets();
    await refused(books, ['acquire', building('b1', '100.00', 12, change)], 'INVALID_INPUT', expect.stringContaining(message));
  });

  it('an id already on the register, even of a disposed asset', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '100.00', 12));
    await books.ok('dispose', { assetId: 'b1', disposedOn: '2023-01-20', disposal: 'scrapping' });
    await refused(books, ['acquire', building('b1', '100.00', 12)], 'ASSET_ID_TAKEN', 'assetId: b1 is already on the register of v');
  });

  it('accounts that are not leaves under the right standard account', async () => {
    const books = await testAssets();
    await refused(books, ['acquire', building('b1', '100.00', 12, { costAccount: '151' })], 'ASSET_ACCOUNT_INVALID', 'costAccount: 151 has sub-accounts (15101, 15102); name one of them');
    await refused(books, ['acquire', building('b1', '100.00', 12, { chargeAccount: '502' })], 'ASSET_ACCOUNT_INVALID', 'chargeAccount: 502 is not an account under 401, 511, 513 or 514');
    await refused(books, ['acquire', building('b1', '100.00', 12, { creditAccount: '10201' })], 'ASSET_ACCOUNT_INVALID', "creditAccount: 10201 is not in the village's chart of accounts");
  });

  it('units of work without total units, and opening depreciation on a purchase', async () => {
    const books = await testAssets();
    await refused(books, ['acquire', building('t1', '100.00', 12, { method: 'units-of-work' })], 'ASSET_UNITS_INVALID', 'totalUnits: an asset depreciated by units of work needs the units of its whole life');
    await refused(books, ['acquire',
      building('b1', '100.00', 12, { openingDepreciation: '10.00' })],
      'ASSET_OPENING_INVALID',
      'openingDepreciation: only an asset brought in when the books were opened (acquisition: opening) has depreciation before them',
    );
    await refused(books, ['acquire',
      building('b1', '100.00', 12, { acquisition: 'opening', openingDepreciation: '96.00' })],
      'ASSET_OPENING_INVALID',
      'openingDepreciation: 96.00 is more than cost less residual value, 95.00',
    );
  });

  it('depreciating before acquisition, skipping a month, or without the units of work', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '1200.00', 12));
    await books.ok('acquire', building('t1', '1000.00', 60, { method: 'units-of-work', totalUnits: '300' }));
    await refused(books, ['depreciate', { month: '2023-01', assetIds: ['b1'] }], 'DEPRECIATION_BEFORE_START', 'assetIds: b1 was acquired on 2023-01-15; its depreciation starts in 2023-02');
    await refused(books, ['depreciate', { month: '2023-03', usage: [{ assetId: 't1', units: '1' }] }], 'DEPRECIATION_GAP', 'month: b1 (房屋b1) is depreciated through 2023-01; charge 2023-02 first');
    await refused(books, ['depreciate', { month: '2023-02' }], 'DEPRECIATION_USAGE_MISSING', 'usage: t1 (房屋t1) is depreciated by units of work; give its units for 2023-02');
    await refused(books, ['depreciate', { month: '2023-02', usage: [{ assetId: 'b1', units: '5' }] }], 'DEPRECIATION_USAGE_INVALID', 'usage[0].assetId: b1 is depreciated by months, not units');
    await refused(books, ['depreciate', { month: '2023-02', usage: [{ assetId: 't1', units: '0' }] }], 'INVALID_INPUT', expect.stringContaining('usage[0].units: expected a quantity greater than 0'));
  });

  it('anything dated in a closed year, and anything for a township', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '1200.00', 12));
    await books.close(2023);
    await refused(books, ['depreciate', { month: '2023-12' }], 'ASSET_YEAR_CLOSED', '2023 is closed for v: record it with a date in the open year');
    await refused(books, ['acquire', { ...building('b2', '1.00', 12), organizationId: 't' }], 'ASSET_ORGANIZATION_NOT_VILLAGE', 'organizationId: t is a township; assets belong to a village');
  });

  it('a hand-made reversal of a voucher the register generated', async () => {
    const books = await testAssets();
    await books.ok('acquire', building('b1', '1200.00', 12));
    const before = books.store.size;
    const reversal = await books.voucher('记-1', '2023-02-01', [['102', 'debit', '1200.00'], ['15101', 'credit', '1200.00']], { reverses: '资-001' });
    expect(reversal._tag === 'Left' && reversal.left).toEqual({ code: 'VOUCHER_REVERSES_GENERATED', message: 'reverses: 资-001 was generated by the asset register; correct it there' });
    expect(books.store.size).toBe(before);
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
