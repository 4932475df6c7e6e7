/**
 * `pnpm bench`: run each benchmark in its own Node process (so peak RSS is its
 * own), print the results and write them into docs/benchmarks.md between the
 * markers of each benchmark. `--no-write` only prints; `--only NAME[,NAME]`
 * runs only those (`--only books-age`).
 */
import { booksAgeTable, type BooksAgeResult } from './books-age-report.js';
import { chainBenchmark } from './chain-report.js';
import { contractsBenchmark } from './contracts-report.js';
import { eventStoreDbBenchmark } from './eventstoredb-report.js';
import { landBenchmark } from './land-report.js';
import { readModelsBenchmark } from './read-models-report.js';
import { scaleBenchmark } from './scale-report.js';
import { memoryAppendBenchmark } from './memory-append-report.js';
import { personalDataBenchmark } from './personal-data-report.js';
import { fuzzBenchmark } from './fuzz-report.js';
import { formatCount, rate, type RunSummary } from './measure.js';
import { postgresBenchmarks } from './postgres-report.js';
import { machine, runBenchmarks, verdict, type Benchmark } from './report-docs.js';

interface FoundationResult {
  readonly events: number;
  readonly appendPerSecond: number;
  readonly appendSeconds: number;
  readonly replayPerSecond: number;
  readonly replaySeconds: number;
  readonly peakRssMiB: number;
  readonly checkedTotal: string;
}

interface LedgerResult {
  readonly villages: number;
  readonly vouchersPerVillage: number;
  readonly events: number;
  readonly runs: number;
  readonly buildSeconds: number;
  readonly tiers: RunSummary;
  readonly statements: RunSummary;
  readonly peakRssMiB: number;
  readonly checkedOperatingIncome: string;
  readonly checkedTotalAssets: string;
}

interface AssetsResult {
  readonly villages: number;
  readonly assets: number;
  readonly months: number;
  readonly events: number;
  readonly runs: number;
  readonly buildSeconds: number;
  readonly replay: RunSummary;
  readonly peakRssMiB: number;
  readonly checkedCost: string;
  readonly checkedAccumulated: string;
}

interface DividendsResult {
  readonly villages: number;
  readonly members: number;
  readonly allocatedMembers: number;
  readonly buildEvents: number;
  readonly events: number;
  readonly buildSeconds: number;
  readonly planSeconds: number;
  readonly allocationSeconds: number;
  readonly allocationRange: readonly [number, number];
  readonly replaySeconds: number;
  readonly replayRange: readonly [number, number];
  readonly runs: number;
  readonly peakRssMiB: number;
  readonly checkedPools: string;
}




const foundationTable = (r: FoundationResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}.`,
    '',
    '| step | events | seconds | events/s | target |',
    '|---|---:|---:|---:|---|',
    `| append (batches of 10, 1,000 streams) | ${formatCount(r.events)} | ${r.appendSeconds.toFixed(2)} | ${formatCount(r.appendPerSecond)} | none |`,
    `| replay, Money sum per stream | ${formatCount(r.events)} | ${r.replaySeconds.toFixed(2)} | ${formatCount(r.replayPerSecond)} | ${verdict(r.replayPerSecond >= 500_000, '≥ 500,000/s')} |`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB (${verdict(r.peakRssMiB < 1536, '< 1.5 GB')}). ` +
      `Replayed total checked against the exact sum: ${r.checkedTotal} yuan.`,
  ].join('\n');

const replayRow = (label: string, events: number, run: RunSummary): string =>
  `| ${label} | ${formatCount(events)} | ${run.medianSeconds.toFixed(2)} | ${formatCount(run.medianPerSecond)} | ` +
  `${formatCount(run.slowestPerSecond)} to ${formatCount(run.fastestPerSecond)} | ${verdict(run.medianPerSecond >= 200_000, '≥ 200,000/s')} |`;

const ledgerTable = (r: LedgerResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. Each replay ran ${r.runs} times; the median run is shown, with the slowest and fastest rates.`,
    '',
    '| step | events | seconds | events/s | range, events/s | target |',
    '|---|---:|---:|---:|---:|---|',
    `| build: ${formatCount(r.villages)} villages registered, ${formatCount(r.vouchersPerVillage)} vouchers each appended | ${formatCount(r.events)} | ${r.buildSeconds.toFixed(2)} | ${formatCount(rate(r.events, r.buildSeconds))} | | none |`,
    replayRow('replay into the income tiers projection, then `incomeTiers`', r.events, r.tiers),
    replayRow("replay into the statements projection, then the district's balance sheet and income tiers", r.events, r.statements),
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Checked against the generator's exact sums after every run: operating income ` +
      `${r.checkedOperatingIncome} yuan, total assets ${r.checkedTotalAssets} yuan (balance sheet balanced).`,
  ].join('\n');

const assetsTable = (r: AssetsResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. The replay ran ${r.runs} times; the median run is shown, with the slowest and fastest rates.`,
    '',
    '| step | events | seconds | events/s | range, events/s |',
    '|---|---:|---:|---:|---:|',
    `| build: ${formatCount(r.assets)} assets in ${formatCount(r.villages)} villages, ${formatCount(r.months)} monthly runs each | ${formatCount(r.events)} | ${r.buildSeconds.toFixed(2)} | ${formatCount(rate(r.events, r.buildSeconds))} | |`,
    `| replay into the assets projection, then the district's \`assetsReportOf\` | ${formatCount(r.events)} | ${r.replay.medianSeconds.toFixed(2)} | ${formatCount(r.replay.medianPerSecond)} | ${formatCount(r.replay.slowestPerSecond)} to ${formatCount(r.replay.fastestPerSecond)} |`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Checked against the generator's exact sums after every run: cost ${r.checkedCost} yuan, ` +
      `accumulated depreciation ${r.checkedAccumulated} yuan (register and ledger agree).`,
  ].join('\n');

const dividendsTable = (r: DividendsResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. The allocation and the replay ran ${r.runs} times; the median run is shown, with the fastest and slowest.`,
    '',
    '| step | size | seconds | range, seconds | target |',
    '|---|---:|---:|---:|---|',
    `| build: ${formatCount(r.villages)} villages, ${formatCount(r.members)} members, charters, quantified shares, a closed year | ${formatCount(r.buildEvents)} events | ${r.buildSeconds.toFixed(2)} | | none |`,
    `| plan, allocate and post every village's distribution (\`distributeIncome\`, one command per village) | ${formatCount(r.villages)} plans | ${r.planSeconds.toFixed(2)} | | none |`,
    `| allocation alone: \`allocateDividends\` for every member | ${formatCount(r.allocatedMembers)} members | ${r.allocationSeconds.toFixed(2)} | ${r.allocationRange[0].toFixed(2)} to ${r.allocationRange[1].toFixed(2)} | ${verdict(r.allocationSeconds < 2, '< 2 s')} |`,
    `| replay the store into \`shareBooksProjection\`, then \`dividendsReportOf\` for every village | ${formatCount(r.events)} events | ${r.replaySeconds.toFixed(2)} | ${r.replayRange[0].toFixed(2)} to ${r.replayRange[1].toFixed(2)} | none |`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Checked after every replay: each village's dividends and collective share add up to its pool, ` +
      `and the pools add up to the generator's ${r.checkedPools} yuan.`,
  ].join('\n');


const benchmarks: readonly Benchmark[] = [
  {
    name: 'foundation',
    script: './foundation.js',
    about: '1,000,000 events into the in-memory store and back',
    table: (json) => foundationTable(JSON.parse(json) as FoundationResult),
  },
  {
    name: 'ledger',
    script: './ledger.js',
    about: '1,000 villages, a year of vouchers, replayed into the income tiers and the balance sheet',
    table: (json) => ledgerTable(JSON.parse(json) as LedgerResult),
  },
  {
    name: 'assets',
    script: './assets.js',
    about: '10,000 fixed assets depreciated monthly for ten years, replayed into the assets report',
    table: (json) => assetsTable(JSON.parse(json) as AssetsResult),
  },
  {
    name: 'dividends',
    script: './dividends.js',
    about: '1,000 villages, 100,000 members, one year distributed and replayed into the dividends report',
    table: (json) => dividendsTable(JSON.parse(json) as DividendsResult),
  },
  {
    name: 'books-age',
    script: './books-age.js',
    about: 'one asset command and one dividend payment in books 1, 5 and 10 years old',
    table: (json) => booksAgeTable(JSON.parse(json) as BooksAgeResult),
  },
  chainBenchmark,
  memoryAppendBenchmark,
  personalDataBenchmark,
  contractsBenchmark,
  landBenchmark,
  readModelsBenchmark,
  ...postgresBenchmarks,
  eventStoreDbBenchmark,
  fuzzBenchmark,
  // Opt-in: ten million events take the better part of an hour.
  ...(process.env['BENCH_SCALE'] === undefined ? [] : [scaleBenchmark]),
];

runBenchmarks(benchmarks, process.argv.slice(2));
