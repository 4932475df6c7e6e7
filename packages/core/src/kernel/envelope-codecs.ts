import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Id, IsoDate, IsoDateTime, NonEmptyString, PositiveInteger, refinedString } from '../codecs/primitives.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import { CHAIN_HASH_PATTERN } from './chain.js';
import type { NewEvent } from './event.js';
import { EVENT_TYPE_PATTERN, LOWER_UUID_PATTERN } from './envelope-check.js';
import { contentProblemOf, type StoreLimits } from './limits.js';

/**
 * The envelope of an event as io-ts codecs: the specification of what a store
 * accepts. `assertValidAppend` checks events by hand first (envelope-check.ts),
 * tested to give the same verdict as these codecs, and asks them why whenever
 * it does not accept an event outright.
 */

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

/**
 * An event id: a UUID in its canonical form, lower case. Ids differing only in
 * case would be one event to PostgreSQL's uuid type and two to a store that
 * compares text, so every store refuses any other spelling.
 */
export const EventIdCodec = refinedString<{ readonly eventId: unique symbol }>(
  'a UUID in lower case (canonical form, such as 3f2b8c1e-...)',
  (s) => LOWER_UUID_PATTERN.test(s),
);
/** An event type's name: a letter (of any script), then letters, digits or `_ . : -`, at most 100 characters. */
export const EventTypeCodec = refinedString<{ readonly eventType: unique symbol }>(
  'an event type name (a letter, then letters, digits, _ . : -, at most 100 characters)',
  (s) => EVENT_TYPE_PATTERN.test(s),
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
 * Why event `index` of an append to `streamId` cannot be stored, by the
 * codecs above and the content rules of limits.ts, as `assertValidAppend`
 * words it; undefined when it can. Every problem the codecs find is listed;
 * then an unknown metadata key, then the first content problem.
 */
export const codecProblemOf = (streamId: string, event: unknown, index: number, limits: StoreLimits): string | undefined => {
  const result = NewEventCodec.decode(event);
  if (isLeft(result)) return `stream ${streamId}: ${formatValidationErrors(result.left, `events[${index}]`).join('; ')}`;
  // The input itself from here, not what the codec made of it.
  const valid = event as NewEvent;
  const unknown = unknownMetadataKey(valid.metadata);
  if (unknown !== undefined) {
    return `stream ${streamId}: events[${index}].metadata.${unknown}: unknown metadata key (known: ${EVENT_METADATA_KEYS.join(', ')})`;
  }
  const problem = contentProblemOf(valid, limits);
  if (problem !== undefined) return `stream ${streamId}: events[${index}]${problem.path === '' ? '' : `.${problem.path}`}: ${problem.reason}`;
  return undefined;
};
