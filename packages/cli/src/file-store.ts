import {
  storeLimitsOf,
  checkedCommandId,
  StoreClosedError,
  streamReadOf,
  type AppendOptions,
  type AppendResult,
  type BatchReadingStore,
  type BulkImportingStore,
  type NewEvent,
  type NotifyingStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamWrite,
  type WaitForEventsOptions,
} from '@collective-ledger/core';
import { appendBatch, importWrites, type Commit } from './file-append.js';
import { ReadOnlyLedgerError } from './file-errors.js';
import { appendSignalOf, waitForChange } from './file-follow.js';
import { removeLeftoverParts } from './file-index-file.js';
import type { LedgerState } from './file-load.js';
import { acquireLock, type FileLock } from './file-lock.js';
import { readLog, type LogSource } from './file-read-all.js';
import { readCommandLines, readStreamLines, type LedgerView } from './file-reads.js';
import { repairLedgerFile, sizeOf } from './file-repair.js';
import { StoreState } from './file-state.js';
import { LedgerFileWriter } from './file-writer.js';
import { LedgerNotFoundError, type FileEventStoreOptions, type Settings } from './file-store-options.js';

export { LedgerNotFoundError, type FileEventStoreOptions } from './file-store-options.js';

/**
 * An event store that IS one NDJSON ledger file (docs/ledger-format.md): one
 * event per line in global order; an event's global position is its line
 * number. Opening reads nothing but the end of the file (to repair what a
 * crash left). The first read or append loads what the store needs: from the
 * index file beside the ledger (`<ledger>.index`, file-index-format.ts) when
 * it still describes the file, otherwise by one scan that checks every line
 * and writes the index again (a first `readAll` is that scan). Memory holds
 * each stream's state and the lines since the index was last written, never
 * a record per event. Appends are serialized in the process, checked, then
 * written in one write and fsynced; `importAll` writes after the end and cuts
 * the file back on any error. `<path>.lock` keeps other writers out.
 */
export class FileEventStore implements BulkImportingStore, BatchReadingStore, NotifyingStore {
  private queue: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;
  private closed = false;
  private readonly loaded: StoreState;
  private readonly writer: LedgerFileWriter;
  private readonly source: LogSource;

  private constructor(
    readonly path: string,
    private readonly lock: FileLock | undefined,
    exists: boolean,
    private readonly settings: Settings,
  ) {
    this.loaded = new StoreState(path, exists, lock === undefined);
    this.writer = new LedgerFileWriter(path, () => this.ready());
    this.source = { path, ready: () => this.ready(), committedBytes: () => this.committedBytes(), build: () => this.loaded.scanToDrive() };
  }

  static async open(path: string, options: FileEventStoreOptions = {}): Promise<FileEventStore> {
    const settings = { now: options.now ?? (() => new Date()), limits: storeLimitsOf(options.limits), warn: options.onWarning ?? (() => undefined) };
    if (options.readOnly === true) {
      if ((await sizeOf(path)) === undefined) throw new LedgerNotFoundError(path);
      return new FileEventStore(path, undefined, true, settings);
    }
    const lock = await acquireLock(path);
    try {
      const size = await repairLedgerFile(path, settings.warn);
      if (size === undefined && options.create !== true) throw new LedgerNotFoundError(path);
      removeLeftoverParts(path);
      return new FileEventStore(path, lock, size !== undefined, settings);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Opened to read only (`readOnly`): no lock held, appends refused. */
  get readOnly(): boolean {
    return this.lock === undefined;
  }

  /** Events stored (loading the store first if nothing has yet). */
  get size(): number {
    return this.ready().events;
  }

  /**
   * Load now what the first read or append would (the index, or the scan of
   * the file that checks every line and writes it): a ledger the store
   * refuses is refused here, before anything is read from it.
   */
  load(): Promise<void> {
    try {
      this.assertOpen();
      this.ready();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closing !== undefined) return Promise.reject(new StoreClosedError());
    if (this.readOnly) return Promise.reject(new ReadOnlyLedgerError(this.path));
    return this.serialize(() => this.whenOpen(() => appendBatch(this.commit(), streamId, events, options.expectedRevision ?? 'any')));
  }

  /** Everything is checked as it is written after the end of the file; on any error the file is cut back. */
  importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    if (this.closing !== undefined) return Promise.reject(new StoreClosedError());
    if (this.readOnly) return Promise.reject(new ReadOnlyLedgerError(this.path));
    return this.serialize(() => this.whenOpen(() => importWrites(this.commit(), writes)));
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    yield* readStreamLines(this.view(), streamId, streamReadOf(options));
  }

  readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    try {
      this.assertOpen();
      return readCommandLines(this.view(), checkedCommandId(commandId));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const batch of this.readAllBatches(options)) yield* batch;
  }

  async *readAllBatches(options: ReadAllOptions & { readonly batchSize?: number } = {}): AsyncIterable<readonly RecordedEvent[]> {
    this.assertOpen();
    yield* readLog(this.source, options.fromPosition ?? 0n, options.batchSize ?? 1_000);
  }

  /** Resolves once the ledger may hold an event after `after`: an append here, a write by another process (followed with fs.watch), the timeout or an abort. */
  waitForEvents(after: bigint, options: WaitForEventsOptions = {}): Promise<void> {
    if (this.closing !== undefined || this.closed) return Promise.resolve();
    const current = (): boolean => {
      if (this.closed) return true;
      if (this.readOnly) this.committedBytes();
      return BigInt(this.ready().index.lastEvent) > after;
    };
    return waitForChange(this.path, options, current, this.readOnly);
  }

  /** Let queued writes finish, then release the file, its index and its lock. */
  close(): Promise<void> {
    this.closing ??= this.serialize(async () => {
      this.closed = true;
      this.loaded.close();
      await this.writer.close();
      await this.lock?.release();
      appendSignalOf(this.path).wakeAll();
    });
    return this.closing;
  }

  private ready(): LedgerState {
    return this.loaded.ready();
  }

  private committedBytes(): number {
    return this.loaded.committedBytes();
  }

  private view(): LedgerView {
    const bytes = this.committedBytes();
    const state = this.ready();
    return { path: this.path, index: state.index, committedBytes: () => (this.readOnly ? bytes : state.bytes) };
  }

  private commit(): Commit {
    return { path: this.path, state: this.ready(), writer: this.writer, now: this.settings.now, limits: this.settings.limits, warn: this.settings.warn };
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private whenOpen<T>(work: () => Promise<T>): Promise<T> {
    return this.closed ? Promise.reject(new StoreClosedError()) : work();
  }

  private assertOpen(): void {
    if (this.closing !== undefined || this.closed) throw new StoreClosedError();
  }
}
