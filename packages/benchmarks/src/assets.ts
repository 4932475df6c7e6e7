/**
 * Assets benchmark: 10,000 fixed assets (100
 * villages × 100) depreciated every month for ten years, 1.2 million
 * `DepreciationCharged` events with their monthly vouchers, replayed from the
 * in-memory store into the assets report (register, balances, charts,
 * organizations), then `assetsReportOf` for the district. Each run is checked
 * against the generator's exact sums. Run in its own process so peak RSS is its own.
 */
import { InMemoryEventStore, assetsProjection, assetsReportOf, coreCatalog, organization, runProjection, yearWindow } from '@collective-ledger/core';
import { appendAssetHistory, benchVillage, FIRST_YEAR, type AssetExpected } from './assets-district.js';
import { peakRssMiB, repeated, runSummary, timed } from './measure.js';

const VILLAGES = Number(process.env['BENCH_VILLAGES'] ?? 100);
const PER_VILLAGE = Number(process.env['BENCH_ASSETS'] ?? 100);
const MONTHS = Number(process.env['BENCH_MONTHS'] ?? 120);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

const register = async (store: InMemoryEventStore): Promise<void> => {
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const one = async (input: organization.RegisterOrganizationInput): Promise<void> => {
    const result = await organization.registerOrganization(context, { commandId: `r-${(n += 1)}`, actor: 'bench', occurredOn: `${FIRST_YEAR}-01-01`, input });
    if (result._tag === 'Left') throw new Error(result.left.message);
  };
  await one({ organizationId: 'd', kind: 'district', code: '1', name: '基准区' });
  for (let v = 0; v < VILLAGES; v += 1) await one({ organizationId: benchVillage(v), kind: 'village', code: benchVillage(v), name: `第${v + 1}村`, parentId: 'd' });
};

const lastYear = FIRST_YEAR + Math.floor(MONTHS / 12);

const check = (report: ReturnType<typeof assetsReportOf>, expected: AssetExpected): void => {
  const { fixedAssets, ledger } = report.total.composition;
  if (fixedAssets.total.count !== VILLAGES * PER_VILLAGE) throw new Error(`the report counts ${fixedAssets.total.count} assets`);
  if (fixedAssets.total.cost.toFen() !== expected.costFen || fixedAssets.total.accumulated.toFen() !== expected.accumulatedFen) {
    throw new Error(`replayed cost ${fixedAssets.total.cost.toString()} / accumulated ${fixedAssets.total.accumulated.toString()} differ from the generator's ${expected.costFen} / ${expected.accumulatedFen} fen`);
  }
  if (!ledger.agrees) throw new Error('the register does not agree with the ledger');
};

const main = async (): Promise<void> => {
  const store = new InMemoryEventStore();
  const build = await timed(async () => {
    await register(store);
    return appendAssetHistory(store, { villages: VILLAGES, perVillage: PER_VILLAGE, months: MONTHS });
  });
  const events = store.size;
  const window = yearWindow(lastYear);
  const replays = await repeated(RUNS, async () => {
    const { state } = await runProjection(store, coreCatalog, assetsProjection(window), { asOf: window.to });
    const report = assetsReportOf(state, {}, window);
    check(report, build.value);
    return report;
  });
  const { composition } = replays.value.total;
  const result = {
    name: 'assets',
    villages: VILLAGES,
    assets: VILLAGES * PER_VILLAGE,
    months: MONTHS,
    events,
    runs: RUNS,
    buildSeconds: build.seconds,
    replay: runSummary(events, replays.seconds),
    peakRssMiB: Math.round(peakRssMiB()),
    checkedCost: composition.fixedAssets.total.cost.toString(),
    checkedAccumulated: composition.fixedAssets.total.accumulated.toString(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
