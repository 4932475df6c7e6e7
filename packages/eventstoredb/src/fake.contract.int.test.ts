import { afterAll, beforeAll } from 'vitest';
import { describeEventStoreContract } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { EventStoreDbStore } from './store.js';

// One protocol fake for the file; each test gets a store (a client) of its own on it.
let fake: ProtocolFake;

beforeAll(async () => {
  fake = await ProtocolFake.start();
});

afterAll(async () => {
  await fake.stop();
});

describeEventStoreContract('EventStoreDB adapter on the protocol fake', () => EventStoreDbStore.connect(fake.url), {
  timeout: 30_000,
  reopen: async (store) => {
    await store.close();
    return EventStoreDbStore.connect(fake.url);
  },
});
