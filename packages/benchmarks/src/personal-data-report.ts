/**
 * The personal-data section of docs/benchmarks.md: what sealing members'
 * personal fields costs the commands that write them and the register that
 * reads them (personal-data.js, run in its own process).
 */
import { formatCount, rate, spread, spreadText } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';

interface PersonalDataRun {
  readonly plainBuild: number;
  readonly sealedBuild: number;
  readonly plainRead: number;
  readonly sealedRead: number;
  /** The sealed books read without the key store (absent from older results). */
  readonly sealedUnopened?: number;
}

interface PersonalDataResult {
  readonly villages: number;
  readonly households: number;
  readonly members: number;
  readonly fields: number;
  readonly commands: number;
  readonly events: number;
  readonly runs: readonly PersonalDataRun[];
  readonly peakRssMiB: number;
}


const row = (label: string, count: number, unit: string, seconds: readonly number[]): string => {
  const s = spread(seconds);
  return `| ${label} | ${formatCount(count)} ${unit} | ${s.median.toFixed(2)} | ${formatCount(rate(count, s.median))} | ${formatCount(rate(count, s.high))} to ${formatCount(rate(count, s.low))} |`;
};

const personalDataTable = (r: PersonalDataResult): string => {
  const column = (pick: (run: PersonalDataRun) => number) => r.runs.map(pick);
  const build = spread(r.runs.map((run) => run.sealedBuild / run.plainBuild));
  const read = spread(r.runs.map((run) => run.sealedRead / run.plainRead));
  const decode = spread(r.runs.map((run) => (run.sealedUnopened ?? Number.NaN) / run.plainRead));
  const opening = (spread(r.runs.map((run) => (run.sealedRead - (run.sealedUnopened ?? Number.NaN)) / r.fields)).median * 1e6).toFixed(0);
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs, the plain and the sealed books taking turns going first; ` +
      'the median run is shown, with the slowest and fastest rates.',
    '',
    '| step | size | seconds | per second | range, per second |',
    '|---|---:|---:|---:|---:|',
    row(`build through the commands, no personal field: ${formatCount(r.villages)} villages, ${formatCount(r.households)} households, ${formatCount(r.members)} members`, r.commands, 'commands', column((run) => run.plainBuild)),
    row(`the same with every address, ID number and phone sealed (${formatCount(r.fields)} fields; each admission also checks its ID number against the village's current members)`, r.commands, 'commands', column((run) => run.sealedBuild)),
    row("every village's member register (`report members`) from the plain books", r.events, 'events', column((run) => run.plainRead)),
    row('the same from the sealed books with the key store, every field opened', r.events, 'events', column((run) => run.sealedRead)),
    row('the same from the sealed books without a key store (every field shown as sealed, none opened)', r.events, 'events', column((run) => run.sealedUnopened ?? Number.NaN)),
    '',
    `Sealed over plain, per run: writing ${spreadText(build)} (${verdict(build.median <= 1.1, 'at most 1.10')}); ` +
      `reading the registers ${spreadText(read)} (${verdict(read.median <= 1.1, 'at most 1.10')}), ` +
      `of which decoding the sealed fields without opening them ${spreadText(decode)}; opening costs about ${opening} µs a field.`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Every read of the sealed books opened all ${formatCount(r.fields)} fields, and the plain books had none.`,
  ].join('\n');
};

/** The personal-data benchmark as `pnpm bench` runs it (`run.js --only personal-data`). */
export const personalDataBenchmark: Benchmark = {
  name: 'personal-data',
  script: './personal-data.js',
  about: "a district's member registers written and read with and without sealed personal fields",
  table: (json) => personalDataTable(JSON.parse(json) as PersonalDataResult),
};
