import { jsonEvent, type EventData, type ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata, JsonObject, NewEvent, RecordedEvent } from '@collective-ledger/core';

/**
 * How an event is kept in EventStoreDB: its kernel event id is the
 * server's event id, its type the server's type, `data` the JSON body and the
 * kernel's metadata (with `recordedAt` and the chain hash `sealEvents` gave it)
 * the JSON metadata.
 */
export const clientEventOf = (event: NewEvent, metadata: EventMetadata): EventData =>
  jsonEvent({ id: metadata.eventId, type: event.type, data: event.data, metadata: metadata as unknown as JsonObject });

/** A record of a `$`-prefixed stream or type: the server's own, never the books'. */
export const isSystemRecord = (streamId: string, type: string): boolean => streamId.startsWith('$') || type.startsWith('$');

/** Why a record read back cannot be one of the books' events, or `undefined` when it can. */
const problemOf = (resolved: ResolvedEvent): string | undefined => {
  const event = resolved.event;
  if (event === undefined) return 'it is a link to an event that is gone';
  if (!event.isJson) return 'it is not JSON';
  if (event.position === undefined) return 'the server gave it no position';
  // Another program may have written anything: the types say what the books write, not what is there.
  const data: unknown = event.data;
  const metadata: unknown = event.metadata;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'its data is not a JSON object';
  if (typeof metadata !== 'object' || metadata === null) return 'it has no JSON metadata';
  return undefined;
};

/** A record that is not an event of the books, in a stream that should hold only those. */
export class ForeignRecordError extends Error {
  override readonly name = 'ForeignRecordError';
  readonly code = 'FOREIGN_RECORD';
  constructor(streamId: string, revision: bigint, reason: string) {
    super(`stream ${streamId}, revision ${revision}: ${reason}, so it is not an event of the books (written by another program?)`);
  }
}

/** A stored record as the kernel's `RecordedEvent`: the global position is the commit position. */
export const recordedOf = (resolved: ResolvedEvent): RecordedEvent => {
  const problem = problemOf(resolved);
  const event = resolved.event;
  if (problem !== undefined || event === undefined) {
    throw new ForeignRecordError(event?.streamId ?? resolved.link?.streamId ?? '?', event?.revision ?? -1n, problem ?? 'it is empty');
  }
  return {
    streamId: event.streamId,
    streamPosition: event.revision,
    globalPosition: event.position?.commit ?? 0n,
    type: event.type,
    data: event.data as JsonObject,
    metadata: event.metadata as unknown as EventMetadata,
  };
};
