import { InMemoryEventStore } from '@collective-ledger/core';
import { describeScopeRefusals } from './scope-refusals.js';

describeScopeRefusals('the in-memory store', () => Promise.resolve(new InMemoryEventStore()));
