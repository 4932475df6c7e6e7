import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidAppendError, InvalidReadError } from '@collective-ledger/core';
import { collect, newEvent, newEvents, uniqueStreamId } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { EventStoreDbUnreachableError, InvalidConnectionStringError } from './errors.js';
import { EventStoreDbStore } from './store.js';

let fake: ProtocolFake;
beforeAll(async () => {
  fake = await ProtocolFake.start();
});
afterAll(async () => {
  await fake.stop();
});

/** A port nothing listens on: taken from the system, then let go. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });

const requestsOf = (): number => fake.requests.appends + fake.requests.reads + fake.requests.subscriptions;

describe('refusals before any network call', () => {
  it('given a store, when an append is malformed or a read option bad, then it is refused and nothing reached the server', async () => {
    const store = EventStoreDbStore.connect(fake.url);
    const before = requestsOf();
    const streamId = uniqueStreamId('refused');
    const badType = { ...newEvent(), type: '' };
    const badId = newEvent('ThingHappened', {}, { eventId: 'NOT-A-UUID' });
    for (const [stream, events] of [[streamId, [badType]], ['', newEvents(1)], [streamId, [newEvent(), badId]]] as const) {
      await expect(store.append(stream, events)).rejects.toBeInstanceOf(InvalidAppendError);
    }
    await expect(collect(store.readStream(streamId, { maxCount: 0 }))).rejects.toBeInstanceOf(InvalidReadError);
    await expect(store.readCommand(' ')).rejects.toBeInstanceOf(InvalidReadError);
    expect(requestsOf()).toBe(before);
    expect(fake.log.stream(streamId)).toBeUndefined();
    await store.close();
  });

  it('refuses bad input the same way when no server is there at all', async () => {
    const store = EventStoreDbStore.connect(`esdb://127.0.0.1:${await freePort()}?tls=false`);
    await expect(store.append('', newEvents(1))).rejects.toBeInstanceOf(InvalidAppendError);
    await store.close();
  });

  it.each([
    ['not a URL', 'nothing here', 'it is not a URL'],
    ['another scheme', 'postgres://db:5432/books', 'the scheme is postgres://'],
    ['a malformed esdb URL', 'esdb://127.0.0.1:2113?tls=maybe', 'tls'],
  ])('refuses a connection string that is %s, naming it, before connecting', (_, url, reason) => {
    expect(() => EventStoreDbStore.connect(url)).toThrow(InvalidConnectionStringError);
    expect(() => EventStoreDbStore.connect(url)).toThrow(reason);
  });

  it('hides the password of a refused connection string', () => {
    expect(() => EventStoreDbStore.connect('esdb://admin:changeit@127.0.0.1:2113?tls=maybe')).toThrow(/admin:\*\*\*@127\.0\.0\.1/);
  });
});

describe('a server that cannot be reached', () => {
  it('says so in a sentence naming the server and what failed, after retrying', async () => {
    const url = `esdb://127.0.0.1:${await freePort()}?tls=false`;
    const store = EventStoreDbStore.connect(url);
    const error: unknown = await store.append(uniqueStreamId('nowhere'), newEvents(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreDbUnreachableError);
    expect((error as Error).message).toMatch(new RegExp(`^EventStoreDB at ${url.replace(/[?.]/g, '\\$&')} is not reachable: reading \\$all failed \\(`));
    expect((error as Error).message).not.toMatch(/\n\s+at /);
    await store.close();
  });
});
