import type { EventMetadata, JsonObject, JsonValue, NewEvent, RecordedEvent } from './event.js';
import { chainHeadOf, EMPTY_CHAIN, sealEvents, type ChainHead } from './seal.js';
import { DuplicateEventError, StoreClosedError } from './errors.js';
import { assertValidAppend } from './envelope.js';
import { storeLimitsOf, type StoreLimits } from './limits.js';
import { checkExpectedRevision } from './revision.js';
import { checkedCommandId, streamReadOf } from './store.js';
import { AppendSignal } from './append-signal.js';
import { EventIdIndex } from './event-id-index.js';
import type { NotifyingStore, WaitForEventsOptions } from './subscription.js';
import type {
  AppendOptions,
  AppendResult,
  BatchReadingStore,
  BulkImportingStore,
  ReadAllOptions,
  ReadStreamOptions,
  StreamRead,
  StreamWrite,
} from './store.js';

/**
 * A frozen deep copy of plain JSON, in one pass: the store never shares
 * objects with callers. A string of an object's key equal to the same key's
 * in `like` (the event before's data) is `like`'s, so the store keeps one.
 */
const frozenCopy = (value: JsonValue, like?: JsonObject): JsonValue => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return Object.freeze(value.map((item) => frozenCopy(item))) as JsonValue[];
  const copy: Record<string, JsonValue> = {};
  for (const key in value) {
    const inner = value[key];
    if (inner === undefined) continue;
    if (typeof inner !== 'string') copy[key] = frozenCopy(inner);
    else copy[key] = like?.[key] === inner ? like[key] : inner;
  }
  return Object.freeze(copy);
};

/** The stream positions below this are shared bigints, one each, not one per event. */
const SHARED_POSITIONS = 1 << 16;
const sharedPositions: bigint[] = [];

/** `BigInt(n)`: for the small positions that streams mostly hold, the same bigint every time. */
const positionOf = (n: number): bigint => {
  if (n >= SHARED_POSITIONS) return BigInt(n);
  for (let next = sharedPositions.length; next <= n; next += 1) sharedPositions.push(BigInt(next));
  return sharedPositions[n] as bigint;
};

/** The events of a backward read: only those asked for are touched. */
const newestFirst = (stream: readonly RecordedEvent[], read: StreamRead): RecordedEvent[] => {
  const end = read.from === undefined ? stream.length : Math.min(Number(read.from) + 1, stream.length);
  return stream.slice(Math.max(0, end - read.maxCount), end).reverse();
};

export interface InMemoryEventStoreOptions {
  /** The clock that stamps `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** What the store accepts of an event's content (limits.ts); the defaults when absent. */
  readonly limits?: Partial<StoreLimits>;
}

/**
 * The reference store: everything in memory, in one process. Appends are
 * synchronous inside the event loop, so each one is atomic and global order is
 * commit order by construction. Stored events are copied and frozen.
 */
export class InMemoryEventStore implements BulkImportingStore, BatchReadingStore, NotifyingStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new EventIdIndex((position) => (this.log[position] as RecordedEvent).metadata.eventId);
  /** Each command id's events, in global order. */
  private readonly commands = new Map<string, RecordedEvent[]>();
  /** The command indexCommand met last, and its events in `commands`. */
  private lastCommand: { readonly id: string | undefined; readonly events: RecordedEvent[] } = { id: undefined, events: [] };
  private closed = false;
  private readonly appended = new AppendSignal();
  private readonly now: () => Date;
  private readonly limits: StoreLimits;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.limits = storeLimitsOf(options.limits);
  }

  /** Number of events stored. */
  get size(): number {
    return this.log.length;
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertValidAppend(streamId, events, this.limits);
      this.assertUnseen(events);
      const stream = this.streams.get(streamId);
      const last = stream?.at(-1);
      checkExpectedRevision(streamId, options.expectedRevision ?? 'any', last?.streamPosition);
      const { metadata } = sealEvents(streamId, events, last === undefined ? EMPTY_CHAIN : chainHeadOf(last), this.now().toISOString());
      return Promise.resolve(this.write(streamId, events, metadata));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const read = streamReadOf(options);
    const stream = this.streams.get(streamId) ?? [];
    if (read.backward) {
      yield* newestFirst(stream, read);
      return;
    }
    // Iterate by index so events appended while reading are seen, as a follower expects.
    for (let i = Number(read.from ?? 0n), count = 0; i < stream.length && count < read.maxCount; i += 1, count += 1) {
      const event = stream[i];
      if (event !== undefined) yield event;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const from = options.fromPosition ?? 0n;
    // Global positions here are 1-based and contiguous: position p sits at index p - 1.
    for (let i = Number(from > 1n ? from - 1n : 0n); i < this.log.length; i += 1) {
      const event = this.log[i];
      if (event !== undefined) yield event;
    }
  }

  /** `readAll` as arrays of up to `batchSize` events (default 1,000), for fast replays. */
  async *readAllBatches(options: ReadAllOptions & { readonly batchSize?: number } = {}): AsyncIterable<readonly RecordedEvent[]> {
    this.assertOpen();
    const size = options.batchSize ?? 1_000;
    const from = options.fromPosition ?? 0n;
    // Step by what was handed out, not by the batch size: events appended while reading come next.
    for (let i = Number(from > 1n ? from - 1n : 0n); i < this.log.length; ) {
      const batch = this.log.slice(i, i + size);
      i += batch.length;
      yield batch;
    }
  }

  readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    try {
      this.assertOpen();
      return Promise.resolve([...(this.commands.get(checkedCommandId(commandId)) ?? [])]);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Load many streams at once: everything is checked and sealed first, then written; on any error nothing is. */
  async importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    this.assertOpen();
    const staged: { readonly write: StreamWrite; readonly metadata: readonly EventMetadata[] }[] = [];
    const ids = new Set<string>();
    const heads = new Map<string, ChainHead>();
    const recordedAt = this.now().toISOString();
    for await (const write of writes) {
      assertValidAppend(write.streamId, write.events, this.limits);
      this.assertUnseen(write.events);
      for (const event of write.events) {
        if (ids.has(event.metadata.eventId)) throw new DuplicateEventError([event.metadata.eventId]);
        ids.add(event.metadata.eventId);
      }
      const sealed = sealEvents(write.streamId, write.events, heads.get(write.streamId) ?? this.headOf(write.streamId), recordedAt);
      heads.set(write.streamId, sealed.head);
      staged.push({ write, metadata: sealed.metadata });
    }
    this.assertOpen();
    let count = 0n;
    for (const { write, metadata } of staged) {
      this.write(write.streamId, write.events, metadata);
      count += BigInt(write.events.length);
    }
    return { events: count };
  }

  /** Resolves at once when the log holds events after `after`, else at the next append, the timeout or an abort. */
  waitForEvents(after: bigint, options: WaitForEventsOptions = {}): Promise<void> {
    if (this.closed || BigInt(this.log.length) > after) return Promise.resolve();
    return this.appended.next(options);
  }

  close(): Promise<void> {
    this.closed = true;
    this.appended.wakeAll();
    return Promise.resolve();
  }

  private headOf(streamId: string): ChainHead {
    const last = this.streams.get(streamId)?.at(-1);
    return last === undefined ? EMPTY_CHAIN : chainHeadOf(last);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  private assertUnseen(events: readonly NewEvent[]): void {
    const seen: string[] = [];
    for (const event of events) if (this.eventIds.has(event.metadata.eventId)) seen.push(event.metadata.eventId);
    if (seen.length > 0) throw new DuplicateEventError(seen);
  }

  private indexCommand(event: RecordedEvent): void {
    const commandId = event.metadata.commandId;
    if (commandId === undefined) return;
    // A command's events mostly come in one batch: the index is asked once for them.
    if (commandId === this.lastCommand.id) {
      this.lastCommand.events.push(event);
      return;
    }
    let events = this.commands.get(commandId);
    if (events === undefined) this.commands.set(commandId, (events = [event]));
    else events.push(event);
    this.lastCommand = { id: commandId, events };
  }

  /** Store sealed events (`sealEvents` gave their metadata, in order). */
  private write(streamId: string, events: readonly NewEvent[], metadata: readonly EventMetadata[]): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length === 0) this.streams.set(streamId, stream);
    let previous: RecordedEvent | undefined;
    events.forEach((event, i) => {
      const position = this.log.length;
      const recorded: RecordedEvent = Object.freeze({
        streamId,
        streamPosition: positionOf(stream.length),
        globalPosition: BigInt(position + 1),
        // The type and the data's strings equal to the event's before are its own: the store keeps one of each.
        type: previous?.type === event.type ? previous.type : event.type,
        data: frozenCopy(event.data, previous?.data) as JsonObject,
        metadata: Object.freeze(metadata[i]) as EventMetadata,
      });
      stream.push(recorded);
      this.log.push(recorded);
      this.eventIds.add(recorded.metadata.eventId, position);
      this.indexCommand(recorded);
      previous = recorded;
    });
    this.appended.wakeAll();
    return {
      nextExpectedRevision: BigInt(stream.length - 1),
      lastGlobalPosition: BigInt(this.log.length),
    };
  }
}
