import { assertValidAppend, type StreamWrite } from '@collective-ledger/core';
import type { Queryable } from './database.js';
import { eventJson } from './rows.js';
import { writeLockKey } from './sql/lock.js';
import type { EventStatements } from './sql/statements.js';

/** Events per `import_events` call: big enough to amortise the round trip, small enough to parse quickly. */
const CHUNK = 2_000;

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
  let chunk: string[] = [];
  let count = 0n;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const [row] = await tx.query<{ count: string | bigint }>(sql.importChunk, [`[${chunk.join(',')}]`]);
    count += BigInt(row?.count ?? 0);
    chunk = [];
  };
  for await (const write of writes) {
    assertValidAppend(write.streamId, write.events);
    for (const event of write.events) chunk.push(eventJson(event, recordedAt, write.streamId));
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
  return count;
};
