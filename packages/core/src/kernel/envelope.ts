import { Id } from '../codecs/primitives.js';
import type { NewEvent } from './event.js';
import { codecProblemOf, StreamIdCodec } from './envelope-codecs.js';
import { isCertainlyValidEvent } from './envelope-check.js';
import { DuplicateEventError, InvalidAppendError } from './errors.js';
import { DEFAULT_STORE_LIMITS, quoted, type StoreLimits } from './limits.js';

export {
  ChainHashCodec,
  EVENT_METADATA_KEYS,
  EventIdCodec,
  EventTypeCodec,
  NewEventCodec,
  NewEventMetadataCodec,
  StreamIdCodec,
} from './envelope-codecs.js';

/** Up to this many events, a batch is searched for a repeated id pair by pair: no Set to make. */
const SMALL_BATCH = 16;

/** Whether event `index`'s id is one an earlier event of the batch has (`ids` holds them in a large batch). */
const repeatsAnId = (events: readonly NewEvent[], index: number, id: string, ids: Set<string> | undefined): boolean => {
  if (ids !== undefined) {
    if (ids.has(id)) return true;
    ids.add(id);
    return false;
  }
  // The last character first: ids made in sequence differ there, random ones anywhere.
  const last = id.charCodeAt(id.length - 1);
  for (let j = 0; j < index; j += 1) {
    const other = events[j]?.metadata.eventId;
    if (other?.charCodeAt(other.length - 1) === last && other === id) return true;
  }
  return false;
};

/** The hand-written checks, and the codecs when those are not sure: the codecs' refusal if there is one. */
const assertValidEvent = (streamId: string, event: unknown, index: number, limits: StoreLimits): void => {
  if (isCertainlyValidEvent(event, limits)) return;
  const problem = codecProblemOf(streamId, event, index, limits);
  if (problem !== undefined) throw new InvalidAppendError(problem);
};

/**
 * Check a batch before a store writes anything: stream id, event types,
 * metadata (no key it does not know, a lower-case event id), data being an
 * object, the content every store can keep alike (limits.ts: no U+0000 or
 * unpaired surrogate, no `__proto__` key, nothing deeper, longer or larger
 * than `limits`), and no event id twice in the batch. Every adapter calls this
 * first, with its own limits, so bad input never reaches storage and every
 * store refuses it with the same message.
 *
 * The codecs of envelope-codecs.ts say what is valid and word every refusal;
 * an event the hand-written checks of envelope-check.ts accept outright (the
 * usual case) is not decoded by them at all.
 */
export const assertValidAppend = (streamId: string, events: readonly NewEvent[], limits: StoreLimits = DEFAULT_STORE_LIMITS): void => {
  if (!Id.is(streamId)) {
    throw new InvalidAppendError(`streamId: expected ${StreamIdCodec.name}, got ${typeof streamId === 'string' ? quoted(streamId) : typeof streamId}`);
  }
  const raw: unknown = events;
  if (!Array.isArray(raw) || events.length === 0) {
    throw new InvalidAppendError(`stream ${streamId}: an append needs at least one event`);
  }
  const ids = events.length > SMALL_BATCH ? new Set<string>() : undefined;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    // A hole in a sparse array is no event (as forEach skips it).
    if (event === undefined && !(index in events)) continue;
    assertValidEvent(streamId, event, index, limits);
    const id = (event as NewEvent).metadata.eventId;
    if (repeatsAnId(events, index, id, ids)) throw new DuplicateEventError([id]);
  }
};
