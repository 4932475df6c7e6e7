import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent, NewEventMetadata } from '@collective-ledger/core';

/** The business date fixtures carry unless told otherwise. */
export const FIXTURE_OCCURRED_ON = '2024-03-15';

/** The actor fixtures carry unless told otherwise. */
export const FIXTURE_ACTOR = 'contract-suite';

/**
 * A valid event ready to append: a fresh uuid, a business date, the contract
 * suite as actor and schema version 1. Overrides replace metadata fields.
 */
export const newEvent = (
  type = 'ThingHappened',
  data: JsonObject = {},
  overrides: Partial<NewEventMetadata> = {},
): NewEvent => ({
  type,
  data,
  metadata: {
    eventId: randomUUID(),
    occurredOn: FIXTURE_OCCURRED_ON,
    actor: FIXTURE_ACTOR,
    schemaVersion: 1,
    ...overrides,
  },
});

/** `count` valid events of one type, each with its index in the data. */
export const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent(type, { index }));

/** A stream id no other test will use: `<category>-<random>`. */
export const uniqueStreamId = (category = 'contract'): string => `${category}-${randomUUID()}`;

/** Drain an async iterable (a store read) into an array. */
export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

/** The event ids of a batch or of read events. */
export const eventIdsOf = (events: readonly { readonly metadata: { readonly eventId: string } }[]): string[] =>
  events.map((event) => event.metadata.eventId);
