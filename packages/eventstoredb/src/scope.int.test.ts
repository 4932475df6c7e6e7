import { afterAll, beforeAll } from 'vitest';
import { organizationLayout, scopedStore } from '@collective-ledger/core';
import { describeEventStoreContract, describeScopeRefusals } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { EventStoreDbStore } from './store.js';

/** A store on a protocol fake of its own (the scope's books need an empty server), which stops with it. */
const onFreshFake = async (): Promise<EventStoreDbStore> => {
  const fake = await ProtocolFake.start();
  const store = EventStoreDbStore.connect(fake.url);
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await fake.stop();
  };
  return store;
};

describeScopeRefusals('EventStoreDB adapter on the protocol fake', onFreshFake, 30_000);

// As for every store: the contract holds through a scope that covers the suite's streams.
const suiteLayout = { ...organizationLayout, organizationOfStream: () => 'suite', organizationOfEvent: () => undefined };
let shared: ProtocolFake;
beforeAll(async () => {
  shared = await ProtocolFake.start();
});
afterAll(async () => {
  await shared.stop();
});
describeEventStoreContract(
  'scoped EventStoreDB adapter on the protocol fake',
  () => scopedStore(EventStoreDbStore.connect(shared.url), { organizations: ['suite'], layout: suiteLayout }),
  { timeout: 30_000 },
);
