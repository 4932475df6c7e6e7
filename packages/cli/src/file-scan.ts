import { eventHash, LedgerLineError, parseLedgerEnvelope, type EventMetadata, type LedgerEntry, type RecordedEvent } from '@collective-ledger/core';
import type { IndexBuilder } from './file-index-build.js';
import type { LedgerIndex, StreamState } from './file-index.js';
import { isBlank, type LineChunk } from './file-lines.js';

/** A line of the store's file, checked as every read checks it: its envelope, and the `recordedAt` every stored event has. Throws `LedgerLineError`. */
export const storedEntryOf = (text: string, lineNumber: number): LedgerEntry => {
  const entry = parseLedgerEnvelope(text, lineNumber);
  if (entry.event.metadata.recordedAt === undefined) {
    throw LedgerLineError.single(lineNumber, 'metadata.recordedAt', 'missing: every stored event has one');
  }
  return entry;
};

/** The recorded event of a checked line at stream position `position`. */
export const recordedOf = (entry: LedgerEntry, position: number): RecordedEvent => ({
  streamId: entry.streamId,
  streamPosition: BigInt(position),
  globalPosition: BigInt(entry.lineNumber),
  type: entry.event.type,
  data: entry.event.data,
  metadata: entry.event.metadata as EventMetadata,
});

/**
 * The chain hash of a stored line's event at `position`, recomputed: a line
 * whose hash is not what its content and the stream's previous event give was
 * changed after it was written, and the ledger is refused, naming the line.
 * A line without a hash was stored before hashes existed: the chain starts again after it.
 */
const checkedHash = ({ lineNumber, streamId, event }: LedgerEntry, position: number, previous: string | null): string | null => {
  const stored = event.metadata.hash;
  if (stored === undefined) return null;
  const computed = eventHash({ streamId, streamPosition: BigInt(position), type: event.type, data: event.data, metadata: event.metadata }, previous);
  if (computed === stored) return stored;
  throw LedgerLineError.single(
    lineNumber,
    'metadata.hash',
    `the chain is broken: event ${event.metadata.eventId} (stream ${streamId}, position ${position}) carries ${stored}, but its content and the previous event of the stream give ${computed}`,
  );
};

export const storedTwice = (lineNumber: number, eventId: string): LedgerLineError =>
  LedgerLineError.single(lineNumber, 'metadata.eventId', `event id ${eventId} is stored twice`);

/**
 * Reads lines into a ledger's index, one chunk at a time. Every line's
 * envelope is checked; a `verify` scan (a file the store has not indexed, or
 * that changed since) also recomputes every chain hash, and hands each
 * event's keys to the `builder` of a new index file, which finds event ids
 * used twice. Otherwise the lines (appended since the index file was written,
 * by a store that checked them) go to the index's tail.
 */
export class LedgerScan {
  events = 0;

  constructor(
    private readonly index: LedgerIndex,
    private readonly builder: IndexBuilder | undefined,
  ) {}

  /** Check and record one chunk; each event is handed to `take` as it is read, when asked. */
  chunk(chunk: LineChunk, take?: (event: RecordedEvent) => void): void {
    const { count, starts, firstLine } = chunk;
    for (let i = 0; i < count; i += 1) {
      const text = chunk.text(i);
      const line = this.builder === undefined ? this.index.addLine(starts[i] ?? 0) : this.builder.addLine(starts[i] ?? 0);
      if (line !== firstLine + i) throw new RangeError(`line ${firstLine + i} was read as line ${line}`);
      if (isBlank(text)) continue;
      const entry = storedEntryOf(text, line);
      const stream = this.index.stream(entry.streamId);
      const position = stream.count;
      this.record(entry, stream);
      this.events += 1;
      take?.(recordedOf(entry, position));
    }
    this.builder?.spill(this.index.streams.size);
  }

  private record(entry: LedgerEntry, stream: StreamState): void {
    const { eventId, commandId, hash } = entry.event.metadata;
    if (this.builder === undefined) {
      if (this.index.keepIds && this.index.tailIds.has(eventId)) throw storedTwice(entry.lineNumber, eventId);
      stream.head = hash ?? null;
      this.index.addEvent(entry.lineNumber, stream, eventId, commandId);
      return;
    }
    stream.head = checkedHash(entry, stream.count, stream.head);
    this.builder.addEvent(entry.lineNumber, eventId, stream.ordinal, commandId);
    stream.count += 1;
    stream.baseCount += 1;
    this.index.noteLast(stream, entry.lineNumber);
  }
}
