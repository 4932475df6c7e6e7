/**
 * The land section of docs/benchmarks.md: 土地流转 and 农户收入 at county
 * scale (land.js, run in its own process). Each report's replay is given
 * beside the limit measured in the same run (a plain loop over the same
 * events summing the same totals), as a ratio: the machine's speed varies by
 * a fifth or more between runs.
 */
import { formatCount, grouped, rate, ratioCell, spread } from './measure.js';
import { machine, type Benchmark } from './report-docs.js';

interface LandRun {
  readonly generate: number;
  readonly limit: number;
  readonly transfers: number;
  readonly income: number;
}

interface LandResult {
  readonly villages: number;
  readonly householdsPerVillage: number;
  readonly events: number;
  readonly counts: { readonly households: number; readonly members: number; readonly parcels: number; readonly transfers: number; readonly payments: number };
  readonly runs: readonly LandRun[];
  readonly peakRssMiB: number;
  readonly checked: { readonly contracted: string; readonly transferred: string; readonly share: string; readonly due: string; readonly paid: string; readonly owed: string; readonly perCapita: string };
}

const row = (label: string, r: LandResult, pick: (run: LandRun) => number, limit = true): string => {
  const s = spread(r.runs.map(pick));
  const ratio = spread(r.runs.map((run) => pick(run) / run.limit));
  const range = `${formatCount(rate(r.events, s.high))} to ${formatCount(rate(r.events, s.low))}`;
  return `| ${label} | ${s.median.toFixed(2)} | ${formatCount(rate(r.events, s.median))} | ${range} | ${limit ? ratioCell(ratio) : ''} |`;
};

const landTable = (r: LandResult): string => {
  const c = r.counts;
  const k = r.checked;
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs; the median is shown, with the slowest and fastest rates, ` +
      'and each step over the limit of the same run (the hand-written loop), median and range.',
    '',
    `Workload: ${formatCount(c.households)} households in ${formatCount(r.villages)} villages (${formatCount(c.members)} members), ${formatCount(c.parcels)} parcels, ` +
      `${formatCount(c.transfers)} transfers taking half of every household's land, ${formatCount(c.payments)} quarterly rent payments: ${formatCount(r.events)} events.`,
    '',
    '| step | seconds | events/s | range, events/s | over the limit |',
    '|---|---:|---:|---:|---:|',
    row('generating the events alone (the input of every step below)', r, (run) => run.generate),
    row('the limit: a hand-written loop over the same events summing contracted and transferred area, rent due, paid and owed, and members', r, (run) => run.limit, false),
    row('`runReport` land-transfers on 31 December, end to end (replay and report)', r, (run) => run.transfers),
    row('`runReport` household-income of the year, end to end (replay and report)', r, (run) => run.income),
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Checked against the generator's exact sums after every run: ${grouped(k.contracted)} mu contracted, ` +
      `${grouped(k.transferred)} mu transferred (${k.share}), rent due ${grouped(k.due)} yuan, paid ${grouped(k.paid)} yuan, owed ${grouped(k.owed)} yuan; ` +
      `every household's income line, its members and the county's total income (${grouped(k.paid)} yuan, ${grouped(k.perCapita)} yuan per capita).`,
  ].join('\n');
};

/** The land benchmark as `pnpm bench` runs it (`run.js --only land`). */
export const landBenchmark: Benchmark = {
  name: 'land',
  script: './land.js',
  about: '200,000 households, 1,000,000 parcels, half their land transferred, a year of rent, replayed into land-transfers and household-income',
  table: (json) => landTable(JSON.parse(json) as LandResult),
};
