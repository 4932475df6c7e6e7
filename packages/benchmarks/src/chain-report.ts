/**
 * The chain section of docs/benchmarks.md: what sealing events with their
 * chain hash costs the in-memory store (chain.js, run in its own process).
 */
import { formatCount, rate, spread, spreadText } from './measure.js';
import { machine, verdict, type Benchmark } from './report-docs.js';

interface ChainRun {
  readonly append: number;
  readonly hash: number;
  /** node:crypto's SHA-256 alone over the same texts (absent from older results). */
  readonly sha256?: number;
  /** The content check alone over the same events (absent from older results). */
  readonly content?: number;
  readonly sealed: number;
  readonly unsealed: number;
}

interface ChainResult {
  readonly events: number;
  readonly streams: number;
  readonly batch: number;
  readonly runs: readonly ChainRun[];
  readonly peakRssMiB: number;
  readonly checkedFen: string;
}

/** `median M, L to H`, each to two decimals. */

const row = (label: string, events: number, seconds: readonly number[]): string => {
  const s = spread(seconds);
  return `| ${label} | ${formatCount(events)} | ${s.median.toFixed(2)} | ${formatCount(rate(events, s.median))} | ${formatCount(rate(events, s.high))} to ${formatCount(rate(events, s.low))} |`;
};

const chainTable = (r: ChainResult): string => {
  const share = spread(r.runs.map((run) => run.hash / run.append));
  const floor = spread(r.runs.map((run) => (run.sha256 ?? Number.NaN) / run.append));
  const content = spread(r.runs.map((run) => (run.content ?? Number.NaN) / run.append));
  const replay = spread(r.runs.map((run) => run.sealed / run.unsealed));
  const column = (pick: (run: ChainRun) => number) => r.runs.map(pick);
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, ${machine()}. ${r.runs.length} runs; the median run is shown, with the slowest and fastest rates.`,
    '',
    '| step | events | seconds | events/s | range, events/s |',
    '|---|---:|---:|---:|---:|',
    row(`append to a fresh in-memory store (batches of ${r.batch}, ${formatCount(r.streams)} streams; each event checked and sealed)`, r.events, column((run) => run.append)),
    row('`eventHash` alone over the same events, in a plain loop', r.events, column((run) => run.hash)),
    row("node:crypto's SHA-256 alone over the UTF-8 bytes of the texts `eventHash` hashes (written and encoded before the loop)", r.events, column((run) => run.sha256 ?? Number.NaN)),
    row('the content check every append makes (`contentProblemOf`: characters, depth, lengths, size) alone over the same events', r.events, column((run) => run.content ?? Number.NaN)),
    row('replay into a projection (each voucher decoded, debits summed), events with their hashes', r.events, column((run) => run.sealed)),
    row('the same replay, the same events without their hashes', r.events, column((run) => run.unsealed)),
    '',
    `Hashing's share of the append time (hash seconds over append seconds, per run): ${spreadText(share)} (${verdict(share.median <= 0.2, 'at most 0.20')}).`,
    `The floor under it, SHA-256 of the bytes alone over append seconds: ${spreadText(floor)}; ` +
      "the rest of eventHash's share is writing the canonical text and encoding it as UTF-8.",
    `The content check's share of the append time: ${spreadText(content)} (${verdict(content.median <= 0.1, 'at most 0.10')}).`,
    `Replay time with hashes over replay time without: ${spreadText(replay)} (${verdict(replay.median >= 0.9 && replay.median <= 1.1, 'unchanged, within 10%')}).`,
    '',
    `Peak RSS: ${formatCount(r.peakRssMiB)} MiB. Every replay found the generator's exact debits, ${r.checkedFen} fen, ` +
      'and every hash eventHash recomputed was the stored one.',
  ].join('\n');
};

/** The chain benchmark as `pnpm bench` runs it (`run.js --only chain`). */
export const chainBenchmark: Benchmark = {
  name: 'chain',
  script: './chain.js',
  about: '200,000 vouchers sealed by the in-memory store, hashed alone, replayed with and without hashes',
  table: (json) => chainTable(JSON.parse(json) as ChainResult),
};
