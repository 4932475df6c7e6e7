/**
 * Fuzz benchmark: 100,000 mutations (`BENCH_FUZZ_CASES`) of a real ledger
 * (@collective-ledger/testing's fuzzer), each imported with the rules of the
 * books into a fresh in-memory store and verified after an accepted import,
 * shared among worker threads, one per core. Any crash, refusal without its
 * line, accepted import that verify then faults, or case slower than 10 s (a
 * hang; a worker stuck in one case for a minute, or out of heap, is stopped
 * and the case named) is a failure. Then the first 500 cases (`BENCH_FUZZ_STORE_CASES`)
 * once more into every store (a ledger file, PGlite, the server) beside the
 * memory store's verdict: every verdict must be the same, in the same words.
 * Run in its own process.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { InMemoryEventStore } from '@collective-ledger/core';
import { fuzzBaseLedger, importVerdict, ledgerMutations, type ImportVerdict, type LedgerMutation } from '@collective-ledger/testing';
import { peakRssMiB } from './measure.js';
import { storeVerdicts } from './fuzz-stores.js';

const CASES = Number(process.env['BENCH_FUZZ_CASES'] ?? 100_000);
const STORE_CASES = Number(process.env['BENCH_FUZZ_STORE_CASES'] ?? 500);
const CHUNK = 500;
const HANG_MS = 10_000;
const SEED = 20261203;

/** What one worker found: verdicts per mutation kind, the failures (first few described) and how long it took. */
export interface FuzzTally {
  readonly cases: number;
  readonly byKind: Record<string, { accepted: number; refused: number }>;
  readonly failures: number;
  readonly failed: string[];
  readonly seconds: number;
}

const withinTime = async (work: Promise<ImportVerdict>): Promise<ImportVerdict> => {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no verdict within ${HANG_MS / 1000} s (a hang)`));
    }, HANG_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
};

/** The mutations of chunk `c`: the same for a seed whichever worker draws them. */
const chunkOf = (base: readonly string[], c: number, size: number): LedgerMutation[] => fc.sample(ledgerMutations(base), { numRuns: size, seed: SEED + c });

/** One case into a fresh memory store, tallied by kind and verdict; a failure described in `failed` (the first few). */
const fuzzCase = async (mutation: LedgerMutation, tally: { accepted: number; refused: number }, failed: string[]): Promise<boolean> => {
  try {
    const verdict = await withinTime(importVerdict(new InMemoryEventStore(), mutation.text));
    if (verdict.accepted) tally.accepted += 1;
    else tally.refused += 1;
    return true;
  } catch (error) {
    if (failed.length < 5) failed.push(`${mutation.kind}: ${mutation.description}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 400));
    return false;
  }
};

const fuzzChunks = async (chunks: readonly number[], total: number): Promise<FuzzTally> => {
  const base = await fuzzBaseLedger(1);
  const byKind: FuzzTally['byKind'] = {};
  const failed: string[] = [];
  let failures = 0;
  let cases = 0;
  const start = performance.now();
  for (const c of chunks) {
    for (const mutation of chunkOf(base, c, Math.min(CHUNK, total - c * CHUNK))) {
      cases += 1;
      parentPort?.postMessage({ begin: `${mutation.kind}${mutation.unhashed ? ' (hashes taken out)' : ''}: ${mutation.description}`.slice(0, 300) });
      if (!(await fuzzCase(mutation, (byKind[mutation.kind] ??= { accepted: 0, refused: 0 }), failed))) failures += 1;
    }
  }
  return { cases, byKind, failures, failed, seconds: (performance.now() - start) / 1000 };
};

/** Chunks dealt round-robin: worker `w` of `n` takes chunks w, w + n, ... */
const dealt = (w: number, n: number, total: number): number[] => {
  const chunks: number[] = [];
  for (let c = w; c * CHUNK < total; c += n) chunks.push(c);
  return chunks;
};

/** The last case a worker began, so that a worker stuck in one (a hang, or memory without end) can be named and stopped. */
interface Progress {
  readonly begin: string;
}

/**
 * One worker's chunks. A worker that starts no new case for a minute, or runs
 * out of its 2 GiB of heap, is stopped: its tally is the cases it finished,
 * plus one failure naming the case it was in.
 */
const runWorker = (file: string, chunks: readonly number[], total: number): Promise<FuzzTally> =>
  new Promise<FuzzTally>((resolve) => {
    const started = performance.now();
    const worker = new Worker(file, { workerData: { chunks, total }, resourceLimits: { maxOldGenerationSizeMb: 2_048 } });
    let last = { begin: '(none yet)', at: performance.now(), cases: 0 };
    const stuck = (why: string): void => {
      clearInterval(watch);
      void worker.terminate();
      resolve({ cases: last.cases, byKind: {}, failures: 1, failed: [`${why} in ${last.begin}`], seconds: (performance.now() - started) / 1000 });
    };
    const watch = setInterval(() => {
      if (performance.now() - last.at > 60_000) stuck('no verdict within a minute (a hang)');
    }, 5_000);
    worker.on('message', (message: FuzzTally | Progress) => {
      if ('begin' in message) {
        last = { begin: message.begin, at: performance.now(), cases: last.cases + 1 };
        return;
      }
      clearInterval(watch);
      resolve(message);
    });
    worker.once('error', (error) => {
      stuck(error.message);
    });
  });

const runWorkers = async (total: number): Promise<FuzzTally[]> => {
  const n = Math.max(1, availableParallelism());
  const file = fileURLToPath(import.meta.url);
  return Promise.all(Array.from({ length: n }, (_, w) => runWorker(file, dealt(w, n, total), total)));
};

const merge = (tallies: readonly FuzzTally[]) => {
  const byKind: FuzzTally['byKind'] = {};
  for (const t of tallies) {
    for (const [kind, v] of Object.entries(t.byKind)) {
      const into = (byKind[kind] ??= { accepted: 0, refused: 0 });
      into.accepted += v.accepted;
      into.refused += v.refused;
    }
  }
  return {
    cases: tallies.reduce((sum, t) => sum + t.cases, 0),
    byKind,
    failures: tallies.reduce((sum, t) => sum + t.failures, 0),
    failed: tallies.flatMap((t) => t.failed).slice(0, 5),
    workerSeconds: tallies.map((t) => t.seconds),
  };
};

const main = async (): Promise<void> => {
  const start = performance.now();
  const fuzzed = merge(await runWorkers(CASES));
  const seconds = (performance.now() - start) / 1000;
  const base = await fuzzBaseLedger(1);
  const sample: LedgerMutation[] = [];
  for (let c = 0; c * CHUNK < STORE_CASES; c += 1) sample.push(...chunkOf(base, c, Math.min(CHUNK, STORE_CASES - c * CHUNK)));
  const stores = await storeVerdicts(sample);
  const result = { name: 'fuzz', ...fuzzed, seconds, workers: fuzzed.workerSeconds.length, baseEvents: base.length, stores, peakRssMiB: Math.round(peakRssMiB()) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

if (isMainThread) void main();
else {
  const { chunks, total } = workerData as { chunks: number[]; total: number };
  void fuzzChunks(chunks, total).then((tally) => parentPort?.postMessage(tally));
}
