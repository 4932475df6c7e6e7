/**
 * The read models section of docs/benchmarks.md (read-models.js, run in its
 * own process): a report from its kept read model, end to end, beside the
 * same report replaying the whole store in the same run, on the server and
 * in PGlite; and how soon `project --follow` holds a new voucher.
 */
import { formatCount, grouped, type spread } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';

type Spread = ReturnType<typeof spread>;

interface StoreFigures {
  readonly floor: Spread;
  readonly importSeconds: number;
  readonly projectSeconds: number;
  readonly fromModel: Spread;
  readonly replay: Spread;
  readonly sheetFromModel: Spread;
  readonly sheetReplay: Spread;
}

interface ReadModelsResult {
  readonly villages: number;
  readonly events: number;
  readonly runs: number;
  readonly server: StoreFigures;
  readonly pglite: StoreFigures;
  readonly follow: { readonly server: Spread; readonly pglite: Spread; readonly count: number };
  readonly checkedIncome: string;
  readonly peakRssMiB: number;
}

const seconds = (s: Spread): string => `${s.median.toFixed(2)} (${s.low.toFixed(2)} to ${s.high.toFixed(2)})`;
const times = (model: Spread, replay: Spread): string => `${(replay.median / model.median).toFixed(1)}×`;

const rows = (label: string, f: StoreFigures, floor: string): string[] => [
  `| ${label} | ${floor} | ${seconds(f.floor)} |  |  | the floor of any command on this store |`,
  `| ${label} | \`report income-tiers\` | ${seconds(f.fromModel)} | ${seconds(f.replay)} | ${times(f.fromModel, f.replay)} | ${verdict(f.fromModel.high < 1, 'under 1 s')} |`,
  `| ${label} | \`report balance-sheet\` | ${seconds(f.sheetFromModel)} | ${seconds(f.sheetReplay)} | ${times(f.sheetFromModel, f.sheetReplay)} | ${verdict(f.sheetFromModel.high < 1, 'under 1 s')} |`,
];

const readModelsTable = (r: ReadModelsResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs} runs of each report, from its read model and with \`--replay\` taking turns at going first; ` +
      'seconds from spawning `collective-ledger report ... --format json` to its exit (Node starting, the store opened, the model read, the events after it folded, the JSON printed), median (fastest to slowest).',
    '',
    `Workload: the ledger benchmark's district, ${formatCount(r.villages)} villages, ${formatCount(r.events)} events, imported with \`collective-ledger import\`; ` +
      `then \`project --report income-tiers --year 2022\` and \`project --report balance-sheet --year 2022\`.`,
    '',
    '| store | report | from its read model, s | full replay, s | faster | target |',
    '|---|---|---:|---:|---:|---|',
    ...rows('server', r.server, '`collective-ledger --help` (Node and the program loaded)'),
    ...rows('PGlite', r.pglite, 'PGlite booted on the directory alone, one `select 1`'),
    '',
    '| store | import, s | both models built by `project`, s |',
    '|---|---:|---:|',
    `| server | ${r.server.importSeconds.toFixed(1)} | ${r.server.projectSeconds.toFixed(1)} |`,
    `| PGlite | ${r.pglite.importSeconds.toFixed(1)} | ${r.pglite.projectSeconds.toFixed(1)} |`,
    '',
    `A new voucher, from its append returning to \`project --follow\` having saved both models with it (${r.follow.count} vouchers, one after another):`,
    '',
    '| store | seconds | target |',
    '|---|---:|---|',
    `| server (the follower in its own process, the voucher appended on another connection) | ${seconds(r.follow.server)} | ${verdict(r.follow.server.high < 1, 'within 1 s')} |`,
    `| PGlite (the follower and the clerk in one process) | ${seconds(r.follow.pglite)} | ${verdict(r.follow.pglite.high < 1, 'within 1 s')} |`,
    '',
    `Checked in every run: both ways give the same bytes, and the district's operating income is the generator's ${grouped(r.checkedIncome)} yuan; ` +
      `after the late vouchers, the report from the server's model includes them. Peak RSS of the benchmark process: ${formatCount(r.peakRssMiB)} MiB.`,
  ].join('\n');

/** The read models benchmark as `pnpm bench` runs it (`run.js --only read-models`). */
export const readModelsBenchmark: Benchmark = {
  name: 'read-models',
  script: './read-models.js',
  about: 'the million-event district: reports from kept read models beside full replays, and project --follow',
  table: (json) => readModelsTable(JSON.parse(json) as ReadModelsResult),
};
