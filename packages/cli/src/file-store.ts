import {
  assertValidAppend,
  storeLimitsOf,
  checkedCommandId,
  checkExpectedRevision,
  DuplicateEventError,
  ledgerLine,
  sealEvents,
  StoreClosedError,
  streamReadOf,
  type AppendOptions,
  type AppendResult,
  type BulkImportingStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoreLimits,
  type RecordedEvent,
  type StreamWrite,
} from '@collective-ledger/core';
import { acquireLock, type FileLock } from './file-lock.js';
import { isBlank, parseStoredLine, readFileLines } from './file-lines.js';
import { readCommandLines, readStreamLines, type LedgerView } from './file-reads.js';
import { loadLedgerFile, type LedgerFileState } from './file-scan.js';
import { LedgerFileWriter } from './file-writer.js';
import { StagedImport } from './staged-import.js';

export interface FileEventStoreOptions {
  /** Accept a missing file: the ledger starts empty and the first write creates it. */
  readonly create?: boolean;
  /** Told when opening repaired the file (a torn last line, an unfinished import). */
  readonly onWarning?: (message: string) => void;
  /** The clock that stamps `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** What the store accepts of an event's content (the kernel's `StoreLimits`); the defaults when absent. */
  readonly limits?: Partial<StoreLimits>;
}

/** `--store` names a ledger file that is not there. */
export class LedgerNotFoundError extends Error {
  override readonly name = 'LedgerNotFoundError';
  readonly code = 'LEDGER_NOT_FOUND';
  constructor(readonly path: string) {
    super(`no ledger at ${path} (an import creates one)`);
  }
}

/** A line of the file with its line number: its global position. */
interface StoredEntry extends ReturnType<typeof parseStoredLine> {
  readonly lineNumber: number;
}

const toRecorded = (entry: StoredEntry, streamPosition: bigint): RecordedEvent => ({
  streamId: entry.streamId,
  streamPosition,
  globalPosition: BigInt(entry.lineNumber),
  type: entry.type,
  data: entry.data,
  metadata: entry.metadata,
});

/**
 * An event store that IS one NDJSON ledger file (docs/ledger-format.md): one
 * event per line in global order; an event's global position is its line
 * number. Opening scans the file once (streaming) for stream revisions, event
 * ids and an index of where each stream's and each command id's events are
 * (file-index.ts): `readStream` and `readCommand` read just those lines at
 * their offsets, `readAll` streams the file. Appends are serialized in the process,
 * checked, then written in one write and fsynced. `importAll` writes after the
 * end and cuts the file back on any error. `<path>.lock` keeps other processes out.
 */
export class FileEventStore implements BulkImportingStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private closed = false;
  private readonly writer: LedgerFileWriter;
  private readonly view: LedgerView;

  private constructor(
    readonly path: string,
    private readonly lock: FileLock,
    private readonly state: LedgerFileState,
    private readonly settings: { readonly now: () => Date; readonly limits: StoreLimits },
  ) {
    this.writer = new LedgerFileWriter(path, state);
    this.view = { path, index: state.index, committedBytes: () => state.bytes };
  }

  static async open(path: string, options: FileEventStoreOptions = {}): Promise<FileEventStore> {
    const lock = await acquireLock(path);
    try {
      const state = await loadLedgerFile(path, options.onWarning ?? (() => undefined));
      if (!state.exists && options.create !== true) throw new LedgerNotFoundError(path);
      return new FileEventStore(path, lock, state, { now: options.now ?? (() => new Date()), limits: storeLimitsOf(options.limits) });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Events stored. */
  get size(): number {
    return this.state.events;
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closing !== undefined) return Promise.reject(new StoreClosedError());
    return this.serialize(() => this.appendNow(streamId, events, options.expectedRevision ?? 'any'));
  }

  /** Everything is checked as it is written after the end of the file; on any error the file is cut back. */
  importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    if (this.closing !== undefined) return Promise.reject(new StoreClosedError());
    return this.serialize(() => this.importNow(writes));
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    yield* readStreamLines(this.view, streamId, streamReadOf(options));
  }

  readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    try {
      this.assertOpen();
      return readCommandLines(this.view, checkedCommandId(commandId));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const from = options.fromPosition ?? 0n;
    // Stream positions are not in the file: count them from the start.
    const positions = new Map<string, bigint>();
    for await (const entry of this.entries()) {
      const position = positions.get(entry.streamId) ?? 0n;
      positions.set(entry.streamId, position + 1n);
      if (BigInt(entry.lineNumber) >= from) yield toRecorded(entry, position);
    }
  }

  /** Let queued writes finish, then release the file and its lock. */
  close(): Promise<void> {
    this.closing ??= this.serialize(async () => {
      this.closed = true;
      await this.writer.close();
      await this.lock.release();
    });
    return this.closing;
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertOpen(): void {
    if (this.closing !== undefined || this.closed) throw new StoreClosedError();
  }

  private async appendNow(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (this.closed) throw new StoreClosedError();
    assertValidAppend(streamId, events, this.settings.limits);
    const seen = events.map((e) => e.metadata.eventId).filter((id) => this.state.eventIds.has(id));
    if (seen.length > 0) throw new DuplicateEventError(seen);
    const current = this.state.revisions.get(streamId);
    checkExpectedRevision(streamId, expected, current);
    const head = { position: current ?? -1n, hash: this.state.heads.get(streamId) ?? null };
    const sealed = sealEvents(streamId, events, head, this.settings.now().toISOString());
    const lines = events.map((event, i) =>
      Buffer.from(ledgerLine({ streamId, type: event.type, data: event.data, metadata: sealed.metadata[i] ?? event.metadata }), 'utf8'),
    );
    const buffer = Buffer.concat(lines);
    await this.writer.append(buffer);
    const revision = (current ?? -1n) + BigInt(events.length);
    this.state.revisions.set(streamId, revision);
    this.state.heads.set(streamId, sealed.head.hash);
    events.forEach((event, i) => {
      this.state.eventIds.add(event.metadata.eventId);
      this.state.lines = this.state.index.addLine(this.state.bytes);
      this.state.index.addEvent(this.state.lines, streamId, event.metadata.commandId);
      this.state.bytes += lines[i]?.length ?? 0;
    });
    this.state.events += events.length;
    return { nextExpectedRevision: revision, lastGlobalPosition: BigInt(this.state.lines) };
  }

  private async importNow(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    if (this.closed) throw new StoreClosedError();
    const staged = new StagedImport(this.state, this.settings.now, this.settings.limits);
    const session = await this.writer.begin();
    try {
      for await (const write of writes) await session.write(staged.add(write));
      const bytes = await session.finish();
      staged.commit(bytes);
    } catch (error) {
      await session.abort();
      throw error;
    }
    return { events: BigInt(staged.events) };
  }

  /** The file's events in order, up to its committed end, including what is appended while reading. */
  private async *entries(): AsyncIterable<StoredEntry> {
    let start = 0;
    let firstLine = 1;
    while (start < this.state.bytes) {
      const end = this.state.bytes;
      const lastLine = this.state.lines;
      for await (const line of readFileLines(this.path, start, end, firstLine)) {
        if (!isBlank(line.text)) yield { ...parseStoredLine(this.path, line.text, line.lineNumber), lineNumber: line.lineNumber };
      }
      start = end;
      firstLine = lastLine + 1;
    }
  }
}
