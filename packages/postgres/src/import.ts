import { assertValidAppend, ChainBrokenError, EMPTY_CHAIN, sealEvents, type ChainHead, type SealedBatch, type StoreLimits, type StreamWrite } from '@collective-ledger/core';
import type { Queryable } from './database.js';
import { storedDuplicateOf } from './duplicates.js';
import { writeLockKey } from './sql/lock.js';
import type { EventStatements } from './sql/statements.js';

/** Events per `import_events` call: big enough to amortise the round trip, small enough to parse quickly. */
const CHUNK = 2_000;

/** A chunk as the import function takes it: one array per column. */
const emptyChunk = () => ({ streams: [] as string[], ids: [] as string[], types: [] as string[], data: [] as string[], metadata: [] as string[] });

export interface ImportTarget {
  readonly sql: EventStatements;
  readonly schema: string;
  readonly recordedAt: string;
  readonly limits: StoreLimits;
}

/** What an import wrote: its events, and the head of every stream it wrote to (to remember once it commits). */
export interface ImportResult {
  readonly count: bigint;
  readonly heads: ReadonlyMap<string, ChainHead>;
}

interface HeadRow {
  readonly position: string | bigint;
  readonly hash: string | null;
}

/**
 * Write an import inside the caller's transaction: take the write lock exclusive
 * (so no append interleaves and global order stays commit order), then send
 * the events in chunks. Each write is checked like an append and sealed after
 * its stream's head (read once per stream; the lock keeps it still) before
 * it is sent, so a wrong carried hash fails the import naming that event.
 * `import_events` places each stream's events after what the stream holds:
 * the positions sealed here.
 */
export const importWrites = async (tx: Queryable, target: ImportTarget, writes: AsyncIterable<StreamWrite>): Promise<ImportResult> => {
  const { sql, schema, recordedAt, limits } = target;
  await tx.query(sql.lockExclusive, writeLockKey(schema));
  const heads = new Map<string, ChainHead>();
  const headOf = async (streamId: string): Promise<ChainHead> => {
    const known = heads.get(streamId);
    if (known !== undefined) return known;
    const [row] = await tx.query<HeadRow>(sql.append.head, [streamId]);
    return row === undefined ? EMPTY_CHAIN : { position: BigInt(row.position), hash: row.hash };
  };
  let chunk = emptyChunk();
  let count = 0n;
  const flush = async (): Promise<void> => {
    if (chunk.ids.length === 0) return;
    const [row] = await tx.query<{ count: string | bigint }>(sql.importChunk, [chunk.streams, chunk.ids, chunk.types, chunk.data, chunk.metadata]);
    count += BigInt(row?.count ?? 0);
    chunk = emptyChunk();
  };
  for await (const write of writes) {
    assertValidAppend(write.streamId, write.events, limits);
    let sealed: SealedBatch;
    try {
      sealed = sealEvents(write.streamId, write.events, await headOf(write.streamId), recordedAt);
    } catch (error) {
      // An event stored before (or earlier in this import, once flushed) is a duplicate first, as on every store.
      if (!(error instanceof ChainBrokenError)) throw error;
      await flush();
      throw (await storedDuplicateOf(tx, sql.append, write.events)) ?? error;
    }
    heads.set(write.streamId, sealed.head);
    write.events.forEach((event, i) => {
      chunk.streams.push(write.streamId);
      chunk.ids.push(event.metadata.eventId);
      chunk.types.push(event.type);
      chunk.data.push(JSON.stringify(event.data));
      chunk.metadata.push(JSON.stringify(sealed.metadata[i]));
    });
    if (chunk.ids.length >= CHUNK) await flush();
  }
  await flush();
  return { count, heads };
};
