/**
 * The PostgreSQL sections of docs/benchmarks.md: the side-by-side run
 * (postgres.js) and the million-event import and replay (postgres-import.js),
 * each run in its own process by `runBenchmarks`.
 */
import { formatCount, rate, type RunSummary } from './measure.js';
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

interface ImportSide {
  readonly events: number;
  readonly importSeconds: number;
  readonly importPerSecond: number;
  readonly replaySeconds: number;
  readonly replayPerSecond: number;
  readonly verifySeconds: number;
  readonly income: string;
}

interface ImportResult {
  readonly events: number;
  readonly villages: number;
  readonly fileVerifySeconds: number;
  readonly fileVerifyPerSecond: number;
  readonly pglite: ImportSide;
  readonly server: ImportSide;
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

const importRow = (label: string, side: ImportSide): string =>
  `| ${label} | ${formatCount(side.events)} | ${side.importSeconds.toFixed(1)} | ${formatCount(side.importPerSecond)} | ` +
  `${side.replaySeconds.toFixed(1)} | ${formatCount(side.replayPerSecond)} | ${side.verifySeconds.toFixed(1)} | ${formatCount(rate(side.events, side.verifySeconds))} |`;

export const importTable = (r: ImportResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. One run each.`,
    '',
    '| store | events | checked import, s | import, events/s | replay into income tiers, s | replay, events/s | verify, s | verify, events/s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    importRow('PGlite (a directory on local disk)', r.pglite),
    importRow('PostgreSQL server (127.0.0.1)', r.server),
    '',
    `Verify of the NDJSON file itself (read line by line, every chain and rule): ${r.fileVerifySeconds.toFixed(1)} s, ${formatCount(r.fileVerifyPerSecond)} events/s. ` +
      'Every verify found nothing.',
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Both replays found the generator's operating income of ${formatCount(r.villages)} villages: ` +
      `${r.server.income} yuan.`,
  ].join('\n');


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
