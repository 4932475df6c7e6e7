/**
 * The eventstoredb section of docs/benchmarks.md: the EventStoreDB adapter's
 * append and read throughput against the protocol fake, beside the raw
 * client doing the same in the same run (eventstoredb.js, in its own process).
 */
import { formatCount, rate, spread, spreadText } from './measure.js';
import { machine, type Benchmark } from './report-docs.js';

interface EventStoreDbRun {
  readonly adapterAppend: number;
  readonly clientAppend: number;
  readonly adapterRead: number;
  readonly clientRead: number;
}

interface EventStoreDbResult {
  readonly events: number;
  readonly streams: number;
  readonly batch: number;
  readonly runs: readonly EventStoreDbRun[];
  readonly peakRssMiB: number;
}

const row = (label: string, events: number, seconds: readonly number[]): string => {
  const s = spread(seconds);
  return `| ${label} | ${formatCount(events)} | ${s.median.toFixed(2)} | ${formatCount(rate(events, s.median))} | ${formatCount(rate(events, s.high))} to ${formatCount(rate(events, s.low))} |`;
};

const ratioText = (values: readonly number[]): string => {
  return spreadText(spread(values));
};

const eventStoreDbTable = (r: EventStoreDbResult): string => {
  const column = (pick: (run: EventStoreDbRun) => number) => r.runs.map(pick);
  const appends = `batches of ${r.batch}, ${formatCount(r.streams)} streams, one append at a time`;
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs, each against fresh protocol fakes in the benchmark's own process; ` +
      'the median run is shown, with the slowest and fastest rates. **These figures measure the client and the adapter, not an EventStoreDB server**: ' +
      'the protocol fake answers from memory, at once, and shares the process (and its CPU) with the client.',
    '',
    '| step | events | seconds | events/s | range, events/s |',
    '|---|---:|---:|---:|---:|',
    row(`adapter: \`append\` (${appends}; each checked, sealed, sent at the exact revision)`, r.events, column((run) => run.adapterAppend)),
    row(`limit: the raw client's \`appendToStream\` of the same batches with \`'any'\``, r.events, column((run) => run.clientAppend)),
    row('adapter: `readAll` of every event (system records left out)', r.events, column((run) => run.adapterRead)),
    row("limit: the raw client's `readAll` of `$all` from the start", r.events, column((run) => run.clientRead)),
    '',
    `Adapter append time over the raw client's, per run: ${ratioText(column((run) => run.adapterAppend / run.clientAppend))}. ` +
      "Each adapter append makes three calls where the raw client makes one: a catch-up read of `$all` for the event-id index, a read of the stream's head for the chain hash, then the append.",
    `Adapter read time over the raw client's, per run: ${ratioText(column((run) => run.adapterRead / run.clientRead))}.`,
    '',
    `Peak RSS: ${formatCount(Math.round(r.peakRssMiB))} MiB. Every adapter read returned exactly the ${formatCount(r.events)} events appended.`,
  ].join('\n');
};

/** The EventStoreDB benchmark as `pnpm bench` runs it (`run.js --only eventstoredb`). */
export const eventStoreDbBenchmark: Benchmark = {
  name: 'eventstoredb',
  script: './eventstoredb.js',
  about: 'the EventStoreDB adapter appending and reading against the protocol fake, beside the raw client',
  table: (json) => eventStoreDbTable(JSON.parse(json) as EventStoreDbResult),
};
