import type { RecordedEvent } from './event.js';
import { readAllInBatches, type EventStore } from './store.js';

export interface WaitForEventsOptions {
  /** Give up waiting at an abort: the promise then resolves. */
  readonly signal?: AbortSignal;
  /** Resolve after this long even without a notification (default 1,000 ms): the poll that covers a lost wake-up. */
  readonly timeoutMs?: number;
}

/**
 * Stores that can wake a follower when events are appended: in-process
 * notification in memory and in a file, LISTEN/NOTIFY on PostgreSQL, a
 * subscription on EventStoreDB. `subscribe` uses it; without it a follower
 * polls.
 */
export interface NotifyingStore extends EventStore {
  /**
   * Resolves once the store may hold events after global position `after`:
   * at once when it already does, else at the next append that commits (in
   * this process or, where the store can tell, another), at the timeout, or at
   * an abort. A wake-up says "look", never "there is": the caller reads again.
   */
  waitForEvents(after: bigint, options?: WaitForEventsOptions): Promise<void>;
}

export const supportsNotifications = (store: EventStore): store is NotifyingStore =>
  typeof (store as Partial<NotifyingStore>).waitForEvents === 'function';

export interface SubscribeOptions {
  /**
   * The checkpoint: deliver the events whose global position is greater than
   * this (the position of the last event the subscriber has handled). Default
   * 0n: from the first event.
   */
  readonly after?: bigint;
  /** Events per batch, at most (default 1,000). */
  readonly batchSize?: number;
  /** Stop following: the iteration ends after the batch being handed out. */
  readonly signal?: AbortSignal;
  /** The longest wait between two looks at the store when no wake-up comes (default 1,000 ms). */
  readonly pollMs?: number;
  /** Stop once caught up instead of following (a catch-up that ends). */
  readonly stopWhenCaughtUp?: boolean;
}

/** What a subscription hands out: the next events in global order, and whether they reach what the store held. */
export interface SubscriptionBatch {
  /** The events, in global order; empty only in the batch that says the subscriber has caught up. */
  readonly events: readonly RecordedEvent[];
  /** The checkpoint after this batch: the position of its last event (or the one before, when empty). */
  readonly position: bigint;
  /** True when the store held nothing after `position` as this batch was read: the subscriber is current. */
  readonly caughtUp: boolean;
}

/** Read through a function, so the check is made again each time (an abort comes from outside). */
const aborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true;

const pause = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/** Wait for the store to say there may be more after `position`, or poll. */
const waitForMore = (store: EventStore, position: bigint, options: SubscribeOptions): Promise<void> => {
  const timeoutMs = options.pollMs ?? 1_000;
  const signal = options.signal === undefined ? {} : { signal: options.signal };
  return supportsNotifications(store) ? store.waitForEvents(position, { timeoutMs, ...signal }) : pause(timeoutMs, options.signal);
};

/** Read everything after `position` once, in batches; the events of a batch are all after the last one handed out. */
async function* readAfter(store: EventStore, position: bigint, batchSize: number): AsyncIterable<readonly RecordedEvent[]> {
  let last = position;
  for await (const batch of readAllInBatches(store, { fromPosition: last + 1n, batchSize })) {
    const fresh = batch.filter((event) => event.globalPosition > last);
    const end = fresh.at(-1);
    if (end === undefined) continue;
    last = end.globalPosition;
    yield fresh;
  }
}

/**
 * One look at the store: the batches after `position`, each handed out once
 * the next has been read, so that the last one says it reached the end.
 */
async function* lookedAhead(store: EventStore, position: bigint, options: SubscribeOptions): AsyncIterable<SubscriptionBatch> {
  let pending: readonly RecordedEvent[] | undefined;
  let end = position;
  for await (const batch of readAfter(store, position, options.batchSize ?? 1_000)) {
    if (pending !== undefined) yield { events: pending, position: end, caughtUp: false };
    if (aborted(options.signal)) return;
    pending = batch;
    end = batch.at(-1)?.globalPosition ?? end;
  }
  if (pending !== undefined) yield { events: pending, position: end, caughtUp: true };
}

/**
 * A catch-up subscription over the global log: every event after the
 * checkpoint `after`, each exactly once and in global order, then every event
 * appended later, until the signal aborts (or, with `stopWhenCaughtUp`, until
 * it has caught up). The batch that reaches the end of what the store holds
 * says so (`caughtUp`); when the end is reached with no new events (the first
 * catch-up of an empty suffix) that batch is empty. Resume after a stop by passing the last `position` handled as
 * `after`. What "global order" means for each store, and when an event
 * becomes visible to it, is the store's `readAll` (docs/read-models.md).
 */
export async function* subscribe(store: EventStore, options: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch> {
  let position = options.after ?? 0n;
  let current = false;
  while (!aborted(options.signal)) {
    let last: SubscriptionBatch | undefined;
    for await (const batch of lookedAhead(store, position, options)) {
      last = batch;
      yield batch;
      position = batch.position;
    }
    // An idle look that found nothing says nothing: the subscriber already knows it is current.
    if (last === undefined && !current) yield { events: [], position, caughtUp: true };
    current = true;
    if (options.stopWhenCaughtUp === true || aborted(options.signal)) return;
    await waitForMore(store, position, options);
  }
}
