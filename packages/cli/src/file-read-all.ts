import { isLedgerEnvelope, LedgerLineError, type RecordedEvent } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import type { LedgerBuild, LedgerState } from './file-load.js';
import { isBlank, readLineChunks } from './file-lines.js';
import { storedEntryOf } from './file-scan.js';

/** What a read of the whole log needs of the store. */
export interface LogSource {
  readonly path: string;
  /** The state, loaded (an index read or built) if it was not. */
  ready(): LedgerState;
  /** The committed end now: it grows while a read runs (appends here, or by another process for a follower). */
  committedBytes(): number;
  /** The scan building the index, when a read may drive it (a first full read); undefined once it is done. */
  build(): LedgerBuild | undefined;
}

/** The next stream position in this read of each stream it has met. */
type Positions = Map<string, number>;

const corrupt = (path: string, error: unknown): unknown => (error instanceof LedgerLineError ? new CorruptLedgerError(path, error) : error);

/** Hand out `events` in batches of at most `size`. */
function* batchesOf(events: RecordedEvent[], size: number): Iterable<RecordedEvent[]> {
  for (let at = 0; at < events.length; at += size) yield events.slice(at, at + size);
}

/**
 * The first full read of a file the store has not indexed: the scan that
 * checks every line and builds the index hands out the events it reads, so
 * the file is read once. If something else needs the store meanwhile, it
 * completes the scan; this read then goes on as an ordinary one. Returns the
 * line to go on from.
 */
async function* drive(source: LogSource, build: LedgerBuild, positions: Positions, size: number): AsyncGenerator<RecordedEvent[], number> {
  let events: RecordedEvent[] = [];
  const take = (event: RecordedEvent): void => {
    events.push(event);
    positions.set(event.streamId, Number(event.streamPosition) + 1);
  };
  while (source.build() === build) {
    const more = build.step(take);
    const line = build.lines + 1;
    if (!more) source.ready();
    const done = events;
    events = [];
    yield* batchesOf(done, size);
    if (!more) return line;
    if (source.build() !== build) return line;
  }
  return build.lines + 1;
}

/** A stored line as JSON.parse gives it, when its envelope is valid and it carries `recordedAt`. */
interface StoredValue {
  readonly streamId: string;
  readonly type: string;
  readonly data: RecordedEvent['data'];
  readonly metadata: RecordedEvent['metadata'];
}

/** The line parsed and checked; a line that fails goes through `storedEntryOf`, which names what is wrong. */
const storedValueOf = (path: string, text: string, lineNumber: number): StoredValue => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (isLedgerEnvelope(value) && value.metadata['recordedAt'] !== undefined) return value as unknown as StoredValue;
  try {
    const { streamId, event } = storedEntryOf(text, lineNumber);
    return { streamId, type: event.type, data: event.data, metadata: event.metadata as StoredValue['metadata'] };
  } catch (error) {
    throw corrupt(path, error);
  }
};

/** Where a read is: the next line and its offset, and the first line it hands out. */
interface Cursor {
  line: number;
  offset: number;
  readonly first: number;
  readonly positions: Positions;
  /** The position before `first` of a stream the read has not met yet. */
  readonly positionOf: (streamId: string) => number;
}

/** The event on a line that holds one, at the next position of its stream in this read. */
const eventOf = (path: string, cursor: Cursor, text: string, lineNumber: number): RecordedEvent => {
  const value = storedValueOf(path, text, lineNumber);
  const position = cursor.positions.get(value.streamId) ?? cursor.positionOf(value.streamId);
  cursor.positions.set(value.streamId, position + 1);
  return { streamId: value.streamId, streamPosition: BigInt(position), globalPosition: BigInt(lineNumber), type: value.type, data: value.data, metadata: value.metadata };
};

/** Events gathered for the next batch, and how many make one. */
interface Batch {
  events: RecordedEvent[];
  readonly size: number;
}

/** The events of the lines up to `end`, each batch yielded as soon as it is full (a chunk's events are not all held at once). */
async function* readTo(path: string, cursor: Cursor, end: number, batch: Batch): AsyncGenerator<RecordedEvent[]> {
  for (const chunk of readLineChunksOr(path, cursor.offset, end, cursor.line)) {
    for (let i = Math.max(0, cursor.first - chunk.firstLine); i < chunk.count; i += 1) {
      const text = chunk.text(i);
      if (isBlank(text)) continue;
      batch.events.push(eventOf(path, cursor, text, chunk.firstLine + i));
      if (batch.events.length < batch.size) continue;
      yield batch.events;
      batch.events = [];
    }
    cursor.line = chunk.firstLine + chunk.count;
  }
  cursor.offset = end;
}

/** The lines from `first` on, read in order to the committed end (which may grow meanwhile), as events. */
async function* readFrom(source: LogSource, first: number, positions: Positions, size: number): AsyncGenerator<RecordedEvent[]> {
  const state = source.ready();
  const positionOf = (streamId: string): number => {
    const stream = state.index.streams.get(streamId);
    return first <= 1 || stream === undefined ? 0 : state.index.countBefore(stream, first);
  };
  const line = Math.min(first, state.index.lines + 1);
  const cursor: Cursor = { line, offset: line > state.index.lines ? state.bytes : state.index.startOf(line), first, positions, positionOf };
  const batch: Batch = { events: [], size };
  for (let end = source.committedBytes(); cursor.offset < end; end = source.committedBytes()) yield* readTo(source.path, cursor, end, batch);
  if (batch.events.length > 0) yield batch.events;
}

function* readLineChunksOr(path: string, start: number, end: number, firstLine: number): ReturnType<typeof readLineChunks> {
  try {
    yield* readLineChunks(path, start, end, { firstLine });
  } catch (error) {
    throw corrupt(path, error);
  }
}

/**
 * Every committed event from global position `from` (a line number) on, in
 * file order, in batches of at most `size`, including what is appended while
 * the read runs. Stream positions are counted in the read, starting from the
 * index's count before `from`.
 */
export async function* readLog(source: LogSource, from: bigint, size: number): AsyncIterable<readonly RecordedEvent[]> {
  const positions: Positions = new Map();
  const first = from < 1n ? 1 : from > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(from);
  const build = first === 1 ? source.build() : undefined;
  const next = build === undefined ? first : yield* drive(source, build, positions, size);
  yield* readFrom(source, next, positions, size);
}
