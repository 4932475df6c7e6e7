import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { Id, IsoDate, IsoDateTime, NonEmptyString, PositiveInteger, Uuid } from '../codecs/primitives.js';
import { formatValidationErrors } from '../codecs/reporter.js';
import type { NewEvent } from './event.js';
import { DuplicateEventError, InvalidAppendError } from './errors.js';

const optional = <C extends t.Mixed>(codec: C) => t.union([codec, t.undefined]);

/** The metadata of a new event, as the wire and the stores accept it. */
export const NewEventMetadataCodec = t.intersection([
  t.type({
    eventId: Uuid,
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
  type: NonEmptyString,
  data: JsonObjectCodec,
  metadata: NewEventMetadataCodec,
});

/**
 * Check the envelope of a batch before a store writes anything: stream id,
 * event types, metadata, data being an object, and no event id twice in the
 * batch. Every adapter calls this first, so bad input never reaches storage.
 */
export const assertValidAppend = (streamId: string, events: readonly NewEvent[]): void => {
  if (isLeft(StreamIdCodec.decode(streamId))) {
    throw new InvalidAppendError(`streamId: expected ${StreamIdCodec.name}, got ${JSON.stringify(streamId)}`);
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
    const id = event.metadata.eventId;
    if (ids.has(id)) throw new DuplicateEventError([id]);
    ids.add(id);
  });
};
