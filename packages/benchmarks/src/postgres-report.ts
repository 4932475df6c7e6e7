/**
 * The PostgreSQL sections of docs/benchmarks.md: the side-by-side run
 * (postgres.js) and the million-event import and replay (postgres-import.js),
 * each run in its own process by `runBenchmarks`.
 */
import { formatCount, ratioCell, runSummary, type RunSummary, spread } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';

interface Side {
  readonly store: RunSummary;
  readonly plain: RunSummary;
  readonly ratio: number;
}

interface PostgresResult {
  readonly events: number;
  readonly writers: number;
  readonly runs: number;
  readonly single: Side;
  readonly batch10: Side;
  readonly read: Side;
  readonly server: string;
}

interface ImportStoreRun {
  readonly checkedSeconds: number;
  readonly plainSeconds: number;
  readonly replaySeconds: number;
  readonly verifySeconds: number;
}

interface ImportRun {
  readonly file: { readonly verifySeconds: number; readonly readSeconds: number };
  readonly pglite: ImportStoreRun;
  readonly server: ImportStoreRun;
}

interface ImportResult {
  readonly events: number;
  readonly villages: number;
  readonly runs: readonly ImportRun[];
  readonly income: string;
  readonly peakRssMiB: number;
}

const row = (label: string, events: number, side: Side): string =>
  `| ${label} | ${formatCount(events)} | ${formatCount(side.store.medianPerSecond)} | ${formatCount(side.plain.medianPerSecond)} | ` +
  `${side.ratio.toFixed(2)} | ${verdict(side.ratio >= 0.8, '≥ 0.80')} |`;

export const postgresTable = (r: PostgresResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}, ${r.server} on the same machine. ` +
      `${r.writers} concurrent writers (and readers); ${r.runs} runs, in each store and plain taking turns in four slices of every workload (each first in every other slice); medians shown.`,
    '',
    '| workload | events | event store, events/s | plain `pg`, events/s | ratio | target |',
    '|---|---:|---:|---:|---:|---|',
    row('(A) one event per append, expected revision / single-row INSERT per transaction', r.events, r.single),
    row('(B) appends of 10 events / 10-row INSERT per transaction', r.events, r.batch10),
    row('(C) every stream read back / one SELECT per stream', 2 * r.events, r.read),
    '',
    `Ranges (slowest to fastest run), events/s: (A) store ${formatCount(r.single.store.slowestPerSecond)} to ${formatCount(r.single.store.fastestPerSecond)}, ` +
      `plain ${formatCount(r.single.plain.slowestPerSecond)} to ${formatCount(r.single.plain.fastestPerSecond)}; ` +
      `(B) store ${formatCount(r.batch10.store.slowestPerSecond)} to ${formatCount(r.batch10.store.fastestPerSecond)}, ` +
      `plain ${formatCount(r.batch10.plain.slowestPerSecond)} to ${formatCount(r.batch10.plain.fastestPerSecond)}; ` +
      `(C) store ${formatCount(r.read.store.slowestPerSecond)} to ${formatCount(r.read.store.fastestPerSecond)}, ` +
      `plain ${formatCount(r.read.plain.slowestPerSecond)} to ${formatCount(r.read.plain.fastestPerSecond)}.`,
  ].join('\n');

/** The median of some ratios, and their smallest and largest, as `M (L to H)` to two decimals. */
const ratioSpread = (values: readonly number[]): string => {
  return ratioCell(spread(values));
};

const rateSpread = (events: number, seconds: readonly number[]): string => {
  const s = runSummary(events, seconds);
  return `${formatCount(s.medianPerSecond)} (${formatCount(s.slowestPerSecond)} to ${formatCount(s.fastestPerSecond)})`;
};

const importRows = (label: string, events: number, runs: readonly ImportStoreRun[]): string[] => {
  const column = (pick: (run: ImportStoreRun) => number) => runs.map(pick);
  const ratios = runs.map((run) => run.plainSeconds / run.checkedSeconds);
  return [
    `| ${label}: checked import / import by format and chain | ${formatCount(events)} | ${rateSpread(events, column((run) => run.checkedSeconds))} | ` +
      `${rateSpread(events, column((run) => run.plainSeconds))} | ${ratioSpread(ratios)} |`,
    `| ${label}: verify / replay into income tiers | ${formatCount(events)} | ${rateSpread(events, column((run) => run.verifySeconds))} | ` +
      `${rateSpread(events, column((run) => run.replaySeconds))} | ${ratioSpread(runs.map((run) => run.replaySeconds / run.verifySeconds))} |`,
  ];
};

export const importTable = (r: ImportResult): string => {
  const file = r.runs.map((run) => run.file);
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs; medians, with the slowest and fastest run in brackets. ` +
      'A ratio is the limit\'s time over the measured one, within each run (1.00: checking costs nothing).',
    '',
    '| store: measured / limit | events | measured, events/s | limit, events/s | ratio |',
    '|---|---:|---:|---:|---:|',
    `| the NDJSON file: verify / read and decode every line | ${formatCount(r.events)} | ${rateSpread(r.events, file.map((f) => f.verifySeconds))} | ` +
      `${rateSpread(r.events, file.map((f) => f.readSeconds))} | ${ratioSpread(file.map((f) => f.readSeconds / f.verifySeconds))} |`,
    ...importRows('PGlite (a directory on local disk)', r.events, r.runs.map((run) => run.pglite)),
    ...importRows('PostgreSQL server (127.0.0.1)', r.events, r.runs.map((run) => run.server)),
    '',
    `Every verify found nothing. Peak RSS of the whole run (the district built in memory, written, then every import): ${formatCount(r.peakRssMiB)} MiB. ` +
      `Every replay found the generator's operating income of ${formatCount(r.villages)} villages: ${r.income} yuan.`,
  ].join('\n');
};

/** Both PostgreSQL benchmarks, as `pnpm bench` and postgres-run.js run them. */
export const postgresBenchmarks: readonly Benchmark[] = [
  {
    name: 'postgres',
    script: './postgres.js',
    about: 'event store and plain pg side by side on the server (A, B, C)',
    table: (json) => postgresTable(JSON.parse(json) as PostgresResult),
  },
  {
    name: 'postgres-import',
    script: './postgres-import.js',
    about: 'a million-event ledger into PGlite and the server, replayed into income tiers',
    table: (json) => importTable(JSON.parse(json) as ImportResult),
  },
];
