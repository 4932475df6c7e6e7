import { encodedString, sha256Hex } from './chain.js';
import { batchChainedText, canonicalMetadata, streamPart } from './seal-text.js';
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

/** Below this, a stream position and every position a batch adds to it are exact as JS numbers. */
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER) - 2n ** 32n;

/** The head of a stream that has no events. */
export const EMPTY_CHAIN: ChainHead = Object.freeze({ position: -1n, hash: null });

/** The head of a stream whose last event is `event`. */
export const chainHeadOf = (event: Pick<RecordedEvent, 'streamPosition' | 'metadata'>): ChainHead => ({
  position: event.streamPosition,
  hash: event.metadata.hash ?? null,
});

/**
 * A plain object (its prototype is Object.prototype, as `{}`'s is) that V8
 * lays out with room inside it for every metadata key: keys added to `{}`
 * beyond the fourth go to a second, separate array, some 24 more bytes for
 * each of the million events a store may hold.
 */
const MetadataObject = function MetadataObject() {} as unknown as new () => object;
MetadataObject.prototype = Object.prototype;

/**
 * Metadata as it reads back from JSON: absent keys left out, `recordedAt`
 * stamped unless the event brings one, no `hash` yet. `keys` is how many it has.
 * A string equal to the same key's in the batch's event before (its date,
 * actor, command) is that event's string, so a store keeps one of them.
 */
class StoredMetadata {
  keys = 0;
  private previous: Readonly<Record<string, string | number>> | undefined;

  of(metadata: NewEventMetadata, recordedAt: string): Record<string, string | number> {
    const stored = new MetadataObject() as Record<string, string | number>;
    const previous = this.previous;
    let keys = 0;
    for (const key in metadata) {
      const value = metadata[key as keyof NewEventMetadata];
      if (value !== undefined && key !== 'hash') {
        const before = previous?.[key];
        stored[key] = before === value ? before : value;
        keys += 1;
      }
    }
    this.previous = stored;
    // `??=`: a recordedAt of null (nothing valid has one) is replaced too.
    const given: unknown = stored['recordedAt'];
    if (given === undefined || given === null) {
      stored['recordedAt'] = recordedAt;
      if (given === undefined) keys += 1;
    }
    this.keys = keys;
    return stored;
  }
}

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
  const stored = new StoredMetadata();
  const stream = streamPart(streamId);
  // Positions are written from a number while they are exact in one, as they always are.
  const exact = head.position < MAX_EXACT;
  const first = Number(head.position) + 1;
  let previous = head.hash;
  let previousText = previous === null ? 'null' : encodedString(previous);
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as NewEvent;
    const metadata = stored.of(event.metadata, recordedAt);
    const position = exact ? String(first + i) : (head.position + BigInt(i + 1)).toString();
    const hash = `sha256:${sha256Hex(batchChainedText(event, canonicalMetadata(metadata, stored.keys), previousText, stream + position))}`;
    const carried = event.metadata.hash;
    if (carried !== undefined && carried !== hash) {
      throw new ChainBrokenError({ streamId, streamPosition: head.position + BigInt(i + 1), eventId: event.metadata.eventId, carried, computed: hash });
    }
    // Flattened now (`sha256:` and the digits were two strings joined), so the collector keeps one string for it, not three.
    hash.charCodeAt(0);
    metadata['hash'] = hash;
    sealed.push(metadata as unknown as EventMetadata);
    previous = hash;
    // A hash this function made is sha256: and hex digits: nothing in it to escape.
    previousText = `"${hash}"`;
  }
  return { metadata: sealed, head: { position: head.position + BigInt(events.length), hash: previous } };
};
