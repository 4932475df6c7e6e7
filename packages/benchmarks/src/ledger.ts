/**
 * Ledger benchmark (income tiers): a synthetic district of 1,000 villages with
 * a year of vouchers each (1,000 by default, so a million events), replayed
 * from the in-memory store into the income tiers projection, then into the
 * statements projection the balance sheet is computed from. Each replay ends
 * with the report itself, and the figures are checked against the exact sums
 * the generator kept. Run in its own process so peak RSS is its own.
 */
import {
  DEFAULT_THRESHOLDS,
  InMemoryEventStore,
  balanceSheetOf,
  coreCatalog,
  incomeTiers,
  incomeTiersProjection,
  organization,
  runProjection,
  statementsProjection,
  yearWindow,
  type IncomeTiers,
} from '@collective-ledger/core';
import { YEAR, appendVouchers, townshipId, villageId, type Expected } from './ledger-district.js';
import { peakRssMiB, repeated, runSummary, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 1_000);
const VOUCHERS = Number(process.env['BENCH_VOUCHERS'] ?? 1_000);
const TOWNSHIPS = 10;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

/** The district, its townships and villages, registered through the service like any application would. */
const register = async (store: InMemoryEventStore): Promise<void> => {
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const one = async (input: organization.RegisterOrganizationInput): Promise<void> => {
    const result = await organization.registerOrganization(context, { commandId: `r-${(n += 1)}`, actor: 'bench', occurredOn: `${YEAR}-01-01`, input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await one({ organizationId: 'd', kind: 'district', code: '1', name: '基准区' });
  for (let t = 0; t < TOWNSHIPS; t += 1) await one({ organizationId: townshipId(t), kind: 'township', code: `1${t}`, name: `第${t + 1}镇`, parentId: 'd' });
  for (let v = 0; v < VILLAGES; v += 1) {
    await one({ organizationId: villageId(v), kind: 'village', code: villageId(v), name: `第${v + 1}村`, parentId: townshipId(v % TOWNSHIPS) });
  }
};

const tiersOf = (state: Parameters<typeof incomeTiers>[0]): IncomeTiers =>
  incomeTiers(state, { year: YEAR, basis: 'operating', thresholds: DEFAULT_THRESHOLDS });

const checkTiers = (tiers: IncomeTiers, expected: Expected): void => {
  if (tiers.district.villages !== VILLAGES) throw new Error(`income tiers counted ${tiers.district.villages} villages, not ${VILLAGES}`);
  if (tiers.district.income.toFen() !== expected.operatingFen) {
    throw new Error(`replayed operating income ${tiers.district.income.toString()} differs from the generator's ${expected.operatingFen} fen`);
  }
};

const main = async (): Promise<void> => {
  const store = new InMemoryEventStore();
  const build = await timed(async () => {
    await register(store);
    return appendVouchers(store, { villages: VILLAGES, vouchers: VOUCHERS, batch: 100 });
  });
  const expected = build.value;
  const events = store.size;

  // Each replay runs RUNS times: this machine is shared, so the median is
  // reported with the fastest and slowest run beside it.
  const tiersRuns = await repeated(RUNS, async () => {
    const { state } = await runProjection(store, coreCatalog, incomeTiersProjection(YEAR));
    const tiers = tiersOf(state);
    checkTiers(tiers, expected);
    return tiers;
  });

  const window = yearWindow(YEAR);
  const sheetRuns = await repeated(RUNS, async () => {
    const { state } = await runProjection(store, coreCatalog, statementsProjection(window));
    const sheet = balanceSheetOf(state, {}, window);
    checkTiers(tiersOf(state), expected);
    if (!sheet.balanced || sheet.assets.total.amount.toFen() !== expected.assetsFen) {
      throw new Error(`balance sheet: total assets ${sheet.assets.total.amount.toString()} (balanced: ${sheet.balanced}), expected ${expected.assetsFen} fen`);
    }
    return sheet;
  });

  const result = {
    name: 'ledger',
    villages: VILLAGES,
    vouchersPerVillage: VOUCHERS,
    events,
    runs: RUNS,
    buildSeconds: build.seconds,
    tiers: runSummary(events, tiersRuns.seconds),
    statements: runSummary(events, sheetRuns.seconds),
    peakRssMiB: Math.round(peakRssMiB()),
    checkedOperatingIncome: tiersRuns.value.district.income.toString(),
    checkedTotalAssets: sheetRuns.value.assets.total.amount.toString(),
    villagesAtOrAbove: tiersRuns.value.district.atOrAbove.map((t) => [t.threshold.toString(), t.count]),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
