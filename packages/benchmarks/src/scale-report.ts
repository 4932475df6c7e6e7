/**
 * The scale section of docs/benchmarks.md (scale.js, opt-in with
 * `BENCH_SCALE`): ten million events imported into the server, projected
 * and reported, each step's seconds, peak RSS and cost per event, and the
 * disk the events take. docs/scale.md reads these figures for a province and
 * the country.
 */
import { formatCount, grouped } from './measure.js';
import { machine, type Benchmark } from './report-docs.js';

interface Step {
  readonly seconds: number;
  readonly peakRssMiB: number;
}

interface ScaleResult {
  readonly scale: string;
  readonly shape: { readonly villages: number; readonly years: number; readonly vouchers: number };
  readonly events: number;
  readonly fileBytes: number;
  readonly writeSeconds: number;
  readonly import: Step;
  readonly disk: { readonly total: number; readonly table: number; readonly indexes: number };
  readonly project: Step;
  readonly fromModel: Step;
  readonly replay: Step;
  readonly checkedIncome: string;
  readonly server: string;
}

const mib = (bytes: number): string => formatCount(Math.round(bytes / 1024 ** 2));
const perEvent = (seconds: number, events: number): string => ((seconds / events) * 1e6).toFixed(1);

const row = (label: string, s: Step, events: number): string =>
  `| ${label} | ${s.seconds.toFixed(1)} | ${perEvent(s.seconds, events)} | ${formatCount(s.peakRssMiB)} |`;

const scaleTable = (r: ScaleResult): string =>
  [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}, PostgreSQL ${r.server}, \`BENCH_SCALE=${r.scale}\`.`,
    '',
    `Workload: ${formatCount(r.shape.villages)} villages × ${r.shape.years} years × ${r.shape.vouchers} vouchers, ${formatCount(r.events)} events; ` +
      `the ledger file ${mib(r.fileBytes)} MiB, written in ${r.writeSeconds.toFixed(1)} s.`,
    '',
    '| step (one `collective-ledger` process each) | seconds | µs per event | peak RSS, MiB |',
    '|---|---:|---:|---:|',
    row('`import` into the server (every line checked by the rules of the books, one transaction)', r.import, r.events),
    row(`\`project --report income-tiers --year ${2015 + r.shape.years - 1}\`: the model built from the first event`, r.project, r.events),
    row('`report income-tiers` from its read model', r.fromModel, r.events),
    row('`report income-tiers --replay`: the whole store replayed', r.replay, r.events),
    '',
    `On the server the events take ${mib(r.disk.total)} MiB (${(r.disk.total / r.events).toFixed(0)} bytes an event): ` +
      `the table ${mib(r.disk.table)} MiB, its indexes ${mib(r.disk.indexes)} MiB, the rest TOAST. ` +
      `Checked: both reports print the same bytes, and the last year's operating income is the generator's ${grouped(r.checkedIncome)} yuan.`,
  ].join('\n');

/** The scale benchmark: only with `BENCH_SCALE` set (`run.js --only scale`). */
export const scaleBenchmark: Benchmark = {
  name: 'scale',
  script: './scale.js',
  about: 'ten million events into the server, projected and reported (BENCH_SCALE=10m)',
  table: (json) => scaleTable(JSON.parse(json) as ScaleResult),
};
