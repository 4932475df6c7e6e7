import { assertValidAppend, type StreamWrite } from '@collective-ledger/core';
import type { Queryable } from './database.js';
import { metadataJson } from './rows.js';
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
}

/**
 * Write an import inside the caller's transaction: take the write lock exclusive
 * (so no append interleaves and global order stays commit order), then send
 * the events in chunks. Each write is checked like an append before it is sent.
 */
export const importWrites = async (tx: Queryable, target: ImportTarget, writes: AsyncIterable<StreamWrite>): Promise<bigint> => {
  const { sql, schema, recordedAt } = target;
  await tx.query(sql.lockExclusive, writeLockKey(schema));
  let chunk = emptyChunk();
  let count = 0n;
  const flush = async (): Promise<void> => {
    if (chunk.ids.length === 0) return;
    const [row] = await tx.query<{ count: string | bigint }>(sql.importChunk, [chunk.streams, chunk.ids, chunk.types, chunk.data, chunk.metadata]);
    count += BigInt(row?.count ?? 0);
    chunk = emptyChunk();
  };
  for await (const write of writes) {
    assertValidAppend(write.streamId, write.events);
    for (const event of write.events) {
      chunk.streams.push(write.streamId);
      chunk.ids.push(event.metadata.eventId);
      chunk.types.push(event.type);
      chunk.data.push(JSON.stringify(event.data));
      chunk.metadata.push(metadataJson(event, recordedAt));
    }
    if (chunk.ids.length >= CHUNK) await flush();
  }
  await flush();
  return count;
};
