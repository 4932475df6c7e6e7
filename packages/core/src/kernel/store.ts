import type { NewEvent, RecordedEvent } from './event.js';

/**
 * What the writer believes about the stream:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist yet;
 * - `'stream_exists'`: the stream must have at least one event;
 * - a bigint: the stream position of its last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The stream position of the last event appended: pass it as the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event appended. */
  readonly lastGlobalPosition: bigint;
}

export interface ReadStreamOptions {
  /** First stream position to return (inclusive). */
  readonly fromRevision?: bigint;
  /** `forward` (default) from the first event, or `backward` from the last (or from `fromRevision`) to the first. */
  readonly direction?: 'forward' | 'backward';
  /** At most this many events (a positive integer); all by default. */
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events whose global position is greater than or equal to this. */
  readonly fromPosition?: bigint;
}

/**
 * The port every adapter implements and the contract suite of
 * `@collective-ledger/testing` proves: appends are atomic; a wrong expected
 * revision fails with `ConcurrencyError` and writes nothing; a stored event id is
 * never stored twice (`DuplicateEventError`); `readAll` returns every committed
 * event in global order, and a reader following it never skips an event that
 * commits later with a smaller position.
 */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Every event whose `metadata.commandId` is `commandId`, in global order; empty when there is none. */
  readCommand(commandId: string): Promise<readonly RecordedEvent[]>;
  close(): Promise<void>;
}

/** One stream's share of an import: events to append after whatever the stream already holds. */
export interface StreamWrite {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

/**
 * Stores that can load many streams at once, all or nothing (a ledger import).
 * `writes` is iterated exactly once, so a caller can stream a large file into it.
 */
export interface BulkImportingStore extends EventStore {
  importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }>;
}

export const supportsBulkImport = (store: EventStore): store is BulkImportingStore =>
  typeof (store as Partial<BulkImportingStore>).importAll === 'function';

/**
 * Stores that can hand `readAll` out in batches (an array per round trip), which
 * spares replays one promise per event. Same order and guarantees as `readAll`.
 */
export interface BatchReadingStore extends EventStore {
  readAllBatches(options?: ReadAllOptions & { readonly batchSize?: number }): AsyncIterable<readonly RecordedEvent[]>;
}

export const supportsBatchRead = (store: EventStore): store is BatchReadingStore =>
  typeof (store as Partial<BatchReadingStore>).readAllBatches === 'function';

/** `readAll` in batches, from the store's own batches when it has them. */
export async function* readAllInBatches(
  store: EventStore,
  options: ReadAllOptions & { readonly batchSize?: number } = {},
): AsyncIterable<readonly RecordedEvent[]> {
  if (supportsBatchRead(store)) {
    yield* store.readAllBatches(options);
    return;
  }
  const size = options.batchSize ?? 1_000;
  let batch: RecordedEvent[] = [];
  for await (const event of store.readAll(options.fromPosition === undefined ? {} : { fromPosition: options.fromPosition })) {
    batch.push(event);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
