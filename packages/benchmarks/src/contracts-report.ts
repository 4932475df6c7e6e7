/**
 * The contracts section of docs/benchmarks.md: 合同台账 replayed at district
 * scale (contracts.js, run in its own process). Each figure is given beside
 * the limit measured in the same run (a plain loop over the same events),
 * as a ratio: the machine's speed varies by a fifth or more between runs.
 */
import { formatCount, rate, spread } from './measure.js';
import { machine, type Benchmark } from './report-docs.js';

interface ContractsRun {
  readonly generate: number;
  readonly limit: number;
  readonly decode: number;
  readonly replay: number;
  readonly figures: number;
  readonly subLedger: number;
}

interface ContractsResult {
  readonly villages: number;
  readonly contractsPerVillage: number;
  readonly months: number;
  readonly events: number;
  readonly counts: { readonly signed: number; readonly payments: number; readonly recognitions: number; readonly flagged: number; readonly openFlags: number };
  readonly runs: readonly ContractsRun[];
  readonly peakRssMiB: number;
  readonly checked: { readonly due: string; readonly paid: string; readonly overdue: string; readonly collected: string; readonly rate: string };
  readonly carried: { readonly carriedBytes: Readonly<Record<string, number>>; readonly carried: number };
}

const row = (label: string, r: ContractsResult, pick: (run: ContractsRun) => number, limit = true): string => {
  const s = spread(r.runs.map(pick));
  const ratio = spread(r.runs.map((run) => pick(run) / run.limit));
  const events = formatCount(rate(r.events, s.median));
  const range = `${formatCount(rate(r.events, s.high))} to ${formatCount(rate(r.events, s.low))}`;
  return `| ${label} | ${s.median.toFixed(2)} | ${events} | ${range} | ${limit ? `${ratio.median.toFixed(2)} (${ratio.low.toFixed(2)} to ${ratio.high.toFixed(2)})` : ''} |`;
};

const mib = (bytes: number): string => (bytes / 1024 ** 2).toFixed(1);

const contractsTable = (r: ContractsResult): string => {
  const c = r.counts;
  const contracts = r.villages * r.contractsPerVillage;
  const closes = Object.entries(r.carried.carriedBytes).map(([year, bytes]) => `${year}: ${mib(bytes)} MiB`).join(', ');
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs; the median is shown, with the slowest and fastest rates, ` +
      'and each step over the limit of the same run (the hand-written loop), median and range.',
    '',
    `Workload: ${formatCount(contracts)} contracts in ${formatCount(r.villages)} villages, ${r.months} monthly instalments each: ` +
      `${formatCount(r.events)} events (${formatCount(c.signed)} signings, ${formatCount(c.payments)} payments, ${formatCount(c.recognitions)} recognition runs, ` +
      `${formatCount(c.flagged)} flags and their rectifications).`,
    '',
    '| step | seconds | events/s | range, events/s | over the limit |',
    '|---|---:|---:|---:|---:|',
    row('generating the events alone (the input of every step below)', r, (run) => run.generate),
    row('the limit: a hand-written loop over the same events summing what falls due and what is paid', r, (run) => run.limit, false),
    row('`runProjection` decoding every contract event, folding nothing', r, (run) => run.decode),
    row('`runProjection` into `contractRegisters` (every village\'s register with history)', r, (run) => run.replay),
    row('then the figures of the reports: every contract\'s status, the arrears collection of 2025, open flags, contracts in force, double lettings', r, (run) => run.figures),
    row('the commands\' fold (`contractSubLedger.evolve`), each year closed, carried and read back as a close does', r, (run) => run.subLedger),
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Checked against the generator's exact sums after every run: due ${r.checked.due} yuan, ` +
      `received ${r.checked.paid} yuan, overdue in 2025 ${r.checked.overdue} yuan of which collected ${r.checked.collected} yuan (${r.checked.rate}), ` +
      `${formatCount(c.openFlags)} flags open, every contract in force at the end of 2025, no double letting.`,
    `What the closes carry of the register, as JSON, all villages together: ${closes}; after the last year ${formatCount(r.carried.carried)} contracts are still carried ` +
      '(in force, or owing), each with its instalments recognised and paid summed away but for the last.',
  ].join('\n');
};

/** The contracts benchmark as `pnpm bench` runs it (`run.js --only contracts`). */
export const contractsBenchmark: Benchmark = {
  name: 'contracts',
  script: './contracts.js',
  about: '100,000 contracts, 36 monthly instalments each, replayed into the contract registers and the reports\' figures',
  table: (json) => contractsTable(JSON.parse(json) as ContractsResult),
};
