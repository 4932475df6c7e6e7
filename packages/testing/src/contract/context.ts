import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from '../vitest-api.js';
import type { EventStore, RecordedEvent } from '@collective-ledger/core';
import { collect, newEvent } from '../fixtures.js';

export type EventStoreFactory<S extends EventStore = EventStore> = () => Promise<S> | S;

/** Close a store and open the same stored events again (a durable store); the suite then checks what survives. */
export type EventStoreReopener<S extends EventStore = EventStore> = (store: S) => Promise<S>;

/**
 * What every contract test gets: a fresh store and ways to tell its own events
 * apart, because an adapter's factory may hand out stores that share one
 * database with other tests (so readAll never starts empty).
 */
export interface ContractContext {
  /** The store of the running test. */
  readonly store: EventStore;
  /** A stream id that no other test (or run) uses; the test's reads are filtered to these. */
  streamId(label?: string): string;
  /** A global position such that everything this test appends afterwards is at or after it. */
  checkpoint(): Promise<bigint>;
  /** Events of this test's streams that readAll returns from `from` (inclusive), in readAll order. */
  ownEventsSince(from: bigint): Promise<RecordedEvent[]>;
  /** Close the store now (the suite then skips closing it after the test). */
  close(): Promise<void>;
  /** Whether the adapter can reopen its store (durable stores). */
  readonly canReopen: boolean;
  /** Close the store and open the same events again; `store` is the reopened one afterwards. */
  reopen(): Promise<void>;
}

/** Register the per-test store lifecycle in the enclosing `describe` and return the context. */
export const useContractContext = <S extends EventStore>(
  factory: EventStoreFactory<S>,
  reopener?: EventStoreReopener<S>,
): ContractContext => {
  let current: S | undefined;
  let open = false;
  let streams = new Set<string>();
  let run = '';

  beforeEach(async () => {
    current = await factory();
    open = true;
    streams = new Set();
    run = randomUUID();
  });

  afterEach(async () => {
    if (current !== undefined && open) await current.close();
    open = false;
    current = undefined;
  });

  const store = (): S => {
    if (current === undefined) throw new Error('the contract context is used outside a test');
    return current;
  };

  return {
    get store() {
      return store();
    },
    streamId(label = 'stream') {
      const id = `contract-${label}-${run}-${streams.size}`;
      streams.add(id);
      return id;
    },
    async checkpoint() {
      // Appending a marker works on every adapter without scanning a shared log.
      const marker = `contract-checkpoint-${randomUUID()}`;
      const result = await store().append(marker, [newEvent('CheckpointMarked')], { expectedRevision: 'no_stream' });
      return result.lastGlobalPosition + 1n;
    },
    async ownEventsSince(from) {
      const events = await collect(store().readAll({ fromPosition: from }));
      return events.filter((event) => streams.has(event.streamId));
    },
    async close() {
      open = false;
      await store().close();
    },
    canReopen: reopener !== undefined,
    async reopen() {
      if (reopener === undefined) throw new Error('the adapter gave no way to reopen its store');
      const closing = store();
      open = false;
      current = await reopener(closing);
      open = true;
    },
  };
};
