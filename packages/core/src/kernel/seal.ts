import { eventHash } from './chain.js';
import { ChainBrokenError } from './errors.js';
import type { EventMetadata, NewEvent, NewEventMetadata, RecordedEvent } from './event.js';

/**
 * Where a stream's chain stands: the position of its last event (-1 when it
 * has none) and that event's hash (null when it has none, or when the event
 * was stored before hashes existed: the chain then starts again from null).
 */
export interface ChainHead {
  readonly position: bigint;
  readonly hash: string | null;
}

/** The head of a stream that has no events. */
export const EMPTY_CHAIN: ChainHead = Object.freeze({ position: -1n, hash: null });

/** The head of a stream whose last event is `event`. */
export const chainHeadOf = (event: Pick<RecordedEvent, 'streamPosition' | 'metadata'>): ChainHead => ({
  position: event.streamPosition,
  hash: event.metadata.hash ?? null,
});

/** Metadata as it reads back from JSON: absent keys left out, `recordedAt` stamped unless the event brings one. */
const storedMetadata = (metadata: NewEventMetadata, recordedAt: string): Record<string, string | number> => {
  const stored: Record<string, string | number> = {};
  for (const key in metadata) {
    const value = metadata[key as keyof NewEventMetadata];
    if (value !== undefined && key !== 'hash') stored[key] = value;
  }
  stored['recordedAt'] ??= recordedAt;
  return stored;
};

/** The metadata to store for each event of a batch, and the stream's head after it. */
export interface SealedBatch {
  readonly metadata: EventMetadata[];
  readonly head: ChainHead;
}

/**
 * What a store keeps as the metadata of each event it appends or imports to
 * `streamId`, whose chain stands at `head`: `recordedAt` stamped unless the
 * event carries one, then the chain hash over it all (`eventHash`). An event
 * that carries a hash (an exported ledger imported again) must carry exactly
 * that one, or the batch is refused with ChainBrokenError before anything is
 * written. Every store calls this, so every store seals the same way.
 */
export const sealEvents = (streamId: string, events: readonly NewEvent[], head: ChainHead, recordedAt: string): SealedBatch => {
  const sealed: EventMetadata[] = [];
  let position = head.position;
  let previous = head.hash;
  for (const event of events) {
    position += 1n;
    const metadata = storedMetadata(event.metadata, recordedAt);
    const hash = eventHash({ streamId, streamPosition: position, type: event.type, data: event.data, metadata }, previous);
    const carried = event.metadata.hash;
    if (carried !== undefined && carried !== hash) {
      throw new ChainBrokenError({ streamId, streamPosition: position, eventId: event.metadata.eventId, carried, computed: hash });
    }
    metadata['hash'] = hash;
    sealed.push(metadata as unknown as EventMetadata);
    previous = hash;
  }
  return { metadata: sealed, head: { position, hash: previous } };
};
