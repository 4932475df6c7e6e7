/**
 * The fuzz section of docs/benchmarks.md (fuzz.js, run in its own process):
 * how many mutated ledgers, each verdict per kind of mutation, the failures
 * (there must be none), the speed, and the stores' verdicts side by side.
 */
import { formatCount } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';
import type { StoreVerdicts } from './fuzz-stores.js';

interface FuzzResult {
  readonly cases: number;
  readonly byKind: Readonly<Record<string, { readonly accepted: number; readonly refused: number }>>;
  readonly failures: number;
  readonly failed: readonly string[];
  readonly seconds: number;
  readonly workers: number;
  readonly baseEvents: number;
  readonly stores: StoreVerdicts;
  readonly peakRssMiB: number;
}

const fuzzTable = (r: FuzzResult): string => {
  const kinds = Object.entries(r.byKind).sort(([a], [b]) => a.localeCompare(b));
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${formatCount(r.cases)} mutations of a ${r.baseEvents}-event ledger, ` +
      `in ${r.workers} worker threads: ${r.seconds.toFixed(0)} s, ${formatCount(Math.round(r.cases / r.seconds))} cases/s.`,
    '',
    '| mutation | cases | accepted (books keep every rule) | refused (naming the line) |',
    '|---|---:|---:|---:|',
    ...kinds.map(([kind, v]) => `| ${kind} | ${formatCount(v.accepted + v.refused)} | ${formatCount(v.accepted)} | ${formatCount(v.refused)} |`),
    '',
    `Failures (a crash, a hang of more than 10 s, a refusal without its line, accepted books that verify faults): ${formatCount(r.failures)} ` +
      `(${verdict(r.failures === 0, 'none')}).${r.failed.length > 0 ? ` The first: ${r.failed.join('; ')}` : ''}`,
    '',
    `The first ${formatCount(r.stores.cases)} cases also into a new ledger file, PGlite and the server (${r.stores.seconds.toFixed(0)} s): ` +
      `${formatCount(r.stores.accepted)} accepted by the memory store; verdicts that differ from its own: ${formatCount(r.stores.disagreements.length)} ` +
      `(${verdict(r.stores.disagreements.length === 0, 'none')}).${r.stores.disagreements.length > 0 ? ` ${r.stores.disagreements.slice(0, 3).join('; ')}` : ''}`,
    '',
    `Peak RSS of the main thread's process: ${formatCount(r.peakRssMiB)} MiB.`,
  ].join('\n');
};

/** The fuzz benchmark as `pnpm bench` runs it (`run.js --only fuzz`). */
export const fuzzBenchmark: Benchmark = {
  name: 'fuzz',
  script: './fuzz.js',
  about: '100,000 mutated ledgers through the checked import, and a sample into every store',
  table: (json) => fuzzTable(JSON.parse(json) as FuzzResult),
};
