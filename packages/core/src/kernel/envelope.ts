import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Id, IsoDate, IsoDateTime, NonEmptyString, PositiveInteger, refinedString } from '../codecs/primitives.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import type { NewEvent } from './event.js';
import { CHAIN_HASH_PATTERN } from './chain.js';
import { DuplicateEventError, InvalidAppendError } from './errors.js';
import { contentProblemOf, DEFAULT_STORE_LIMITS, quoted, type StoreLimits } from './limits.js';

const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined]);

/** A chain hash, `sha256:` and 64 lowercase hex digits (kernel/chain.ts). */
export const ChainHashCodec = refinedString<{ readonly chainHash: unique symbol }>(
  'a chain hash sha256:<64 lowercase hex digits>',
  (s) => CHAIN_HASH_PATTERN.test(s),
);

/**
 * Every metadata key an event may carry, in the order ledger files write them.
 * Any other key is refused: a store would otherwise keep it or drop it by its
 * own rules, and every store must hash the same fields.
 */
export const EVENT_METADATA_KEYS = [
  'eventId',
  'occurredOn',
  'recordedAt',
  'actor',
  'commandId',
  'correlationId',
  'causationId',
  'commandDigest',
  'schemaVersion',
  'hash',
] as const;

const KNOWN_METADATA_KEYS: ReadonlySet<string> = new Set(EVENT_METADATA_KEYS);

const LOWER_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EVENT_TYPE = /^\p{L}[\p{L}\p{N}_.:-]{0,99}$/u;

/**
 * An event id: a UUID in its canonical form, lower case. Ids differing only in
 * case would be one event to PostgreSQL's uuid type and two to a store that
 * compares text, so every store refuses any other spelling.
 */
export const EventIdCodec = refinedString<{ readonly eventId: unique symbol }>(
  'a UUID in lower case (canonical form, such as 3f2b8c1e-...)',
  (s) => LOWER_UUID.test(s),
);
/** An event type's name: a letter (of any script), then letters, digits or `_ . : -`, at most 100 characters. */
export const EventTypeCodec = refinedString<{ readonly eventType: unique symbol }>(
  'an event type name (a letter, then letters, digits, _ . : -, at most 100 characters)',
  (s) => EVENT_TYPE.test(s),
);
/** The metadata of a new event, as the wire and the stores accept it. */
export const NewEventMetadataCodec = t.intersection([
  t.type({
    eventId: EventIdCodec,
    occurredOn: IsoDate,
    actor: NonEmptyString,
    schemaVersion: PositiveInteger,
  }),
  t.partial({
    recordedAt: optional(IsoDateTime),
    commandId: optional(NonEmptyString),
    correlationId: optional(NonEmptyString),
    causationId: optional(NonEmptyString),
    commandDigest: optional(NonEmptyString),
    hash: optional(ChainHashCodec),
  }),
]);

const JsonObjectCodec = new t.Type<Record<string, unknown>, Record<string, unknown>, unknown>(
  'a JSON object',
  (u): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u),
  (u, c) =>
    typeof u === 'object' && u !== null && !Array.isArray(u)
      ? t.success(u as Record<string, unknown>)
      : t.failure(u, c, 'expected a JSON object'),
  (a) => a,
);

/** `<category>-<id>`, or any id-shaped name. */
export const StreamIdCodec = Id;

export const NewEventCodec = t.type({
  type: EventTypeCodec,
  data: JsonObjectCodec,
  metadata: NewEventMetadataCodec,
});

const unknownMetadataKey = (metadata: object): string | undefined => {
  for (const key in metadata) if (!KNOWN_METADATA_KEYS.has(key)) return key;
  return undefined;
};

/**
 * Check a batch before a store writes anything: stream id, event types,
 * metadata (no key it does not know, a lower-case event id), data being an
 * object, the content every store can keep alike (limits.ts: no U+0000 or
 * unpaired surrogate, no `__proto__` key, nothing deeper, longer or larger
 * than `limits`), and no event id twice in the batch. Every adapter calls this
 * first, with its own limits, so bad input never reaches storage and every
 * store refuses it with the same message.
 */
export const assertValidAppend = (streamId: string, events: readonly NewEvent[], limits: StoreLimits = DEFAULT_STORE_LIMITS): void => {
  if (isLeft(StreamIdCodec.decode(streamId))) {
    throw new InvalidAppendError(`streamId: expected ${StreamIdCodec.name}, got ${typeof streamId === 'string' ? quoted(streamId) : typeof streamId}`);
  }
  const raw: unknown = events;
  if (!Array.isArray(raw) || events.length === 0) {
    throw new InvalidAppendError(`stream ${streamId}: an append needs at least one event`);
  }
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const result = NewEventCodec.decode(event);
    if (isLeft(result)) {
      const problems = formatValidationErrors(result.left, `events[${index}]`);
      throw new InvalidAppendError(`stream ${streamId}: ${problems.join('; ')}`);
    }
    const unknown = unknownMetadataKey(event.metadata);
    if (unknown !== undefined) {
      throw new InvalidAppendError(`stream ${streamId}: events[${index}].metadata.${unknown}: unknown metadata key (known: ${EVENT_METADATA_KEYS.join(', ')})`);
    }
    const problem = contentProblemOf(event, limits);
    if (problem !== undefined) throw new InvalidAppendError(`stream ${streamId}: events[${index}]${problem.path === '' ? '' : `.${problem.path}`}: ${problem.reason}`);
    const id = event.metadata.eventId;
    if (ids.has(id)) throw new DuplicateEventError([id]);
    ids.add(id);
  });
};
