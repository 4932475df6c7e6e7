import { InMemoryEventStore } from '@collective-ledger/core';
import { describeEventStoreContract } from './event-store-contract.js';

describeEventStoreContract('in-memory', () => new InMemoryEventStore());
