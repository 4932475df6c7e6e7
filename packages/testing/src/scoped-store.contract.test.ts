import { InMemoryEventStore, organizationLayout, scopedStore } from '@collective-ledger/core';
import { describeEventStoreContract } from './event-store-contract.js';

// The suite's streams belong to no organization of the domain: a layout that
// puts each of them in organization `suite` gives a scope that covers them all,
// so the scoped store must keep every guarantee of the store below it.
const suiteLayout = { ...organizationLayout, organizationOfStream: () => 'suite', organizationOfEvent: () => undefined };

describeEventStoreContract('scoped in-memory', () => scopedStore(new InMemoryEventStore(), { organizations: ['suite'], layout: suiteLayout }));
