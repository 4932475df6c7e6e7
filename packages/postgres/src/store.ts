import {
  AppendSignal,
  type NotifyingStore,
  type WaitForEventsOptions,
  assertValidAppend,
  storeLimitsOf,
  ChainBrokenError,
  chainHeadOf,
  checkedCommandId,
  StoreClosedError,
  streamReadOf,
  type AppendOptions,
  type AppendResult,
  type BatchReadingStore,
  type BulkImportingStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoreLimits,
  type RecordedEvent,
  type StreamWrite,
} from '@collective-ledger/core';
import type { Database } from './database.js';
import { checkedSchema, DEFAULT_SCHEMA } from './config.js';
import { appendErrorOf, connectionErrorOf } from './errors.js';
import { ChainHeads } from './heads.js';
import { importWrites } from './import.js';
import { migrate } from './migrate.js';
import { readRetryingOnce } from './retry.js';
import { toRecorded, type EventRow } from './rows.js';
import { firstStreamOutOfScope, scopeRefusalOf } from './scope-errors.js';
import { appendEvents, type AppendTarget } from './append.js';
import { eventStatements, type EventStatements } from './sql/statements.js';

/** The largest bigint: a backward read without `fromRevision` starts at the stream's end. */
const LAST_POSITION = 9_223_372_036_854_775_807n;

export interface PostgresEventStoreOptions {
  /** The schema that holds the tables (default `collective_ledger`); created by the migration. */
  readonly schema?: string;
  /** Events per read round trip (default 1,000). */
  readonly batchSize?: number;
  /** The clock that stamps `recordedAt`; tests pass a fixed one. */
  readonly now?: () => Date;
  /** What the store accepts of an event's content (the kernel's `StoreLimits`); the defaults when absent. */
  readonly limits?: Partial<StoreLimits>;
}

/**
 * The event store on PostgreSQL: the same SQL on a server (`pg.Pool`) and on
 * PGlite. An append is one prepared statement (one round trip, one
 * transaction; sql/append.ts); reads are pages of `batchSize` rows by key, so memory
 * stays constant however long the log is (docs/adapters/postgres.md).
 */
export class PostgresEventStore implements BulkImportingStore, BatchReadingStore, NotifyingStore {
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly sql: EventStatements;
  /** Heads of streams this store read or wrote lately: appends after them need no read (heads.ts). */
  private readonly heads = new ChainHeads();
  private readonly appended = new AppendSignal();
  private readonly target: AppendTarget;

  private constructor(
    readonly database: Database,
    readonly schema: string,
    private readonly batchSize: number,
    private readonly settings: { readonly now: () => Date; readonly limits: StoreLimits },
  ) {
    this.sql = eventStatements(schema);
    this.target = { database, statements: this.sql.append, heads: this.heads };
  }

  /** Migrate `database` (idempotent) and return a store on it. The store closes the database when closed. */
  static async open(database: Database, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const schema = checkedSchema(options.schema ?? DEFAULT_SCHEMA);
    try {
      await migrate(database, schema);
    } catch (error) {
      throw connectionErrorOf(error, database.location, `the migration of schema ${schema}`);
    }
    return new PostgresEventStore(database, schema, options.batchSize ?? 1_000, { now: options.now ?? (() => new Date()), limits: storeLimitsOf(options.limits) });
  }

  append(streamId: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      // Bad input is refused here, before any SQL runs.
      assertValidAppend(streamId, events, this.settings.limits);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const request = { streamId, events, expected: options.expectedRevision ?? 'any', recordedAt: this.settings.now().toISOString() };
    return appendEvents(this.target, request).then((result) => {
      this.appended.wakeAll();
      return result;
    });
  }

  /**
   * Resolves at once when the log holds events after `after`, else at the
   * next append through this store, or at the timeout: appends on other
   * connections are seen by that poll.
   */
  async waitForEvents(after: bigint, options: WaitForEventsOptions = {}): Promise<void> {
    if (this.closed) return;
    const waiting = this.appended.next(options);
    const rows = await this.select(this.sql.readAll, [(after + 1n).toString(), 1]);
    if (rows.length > 0) this.appended.wakeAll();
    await waiting;
  }

  /** Pages of `batchSize` rows by the stream index, forward or backward, never more than `maxCount` in all. */
  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const read = streamReadOf(options);
    const [statement, step] = read.backward ? [this.sql.readStreamBackward, -1n] : [this.sql.readStream, 1n];
    let from = read.from ?? (read.backward ? LAST_POSITION : 0n);
    for (let left = read.maxCount; left > 0 && from >= 0n; ) {
      this.assertOpen();
      const limit = Math.min(this.batchSize, left);
      const rows = await this.select(statement, [streamId, from.toString(), limit]);
      const newest = read.backward ? rows[0] : rows.at(-1);
      if (newest !== undefined) this.heads.note(streamId, chainHeadOf(toRecorded(newest)));
      for (const row of rows) yield toRecorded(row);
      const last = rows.at(-1);
      if (last === undefined || rows.length < limit) return;
      left -= rows.length;
      from = BigInt(last.stream_position) + step;
    }
  }

  /**
   * What the role of this connection is granted (`grant_scope`, migration 5):
   * `everything` for a role granted `'*'`, else the organizations granted (each
   * with every organization below it); nothing for the schema's owner, whom
   * the policies do not restrict. `scopedStore(store, { organizations })`
   * then refuses, with the messages of every store, what the server refuses.
   */
  async grantedScope(): Promise<{ readonly everything: boolean; readonly organizations: readonly string[] }> {
    this.assertOpen();
    const rows = await this.database
      .query<{ id: string }>({ name: '', text: `select g as id from ${this.schema}.granted_scope(current_user) as g` }, [])
      .catch((error: unknown) => {
        throw connectionErrorOf(error, this.database.location, 'the lookup of the granted organizations');
      });
    const ids = rows.map((row) => row.id);
    return { everything: ids.includes('*'), organizations: ids.filter((id) => id !== '*') };
  }

  /** One statement by the command id index (migration 3). */
  async readCommand(commandId: string): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const rows = await this.select(this.sql.readCommand, [checkedCommandId(commandId)]);
    return rows.map(toRecorded);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const batch of this.readAllBatches(options)) yield* batch;
  }

  /** `readAll` one page (`batchSize` events, by global position) per round trip. */
  async *readAllBatches(options: ReadAllOptions & { readonly batchSize?: number } = {}): AsyncIterable<readonly RecordedEvent[]> {
    const size = options.batchSize ?? this.batchSize;
    let from = options.fromPosition ?? 0n;
    for (;;) {
      this.assertOpen();
      const rows = await this.select(this.sql.readAll, [from.toString(), size]);
      const batch = rows.map(toRecorded);
      const last = batch.at(-1);
      if (last === undefined) return;
      yield batch;
      if (batch.length < size) return;
      from = last.globalPosition + 1n;
    }
  }

  /** Every stream of the import in one transaction under the append lock: all or nothing. */
  async importAll(writes: AsyncIterable<StreamWrite>): Promise<{ readonly events: bigint }> {
    this.assertOpen();
    const streams = new Set<string>();
    async function* noted(): AsyncIterable<StreamWrite> {
      for await (const write of writes) {
        streams.add(write.streamId);
        yield write;
      }
    }
    try {
      const target = { sql: this.sql, schema: this.schema, recordedAt: this.settings.now().toISOString(), limits: this.settings.limits };
      const imported = await this.database.transaction((tx) => importWrites(tx, target, noted()));
      for (const [streamId, head] of imported.heads) this.heads.note(streamId, head);
      this.appended.wakeAll();
      return { events: imported.count };
    } catch (error) {
      if (error instanceof ChainBrokenError) throw error;
      const outOfScope = await scopeRefusalOf(error, this.database, () => firstStreamOutOfScope(this.database, this.schema, [...streams]));
      throw outOfScope ?? appendErrorOf(error, []) ?? connectionErrorOf(error, this.database.location, 'the import');
    }
  }

  close(): Promise<void> {
    this.closed = true;
    this.appended.wakeAll();
    this.closing ??= this.database.close();
    return this.closing;
  }

  private async select(statement: EventStatements['readAll'], values: readonly unknown[]): Promise<EventRow[]> {
    try {
      // A read changes nothing: a stale pooled connection is retried once on a new one.
      return await readRetryingOnce(() => this.database.query<EventRow>(statement, values));
    } catch (error) {
      throw connectionErrorOf(error, this.database.location, 'a read');
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
