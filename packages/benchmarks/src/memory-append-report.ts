/**
 * The memory-append section of docs/benchmarks.md: the in-memory store's
 * append beside a hand-written limit in the same run, and the bytes each
 * keeps per event (memory-append.js, in its own process).
 */
import { formatCount, rate, spread, spreadText } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';

interface MemoryAppendRun {
  readonly store: number;
  readonly limit: number;
  /** CPU seconds of the process over the same runs (absent from older results). */
  readonly storeCpu?: number;
  readonly limitCpu?: number;
}

interface MemoryAppendResult {
  readonly events: number;
  readonly streams: number;
  readonly batch: number;
  readonly runs: readonly MemoryAppendRun[];
  /** CPU seconds of SHA-256 alone over the texts the store hashed (absent from older results). */
  readonly hashCpu?: number;
  readonly storeBytes: number;
  readonly limitBytes: number;
  readonly peakRssMiB: number;
}

const row = (label: string, events: number, seconds: readonly number[]): string => {
  const s = spread(seconds);
  return `| ${label} | ${formatCount(events)} | ${s.median.toFixed(2)} | ${formatCount(rate(events, s.median))} | ${formatCount(rate(events, s.high))} to ${formatCount(rate(events, s.low))} |`;
};

const memoryAppendTable = (r: MemoryAppendResult): string => {
  const column = (pick: (run: MemoryAppendRun) => number) => r.runs.map(pick);
  const store = spread(column((run) => run.store));
  const ratio = spread(column((run) => run.limit / run.store));
  const batches = `batches of ${r.batch}, ${formatCount(r.streams)} streams, each at the exact expected revision`;
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs, the store and the limit taking turns going first; ` +
      'the median run is shown, with the slowest and fastest rates.',
    '',
    '| step | events | seconds | events/s | range, events/s |',
    '|---|---:|---:|---:|---:|',
    row(`\`InMemoryEventStore.append\` (${batches}; each event checked, sealed with its chain hash, copied and frozen)`, r.events, column((run) => run.store)),
    row('limit: the same batches kept in arrays after the same revision check, nothing else', r.events, column((run) => run.limit)),
    row('the store, counting CPU time (every thread of the process) instead of wall-clock time', r.events, column((run) => run.storeCpu ?? Number.NaN)),
    row('the limit, counting CPU time', r.events, column((run) => run.limitCpu ?? Number.NaN)),
    row("the floor under the store: node:crypto's SHA-256 alone over the texts it hashed (written before the loop), CPU time, once", r.events, [r.hashCpu ?? Number.NaN]),
    '',
    `Store append rate: ${formatCount(rate(r.events, store.median))} events/s (${verdict(rate(r.events, store.median) >= 500_000, '≥ 500,000/s')}). ` +
      `Store rate over the limit's, per run (limit seconds over store seconds): ${spreadText(ratio)}.`,
    `Heap kept per event, after a full collection: the store ${formatCount(Math.round(r.storeBytes))} bytes (the event, its copied and frozen data, ` +
      `its metadata with the chain hash, its positions, its place in the id index and the command index); the limit, which keeps the events as given, ` +
      `${formatCount(Math.round(r.limitBytes))} bytes.`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Every run kept exactly ${formatCount(r.events)} events in both, and \`readAll\` of the store ended at global position ${formatCount(r.events)}.`,
  ].join('\n');
};

/** The memory-append benchmark as `pnpm bench` runs it (`run.js --only memory-append`). */
export const memoryAppendBenchmark: Benchmark = {
  name: 'memory-append',
  script: './memory-append.js',
  about: '1,000,000 events appended to the in-memory store, beside arrays and a revision check',
  table: (json) => memoryAppendTable(JSON.parse(json) as MemoryAppendResult),
};
