import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { LedgerLineError, type RecordedEvent } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import { BaseIndex } from './file-index-base.js';
import { IndexBuilder } from './file-index-build.js';
import { indexPathOf } from './file-index-file.js';
import { fingerprintOf, sameFingerprint, type Fingerprint } from './file-index-format.js';
import { LedgerIndex } from './file-index.js';
import { readLineChunks, type LineChunk } from './file-lines.js';
import { LedgerScan, storedTwice } from './file-scan.js';

/** What a store knows of its file without holding its events. */
export interface LedgerState {
  exists: boolean;
  /** Length of the committed part of the file, in bytes; it always ends with a line end. */
  bytes: number;
  events: number;
  readonly index: LedgerIndex;
}

/** What one step of a scan reads. */
const BUILD_CHUNK_BYTES = 256 * 1024;

export const emptyState = (): LedgerState => ({ exists: false, bytes: 0, events: 0, index: new LedgerIndex() });

export const ledgerFingerprint = (path: string): Fingerprint => fingerprintOf(statSync(path, { bigint: true }));

/** Read the lines `[from, to)` into the index's tail (lines the store wrote and checked since its index file was written). */
export const scanTail = (path: string, state: LedgerState, to: number): void => {
  const scan = new LedgerScan(state.index, undefined);
  try {
    for (const chunk of readLineChunks(path, state.bytes, to, { firstLine: state.index.lines + 1 })) scan.chunk(chunk);
  } catch (error) {
    throw error instanceof LedgerLineError ? new CorruptLedgerError(path, error) : error;
  }
  state.bytes = to;
  state.events += scan.events;
};

/**
 * The state from the ledger's index file, when that index still describes
 * the file exactly (the same file, size and times as when the store last
 * wrote it): no line of the file is read but those after the index's tables.
 * Undefined when there is no such index: the file must be scanned.
 */
export const openIndexed = (path: string): LedgerState | undefined => {
  const base = BaseIndex.tryOpen(indexPathOf(path), true);
  if (base === undefined) return undefined;
  const fingerprint = ledgerFingerprint(path);
  if (!sameFingerprint(base.header.fingerprint, fingerprint) || BigInt(base.header.committed.bytes) !== fingerprint.size) {
    base.close();
    return undefined;
  }
  const state: LedgerState = { exists: true, bytes: base.bytes, events: base.header.events, index: new LedgerIndex(base, base.streams()) };
  scanTail(path, state, base.header.committed.bytes);
  return state;
};

/**
 * The state of a ledger another process may be writing, for a store that
 * only reads it: the index file when it belongs to this file (the same file,
 * and either unchanged since it was written or with its writer at work: the
 * lock is taken), then the committed lines after it, read into memory.
 * Without a usable index every committed line is read into memory.
 */
export const openForReading = (path: string, committedEnd: number): LedgerState => {
  const base = BaseIndex.tryOpen(indexPathOf(path), false);
  const now = ledgerFingerprint(path);
  const usable =
    base !== undefined &&
    base.header.fingerprint.dev === now.dev &&
    base.header.fingerprint.ino === now.ino &&
    base.bytes <= committedEnd &&
    (sameFingerprint(base.header.fingerprint, now) || existsSync(`${path}.lock`));
  if (!usable) base?.close();
  const state: LedgerState = usable
    ? { exists: true, bytes: base.bytes, events: base.header.events, index: new LedgerIndex(base, base.streams(), false) }
    : { exists: true, bytes: 0, events: 0, index: new LedgerIndex(undefined, [], false) };
  scanTail(path, state, committedEnd);
  return state;
};

/** The event id on a line the scan has read (to tell two lines whose ids hash alike). */
const eventIdOn = (path: string, start: number, end: number): string | undefined => {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(end - start);
    readSync(fd, bytes, 0, bytes.length, start);
    return (JSON.parse(bytes.toString('utf8')) as { metadata?: { eventId?: string } }).metadata?.eventId;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
};

/**
 * A scan of the whole file that checks every line (envelope, chain hashes,
 * event ids used once) and builds its index file. A first `readAll` drives it
 * a chunk at a time and hands out the events it reads: the file is read once;
 * anything else that needs the state first completes it.
 */
export class LedgerBuild {
  private readonly index = new LedgerIndex();
  private readonly builder: IndexBuilder;
  private readonly scan: LedgerScan;
  private readonly chunks: Iterator<LineChunk>;
  private failure: Error | undefined;
  private ended = false;

  constructor(
    readonly path: string,
    readonly bytes: number,
    private readonly fingerprint: Fingerprint,
    runEvents?: number,
  ) {
    this.builder = new IndexBuilder(path, runEvents);
    this.scan = new LedgerScan(this.index, this.builder);
    // Chunks of a few hundred lines: a first readAll hands out a chunk's events at once, and holding fewer keeps them young for the collector.
    this.chunks = readLineChunks(path, 0, bytes, { chunkBytes: BUILD_CHUNK_BYTES })[Symbol.iterator]();
  }

  /** Lines scanned so far. */
  get lines(): number {
    return this.builder.lines;
  }

  /** Scan the next chunk, handing each event to `take`; false once every line is scanned. */
  step(take?: (event: RecordedEvent) => void): boolean {
    if (this.failure !== undefined) throw this.failure;
    if (this.ended) return false;
    try {
      const next = this.chunks.next();
      if (next.done === true) this.ended = true;
      else this.scan.chunk(next.value, take);
      return !this.ended;
    } catch (error) {
      throw this.fail(error);
    }
  }

  /** Scan what is left, then put the new index in place: the state of the file. */
  complete(): LedgerState {
    while (this.step());
    try {
      const file = this.builder.finish(
        { bytes: this.bytes, lines: this.builder.lines, events: this.scan.events, streams: this.index.listed(), fingerprint: this.fingerprint },
        (pairs) => {
          const twice = this.firstTwice(pairs);
          if (twice !== undefined) throw twice;
        },
      );
      const path = file.install();
      const base = BaseIndex.tryOpen(path, true);
      if (base === undefined) throw new Error(`${path}: the index file just written cannot be read back`);
      this.index.rebase(base);
      return { exists: true, bytes: this.bytes, events: this.scan.events, index: this.index };
    } catch (error) {
      throw this.fail(error);
    }
  }

  discard(): void {
    this.builder.discard();
    this.chunks.return?.();
  }

  /** Remember why the scan failed (every later step says it again) and say it as the store does. */
  private fail(error: unknown): Error {
    if (this.failure !== undefined) return this.failure;
    let failure = error;
    if (error instanceof LedgerLineError) {
      // An event id used twice before the bad line is what a line-by-line reading would have met first.
      failure = this.firstTwice(this.builder.sameIds(error.lineNumber - 1, this.index.streams.size)) ?? error;
    }
    this.discard();
    this.failure = failure instanceof LedgerLineError ? new CorruptLedgerError(this.path, failure) : failure instanceof Error ? failure : new Error(String(failure));
    return this.failure;
  }

  /** Of the pairs of lines whose ids hash alike, the one whose later line comes first and holds the same id. */
  private firstTwice(pairs: readonly (readonly [number, number])[]): LedgerLineError | undefined {
    const ends = (line: number): [number, number] => [this.builder.startOf(line), line < this.builder.lines ? this.builder.startOf(line + 1) : this.bytes];
    const twice = pairs
      .map(([a, b]) => ({ line: b, id: eventIdOn(this.path, ...ends(b)), first: eventIdOn(this.path, ...ends(a)) }))
      .filter((pair) => pair.id !== undefined && pair.id === pair.first)
      .sort((x, y) => x.line - y.line)[0];
    return twice === undefined ? undefined : storedTwice(twice.line, twice.id ?? '');
  }
}
