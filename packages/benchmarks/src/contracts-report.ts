/**
 * The contracts section of docs/benchmarks.md: 合同台账 replayed at district
 * scale (contracts.js, run in its own process). Each figure is given beside
 * the limit measured in the same run (a plain loop over the same events),
 * as a ratio: the machine's speed varies by a fifth or more between runs.
 */
import { formatCount, grouped, rate, ratioCell, spread } from './measure.js';
import { machine, type Benchmark } from './report-docs.js';

interface ContractsRun {
  readonly generate: number;
  readonly limit: number;
  readonly decode: number;
  readonly cleanup: number;
  readonly arrears: number;
  readonly debts: number;
  readonly subLedger: number;
}

type Step = keyof ContractsRun;

interface ContractsResult {
  readonly villages: number;
  readonly contractsPerVillage: number;
  readonly months: number;
  readonly events: number;
  readonly debtsPerVillage: number;
  readonly counts: {
    readonly signed: number;
    readonly payments: number;
    readonly recognitions: number;
    readonly flagged: number;
    readonly openFlags: number;
    readonly debts: number;
    readonly resolutions: number;
  };
  readonly runs: readonly ContractsRun[];
  /** The process's peak RSS once each step of the first run had finished. */
  readonly peakRssMiB: Readonly<Record<Step, number>>;
  readonly checked: {
    readonly due: string;
    readonly paid: string;
    readonly overdue: string;
    readonly collected: string;
    readonly debt: string;
    readonly resolved: string;
    readonly rates: { readonly cleanup: string; readonly arrears: string; readonly debts: string };
  };
  readonly carried: { readonly carriedBytes: Readonly<Record<string, number>>; readonly carried: number };
}

const row = (label: string, r: ContractsResult, step: Step, limit = true): string => {
  const pick = (run: ContractsRun): number => run[step];
  const s = spread(r.runs.map(pick));
  const ratio = spread(r.runs.map((run) => pick(run) / run.limit));
  const events = formatCount(rate(r.events, s.median));
  const range = `${formatCount(rate(r.events, s.high))} to ${formatCount(rate(r.events, s.low))}`;
  const over = limit ? ratioCell(ratio) : '';
  return `| ${label} | ${s.median.toFixed(2)} | ${events} | ${range} | ${over} | ${formatCount(r.peakRssMiB[step])} |`;
};

const mib = (bytes: number): string => (bytes / 1024 ** 2).toFixed(1);

const contractsTable = (r: ContractsResult): string => {
  const c = r.counts;
  const contracts = r.villages * r.contractsPerVillage;
  const closes = Object.entries(r.carried.carriedBytes).map(([year, bytes]) => `${year}: ${mib(bytes)} MiB`).join(', ');
  const k = r.checked;
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs; the median is shown, with the slowest and fastest rates, ` +
      'and each step over the limit of the same run (the hand-written loop), median and range. Peak RSS is the process\'s, read once each step of the first run ' +
      'had finished: it only grows, so a step\'s own peak is where the column rises.',
    '',
    `Workload: ${formatCount(contracts)} contracts in ${formatCount(r.villages)} villages (${formatCount(Math.ceil(r.villages / 100))} townships), ` +
      `${r.months} monthly instalments each, and ${formatCount(c.debts)} non-performing debts: ${formatCount(r.events)} events ` +
      `(${formatCount(c.signed)} signings, ${formatCount(c.payments)} payments, ${formatCount(c.recognitions)} recognition runs, ` +
      `${formatCount(c.flagged)} flags and their rectifications, ${formatCount(c.debts)} debts recorded and ${formatCount(c.resolutions)} resolutions, the organizations).`,
    '',
    '| step | seconds | events/s | range, events/s | over the limit | peak RSS, MiB |',
    '|---|---:|---:|---:|---:|---:|',
    row('generating the events alone (the input of every step below)', r, 'generate'),
    row('the limit: a hand-written loop over the same events summing what falls due and what is paid', r, 'limit', false),
    row('`runProjection` decoding every contract event, folding nothing', r, 'decode'),
    row('`report contract-cleanup --as-of 2027-12-31` for the district, end to end (`runReport`: replay, figures, JSON)', r, 'cleanup'),
    row('`report arrears --year 2025`, end to end', r, 'arrears'),
    row('`report debts --as-of 2027-12-31`, end to end', r, 'debts'),
    row('the commands\' fold (`contractSubLedger.evolve`), each year closed, carried and read back as a close does', r, 'subLedger'),
    '',
    `Checked against the generator's exact sums after every run: ${formatCount(c.signed)} contracts registered, ${formatCount(c.flagged)} flagged, ` +
      `${formatCount(c.openFlags)} still pending (rectification rate ${k.rates.cleanup}); due ${grouped(k.due)} yuan, received ${grouped(k.paid)} yuan, ` +
      `overdue in 2025 ${grouped(k.overdue)} yuan of which collected ${grouped(k.collected)} yuan (${k.rates.arrears}); debts recorded ${grouped(k.debt)} yuan, ` +
      `resolved ${grouped(k.resolved)} yuan (${k.rates.debts}); every township and village in the roll-ups.`,
    `What the closes carry of the register, as JSON, all villages together: ${closes}; after the last year ${formatCount(r.carried.carried)} contracts are still carried ` +
      '(in force, or owing), each with its instalments recognised and paid summed away but for the last.',
  ].join('\n');
};

/** The contracts benchmark as `pnpm bench` runs it (`run.js --only contracts`). */
export const contractsBenchmark: Benchmark = {
  name: 'contracts',
  script: './contracts.js',
  about: '100,000 contracts, 36 monthly instalments each, and 20,000 debts, replayed into contract-cleanup, arrears and debts',
  table: (json) => contractsTable(JSON.parse(json) as ContractsResult),
};
