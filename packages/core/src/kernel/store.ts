import type { NewEvent, RecordedEvent } from './event.js';
import { InvalidReadError } from './errors.js';

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

export type ReadDirection = 'forward' | 'backward';

export interface ReadStreamOptions {
  /**
   * Stream position to start at (inclusive): forward, the events at or after it;
   * backward, the events at or before it. Default: the stream's first event
   * (forward) or its last (backward).
   */
  readonly fromRevision?: bigint;
  /** `'forward'` (the default): oldest first; `'backward'`: newest first. */
  readonly direction?: ReadDirection;
  /** At most this many events (a positive integer); default all. */
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
  /**
   * A stream's events, forward or backward, optionally bounded. Reading as many
   * events as asked costs that many events, not a scan of the stream (the last
   * event of a stream: `{ direction: 'backward', maxCount: 1 }`). Bad options
   * fail with `InvalidReadError` (checked by `streamReadOf`).
   */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Every event whose `metadata.commandId` is `commandId`, in global order, whatever its stream; empty when none. */
  readCommand(commandId: string): Promise<readonly RecordedEvent[]>;
  close(): Promise<void>;
}

/** A stream read with its options checked and defaults filled in: what every adapter reads by. */
export interface StreamRead {
  readonly backward: boolean;
  /** The first position to return, or `undefined` for the start (forward) or the end (backward). */
  readonly from: bigint | undefined;
  /** At most this many events (`Infinity` when unbounded). */
  readonly maxCount: number;
}

const checkedFrom = (from: unknown): bigint | undefined => {
  if (from === undefined || (typeof from === 'bigint' && from >= 0n)) return from;
  throw new InvalidReadError('fromRevision', `expected a stream position (a bigint, 0 or more), got ${describeOption(from)}`);
};

const checkedMaxCount = (maxCount: unknown): number => {
  if (maxCount === undefined) return Infinity;
  if (typeof maxCount === 'number' && Number.isSafeInteger(maxCount) && maxCount > 0) return maxCount;
  throw new InvalidReadError('maxCount', `expected a positive integer, got ${describeOption(maxCount)}`);
};

const checkedBackward = (direction: unknown): boolean => {
  if (direction === undefined || direction === 'forward') return false;
  if (direction === 'backward') return true;
  throw new InvalidReadError('direction', `expected 'forward' or 'backward', got ${describeOption(direction)}`);
};

const describeOption = (value: unknown): string =>
  typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? JSON.stringify(value) : String(value);

/**
 * Check `readStream` options the one way every adapter does: a bad option is
 * refused with `InvalidReadError` naming it, before anything is read.
 */
export const streamReadOf = (options: ReadStreamOptions = {}): StreamRead => {
  const raw = options as Record<string, unknown>;
  return {
    backward: checkedBackward(raw['direction']),
    from: checkedFrom(raw['fromRevision']),
    maxCount: checkedMaxCount(raw['maxCount']),
  };
};

/** Check the command id of `readCommand`: a non-blank string, as appends require. */
export const checkedCommandId = (commandId: unknown): string => {
  if (typeof commandId === 'string' && commandId.trim() !== '') return commandId;
  throw new InvalidReadError('commandId', `expected a non-empty string, got ${describeOption(commandId)}`);
};

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
