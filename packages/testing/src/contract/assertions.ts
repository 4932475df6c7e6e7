import { expect } from '../vitest-api.js';
import { ConcurrencyError, DuplicateEventError } from '@collective-ledger/core';
import type { EventStore, ExpectedRevision, RecordedEvent } from '@collective-ledger/core';
import { collect } from '../fixtures.js';

/**
 * The error a store operation rejected with. The port returns promises, so an
 * operation that throws synchronously breaks callers' `.catch` and fails here too.
 */
export const rejectionOf = async (operation: () => Promise<unknown>): Promise<unknown> => {
  let pending: Promise<unknown>;
  try {
    pending = operation();
  } catch (error) {
    return expect.unreachable(`expected a rejected promise, but the call threw synchronously: ${String(error)}`);
  }
  try {
    await pending;
  } catch (error) {
    return error;
  }
  return expect.unreachable('expected the operation to be refused, but it succeeded');
};

/** The error iterating a read raised: a read may throw when called or when iterated. */
export const readFailureOf = async (read: () => AsyncIterable<unknown>): Promise<unknown> => {
  try {
    await collect(read());
  } catch (error) {
    return error;
  }
  return expect.unreachable('expected the read to fail, but it returned events');
};

export const expectConcurrencyError = (
  error: unknown,
  streamId: string,
  expected: ExpectedRevision,
  actual: bigint | undefined,
): void => {
  expect(error).toBeInstanceOf(ConcurrencyError);
  const conflict = error as ConcurrencyError;
  expect(conflict.code).toBe('CONCURRENCY_CONFLICT');
  expect(conflict.streamId).toBe(streamId);
  expect(conflict.expected).toBe(expected);
  expect(conflict.actual).toBe(actual);
};

export const expectDuplicateError = (error: unknown, eventId: string): void => {
  expect(error).toBeInstanceOf(DuplicateEventError);
  const duplicate = error as DuplicateEventError;
  expect(duplicate.code).toBe('DUPLICATE_EVENT_ID');
  expect(duplicate.eventIds).toContain(eventId);
  expect(duplicate.message).toContain(eventId);
};

/** None of these event ids appears anywhere in the log from `from` on. */
export const expectNothingWritten = async (store: EventStore, from: bigint, eventIds: readonly string[]): Promise<void> => {
  const unwanted = new Set(eventIds);
  const written = (await collect(store.readAll({ fromPosition: from }))).filter((event) =>
    unwanted.has(event.metadata.eventId),
  );
  expect(written.map((event) => event.metadata.eventId)).toEqual([]);
};

/** A stream read back as (position, event id) pairs: enough to tell any write apart. */
export const streamShape = async (store: EventStore, streamId: string): Promise<[bigint, string][]> =>
  (await collect(store.readStream(streamId))).map((event) => [event.streamPosition, event.metadata.eventId]);

export const expectStrictlyIncreasing = (events: readonly RecordedEvent[]): void => {
  events.forEach((event, index) => {
    const previous = events[index - 1];
    if (previous !== undefined) expect(event.globalPosition).toBeGreaterThan(previous.globalPosition);
  });
};
