import type { EventMetadata, ExpectedRevision, JsonObject, NewEvent, RecordedEvent } from '@collective-ledger/core';

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

/** The metadata as stored: `recordedAt` stamped unless the event brings one. */
export const metadataJson = (event: NewEvent, recordedAt: string): string =>
  JSON.stringify({ ...event.metadata, recordedAt: event.metadata.recordedAt ?? recordedAt });

/** The expected revision as the append statement takes it: a keyword, and the exact revision when there is one. */
export const expectedParams = (expected: ExpectedRevision): [string, string | null] =>
  typeof expected === 'bigint' ? ['exact', expected.toString()] : [expected, null];
