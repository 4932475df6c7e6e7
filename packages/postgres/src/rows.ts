import type { EventMetadata, JsonObject, RecordedEvent } from '@collective-ledger/core';

/** A row of `events` as both drivers return it: int8 as a string (pg) or a bigint (PGlite), jsonb parsed. */
export interface EventRow {
  readonly global_position: string | bigint;
  readonly stream_id: string;
  readonly stream_position: string | bigint;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
}

export const toRecorded = (row: EventRow): RecordedEvent => ({
  streamId: row.stream_id,
  streamPosition: BigInt(row.stream_position),
  globalPosition: BigInt(row.global_position),
  type: row.type,
  data: row.data,
  metadata: row.metadata,
});
