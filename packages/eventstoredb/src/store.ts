import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  assertValidAppend,
  chainHeadOf,
  checkedCommandId,
  checkExpectedRevision,
  DuplicateEventError,
  EMPTY_CHAIN,
  sealEvents,
  StoreClosedError,
  storeLimitsOf,
  streamReadOf,
  type AppendOptions,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreLimits,
  type NotifyingStore,
  type WaitForEventsOptions,
} from '@collective-ledger/core';
import { WakeUps } from './wake-ups.js';
import { clientFor, redactConnectionString } from './connection.js';
import { clientEventOf } from './encoding.js';
import { LogIndex } from './log-index.js';
import { allEvents, streamEvents } from './reads.js';
import { withRetries } from './retry.js';
import { concurrencyErrorOf, isWrongExpectedVersion, sealedRevisionOf } from './revision.js';

export interface EventStoreDbStoreOptions {
  /** The clock that stamps `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** What the store accepts of an event's content (the kernel's limits); the defaults when absent. */
  readonly limits?: Partial<StoreLimits>;
}

/** How many times an append with `'any'` or `'stream_exists'` seals again after another writer moved the stream. */
const RESEALS = 10;

const toPromise = <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return run();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

/**
 * The event store on EventStoreDB (or KurrentDB) through `@eventstore/db-client`:
 * one server stream per kernel stream, `$all` for `readAll` (system records
 * left out), the commit position as the global position. Every append is
 * sealed against the stream's head (the chain hash needs the event before)
 * and sent with that exact revision, so the server's revision check decides
 * any race; the caller's expectation is checked against the same head.
 * Event ids are unique across the store: the adapter follows `$all` into an
 * in-memory index of ids and command ids (docs/adapters/eventstoredb.md).
 */
export class EventStoreDbStore implements EventStore, NotifyingStore {
  /** Where the server is, as errors name it (never with a password). */
  readonly location: string;
  private readonly index = new LogIndex();
  private following: Promise<void> = Promise.resolve();
  private appending: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly wakeUps: WakeUps;
  private readonly now: () => Date;
  private readonly limits: StoreLimits;

  constructor(
    readonly client: EventStoreDBClient,
    location: string,
    options: EventStoreDbStoreOptions = {},
  ) {
    this.location = location;
    this.wakeUps = new WakeUps(client);
    this.now = options.now ?? (() => new Date());
    this.limits = storeLimitsOf(options.limits);
  }

  /** A store on the server a connection string names; it connects on its first call. */
  static connect(url: string, options: EventStoreDbStoreOptions = {}): EventStoreDbStore {
    return new EventStoreDbStore(clientFor(url), redactConnectionString(url), options);
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return toPromise(() => {
      this.assertOpen();
      assertValidAppend(streamId, events, this.limits);
      // One append at a time from this store: an id checked unseen stays unseen until it is written.
      const run = this.appending.then(() => this.appendChecked(streamId, events, options.expectedRevision ?? 'any'));
      this.appending = run.catch(() => undefined);
      return run;
    });
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    yield* streamEvents(this.client, this.location, streamId, streamReadOf(options));
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const from = options.fromPosition ?? 0n;
    for await (const event of allEvents(this.client, this.location, this.index.startFor(from))) {
      // Read in order from a position the index holds, so every event read extends it.
      this.index.add(event);
      if (event.globalPosition >= from) yield event;
    }
  }

  readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    return toPromise(async () => {
      this.assertOpen();
      const id = checkedCommandId(commandId);
      await this.catchUp();
      const found: RecordedEvent[] = [];
      for (const place of this.index.placesOf(id)) {
        const read = { backward: false, from: place.revision, maxCount: 1 };
        for await (const event of streamEvents(this.client, this.location, place.streamId, read)) found.push(event);
      }
      return found;
    });
  }

  /**
   * Resolves at once when `$all` holds events after `after`, else at the next
   * append (through this store, or any client's, seen by a live subscription),
   * the timeout or an abort.
   */
  waitForEvents(after: bigint, options: WaitForEventsOptions = {}): Promise<void> {
    return toPromise(async () => {
      if (this.closed) return;
      const waiting = this.wakeUps.next(options);
      await this.catchUp();
      if ((this.index.last ?? 0n) > after) this.wakeUps.wakeAll();
      await waiting;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.wakeUps.close();
    await this.client.dispose();
  }

  private async appendChecked(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    for (let attempt = 0; ; attempt += 1) {
      await this.catchUp();
      const stored = this.index.stored(events.map((event) => event.metadata.eventId));
      if (stored.length > 0) throw new DuplicateEventError(stored);
      const head = await this.headOf(streamId);
      checkExpectedRevision(streamId, expected, head?.streamPosition);
      const { metadata } = sealEvents(streamId, events, head === undefined ? EMPTY_CHAIN : chainHeadOf(head), this.now().toISOString());
      try {
        const written = await this.write(streamId, events, metadata, head?.streamPosition);
        this.wakeUps.wakeAll();
        return written;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        const exact = typeof expected === 'bigint' || expected === 'no_stream';
        if (exact || attempt >= RESEALS) throw concurrencyErrorOf(streamId, expected, error);
      }
    }
  }

  /**
   * Send sealed events at the exact revision they were sealed against. After
   * a lost answer the same request goes again: the server answers a retry of
   * events it already wrote with success, without writing them twice.
   */
  private async write(streamId: string, events: readonly NewEvent[], metadata: readonly EventMetadata[], head: bigint | undefined): Promise<AppendResult> {
    const sent = events.map((event, i) => clientEventOf(event, metadata[i] as EventMetadata));
    const result = await withRetries(this.location, `the append to stream ${streamId}`, () =>
      this.client.appendToStream(streamId, sent, { expectedRevision: sealedRevisionOf(head) }),
    );
    return { nextExpectedRevision: result.nextExpectedRevision, lastGlobalPosition: result.position?.commit ?? 0n };
  }

  private async headOf(streamId: string): Promise<RecordedEvent | undefined> {
    for await (const event of streamEvents(this.client, this.location, streamId, { backward: true, from: undefined, maxCount: 1 })) return event;
    return undefined;
  }

  /** Bring the index up to the end of `$all`; catch-ups run one after another, each from where the last ended. */
  private catchUp(): Promise<void> {
    const run = this.following.then(async () => {
      for await (const event of allEvents(this.client, this.location, this.index.last)) this.index.add(event);
    });
    this.following = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
