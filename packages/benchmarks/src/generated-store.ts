/**
 * What the benchmarks that generate their events afresh share: the events
 * served as a read-only store hands them out, a batch at a time; timing a
 * step; and checking a figure against the generator's.
 */
import { performance } from 'node:perf_hooks';
import type { BatchReadingStore, RecordedEvent } from '@collective-ledger/core';

/** A workload's events as a store serves them, a batch at a time, and its expected figures (complete once read to the end). */
export const servedStore = <Expected>(generated: { readonly batches: () => Iterable<RecordedEvent[]>; readonly expected: Expected }): { readonly store: BatchReadingStore; readonly expected: Expected } => {
  const { batches, expected } = generated;
  async function* readAllBatches(): AsyncIterable<readonly RecordedEvent[]> {
    yield* batches();
  }
  async function* readAll(): AsyncIterable<RecordedEvent> {
    for (const batch of batches()) yield* batch;
  }
  const none = () => Promise.reject(new Error('read only'));
  return { store: { readAllBatches, readAll, append: none, readStream: readAll, readCommand: none, close: () => Promise.resolve() }, expected };
};

/** `work` timed, in seconds. */
export const seconds = async <T>(work: () => Promise<T> | T): Promise<{ value: T; seconds: number }> => {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
};

/** A figure the replay gives, checked against the one the generator made. */
export const must = (what: string, got: unknown, want: unknown): void => {
  if (String(got) !== String(want)) throw new Error(`${what}: the replay gives ${String(got)}, the generator made ${String(want)}`);
};
