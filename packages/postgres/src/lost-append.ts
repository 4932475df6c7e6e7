import type { NewEvent } from '@collective-ledger/core';
import type { Queryable } from './database.js';
import { readRetryingOnce } from './retry.js';
import type { AppendStatements } from './sql/append.js';

interface PlacedRow {
  readonly id: string;
  readonly stream_id: string;
  readonly stream_position: string | bigint;
  readonly global_position: string | bigint;
}

export interface CommittedWrite {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /** The position the events were sealed after. */
  readonly base: bigint;
}

/**
 * The rows an append wrote, when its connection died after the statement was
 * sent and it was committed all the same; undefined when it was not. The
 * statement is the append's whole transaction, so either all its events are
 * stored or none: stored in its stream at the positions they were sealed
 * for, it is this append's work (an event id is stored once only).
 */
export const committedRowsOf = async (
  db: Queryable,
  statements: AppendStatements,
  write: CommittedWrite,
): Promise<{ stream_position: bigint; global_position: bigint }[] | undefined> => {
  const ids = write.events.map((event) => event.metadata.eventId.toLowerCase());
  const rows = await readRetryingOnce(() => db.query<PlacedRow>(statements.storedIds, [ids]));
  const byId = new Map(rows.map((row) => [row.id.toLowerCase(), row]));
  const placed = ids.map((id, i) => {
    const row = byId.get(id);
    const position = write.base + 1n + BigInt(i);
    return row?.stream_id === write.streamId && BigInt(row.stream_position) === position
      ? { stream_position: position, global_position: BigInt(row.global_position) }
      : undefined;
  });
  return placed.every((row) => row !== undefined) ? placed : undefined;
};
