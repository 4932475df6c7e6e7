import { isLeft } from 'fp-ts/lib/Either.js';
import { runProjection } from '../../kernel/projection.js';
import { accountBalances, closingBalance, yearWindow, type AccountTotals } from '../../reports/balances.js';
import { overAnyEvent } from '../../reports/statement.js';
import { Money } from '../../money/money.js';
import { testLedger } from '../ledger/test-ledger.js';
import {
  acquireFixedAsset,
  chargeDepreciation,
  disposeFixedAsset,
  makeLongTermInvestment,
  reclassifyFixedAsset,
  recordResourceIncome,
  recoverLongTermInvestment,
  registerResourceAsset,
  revalueFixedAsset,
  type AssetOutcome,
} from './service.js';

const services = {
  acquire: acquireFixedAsset,
  depreciate: chargeDepreciation,
  revalue: revalueFixedAsset,
  reclassify: reclassifyFixedAsset,
  dispose: disposeFixedAsset,
  resource: registerResourceAsset,
  resourceIncome: recordResourceIncome,
  invest: makeLongTermInvestment,
  recover: recoverLongTermInvestment,
} as const;

/** A village's books (testLedger) with 15101 / 15102 declared and 102 allowed an overdraft, and the asset services bound to village `v`. For tests. */
export const testAssets = async () => {
  const books = await testLedger();
  for (const [code, nameZh] of [['15101', '经营性固定资产'], ['15102', '非经营性固定资产']] as const) {
    const declared = await books.subAccount(code, nameZh);
    if (isLeft(declared)) throw new Error(declared.left.message);
  }
  // The tests buy assets from 102 without first putting money in it.
  const overdraft = await books.overdraft();
  if (isLeft(overdraft)) throw new Error(overdraft.left.message);
  let n = 0;
  const run = (service: keyof typeof services, input: object): Promise<AssetOutcome> =>
    services[service](books.context, { commandId: `a-${(n += 1)}`, actor: '会计', input: { organizationId: 'v', ...input } as never });
  /** Run and expect success. */
  const ok = async (service: keyof typeof services, input: object) => {
    const result = await run(service, input);
    if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
    return result.right;
  };
  /** Every account's balance of village v at the end of `asOf` (signed yuan, debit positive), from the ledger. */
  const balances = async (asOf: string): Promise<Map<string, string>> => {
    const { state } = await runProjection(books.store, books.context.catalog, overAnyEvent(accountBalances(yearWindow(Number(asOf.slice(0, 4)), asOf))));
    const totals = state.get('v') ?? new Map<string, AccountTotals>();
    return new Map([...totals].map(([code, t]) => [code, Money.fromFen(closingBalance(t)).toString()]));
  };
  return { ...books, run, ok, balances };
};

/** A straight-line operating building: cost and life as given, 5% residual, charged to 511. */
export const building = (assetId: string, cost: string, usefulLifeMonths: number, extra: object = {}) => ({
  assetId,
  name: `房屋${assetId}`,
  category: 'operating',
  acquisition: 'purchase',
  acquiredOn: '2023-01-15',
  cost,
  usefulLifeMonths,
  residualRate: '5',
  method: 'straight-line',
  chargeAccount: '511',
  ...extra,
});
