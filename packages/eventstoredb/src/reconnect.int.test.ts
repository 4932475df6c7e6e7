import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, eventIdsOf, newEvents, uniqueStreamId } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { EventStoreDbStore } from './store.js';

let fake: ProtocolFake;
beforeAll(async () => {
  fake = await ProtocolFake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe('a server restart', () => {
  it('given a store that has written, when the server restarts, then the next append and reads go through on a new connection', async () => {
    const store = EventStoreDbStore.connect(fake.url);
    const streamId = uniqueStreamId('restart');
    const before = newEvents(2);
    const first = await store.append(streamId, before);
    await fake.restart();
    const after = newEvents(1);
    const result = await store.append(streamId, after, { expectedRevision: first.nextExpectedRevision });
    expect(result.nextExpectedRevision).toBe(2n);
    expect(eventIdsOf(await collect(store.readStream(streamId)))).toEqual(eventIdsOf([...before, ...after]));
    expect(await store.readCommand('cmd-none')).toEqual([]);
    await store.close();
  });

  it('given a server that is down for a moment, an append waits for it rather than failing', async () => {
    const store = EventStoreDbStore.connect(fake.url);
    const streamId = uniqueStreamId('down');
    await store.append(streamId, newEvents(1));
    await fake.stop();
    const pending = store.append(streamId, newEvents(1), { expectedRevision: 0n });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fake.restart();
    expect((await pending).nextExpectedRevision).toBe(1n);
    await store.close();
  });
});
