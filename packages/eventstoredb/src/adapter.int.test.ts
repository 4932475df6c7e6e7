import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, DuplicateEventError } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents, uniqueStreamId } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { EventStoreDbStore } from './store.js';

let fake: ProtocolFake;
const opened: EventStoreDbStore[] = [];
const open = (): EventStoreDbStore => {
  const store = EventStoreDbStore.connect(fake.url);
  opened.push(store);
  return store;
};

beforeAll(async () => {
  fake = await ProtocolFake.start();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});
afterAll(async () => {
  await fake.stop();
});

describe('the EventStoreDB adapter on the protocol fake', () => {
  it('reads $all without the server’s records, positions increasing but not contiguous, each the event’s commit position', async () => {
    const store = open();
    const streamId = uniqueStreamId('all');
    await store.append(streamId, newEvents(2));
    fake.log.writeSystem('$stats-127.0.0.1:2113', '$statsCollected');
    fake.log.writeSystem(`$$${streamId}`, '$metadata');
    const last = await store.append(streamId, newEvents(1));
    const all = await collect(store.readAll());
    expect(all.some((event) => event.streamId.startsWith('$') || event.type.startsWith('$'))).toBe(false);
    const mine = all.filter((event) => event.streamId === streamId);
    expect(mine.map((event) => event.streamPosition)).toEqual([0n, 1n, 2n]);
    expect(mine.at(-1)?.globalPosition).toBe(last.lastGlobalPosition);
    const served = fake.log.all.filter((record) => record.streamId === streamId).map((record) => record.position);
    expect(mine.map((event) => event.globalPosition)).toEqual(served);
    expect(served[1]! - served[0]!).toBeGreaterThan(1n);
  });

  it('reads $all from a position between two events as from the next one', async () => {
    const store = open();
    const streamId = uniqueStreamId('between');
    const first = await store.append(streamId, newEvents(1));
    const later = newEvents(2);
    await store.append(streamId, later);
    const from = (await collect(store.readAll({ fromPosition: first.lastGlobalPosition + 1n }))).filter((event) => event.streamId === streamId);
    expect(eventIdsOf(from)).toEqual(eventIdsOf(later));
  });

  it('refuses an event id another client stored in another stream, seen through $all', async () => {
    const [writer, other] = [open(), open()];
    const event = newEvent();
    await writer.append(uniqueStreamId('first'), [event]);
    const error: unknown = await other.append(uniqueStreamId('second'), [event]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateEventError);
    expect((error as DuplicateEventError).eventIds).toEqual([event.metadata.eventId]);
  });

  it('between two clients, the server’s revision check decides: ConcurrencyError at an exact revision, a new seal for any', async () => {
    const [a, b] = [open(), open()];
    const streamId = uniqueStreamId('race');
    await a.append(streamId, newEvents(1));
    const outcomes = await Promise.allSettled([a.append(streamId, newEvents(1), { expectedRevision: 0n }), b.append(streamId, newEvents(1), { expectedRevision: 0n })]);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ConcurrencyError);
    expect((refused[0] as ConcurrencyError).actual).toBe(1n);
    await Promise.all([a.append(streamId, newEvents(1)), b.append(streamId, newEvents(1)), a.append(streamId, newEvents(1))]);
    const events = await collect(a.readStream(streamId));
    expect(events.map((event) => event.streamPosition)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it('sends an append whose answer was lost again, and the server’s idempotency stores it once', async () => {
    const store = open();
    const streamId = uniqueStreamId('lost');
    const batch = newEvents(2);
    fake.loseAppendAnswers(1);
    const result = await store.append(streamId, batch, { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(1n);
    expect(eventIdsOf(await collect(store.readStream(streamId)))).toEqual(eventIdsOf(batch));
    expect(fake.log.stream(streamId)).toHaveLength(2);
  });
});
