import { describe } from 'vitest';
import { describeEventStoreContract } from '@collective-ledger/testing';
import { EventStoreDbStore } from './store.js';

/** A real EventStoreDB or KurrentDB server, e.g. esdb://127.0.0.1:2113?tls=false; without it this file is reported skipped. */
const url = process.env['COLLECTIVE_LEDGER_ESDB_URL'];

describe.skipIf(url === undefined || url === '')('on a real server (COLLECTIVE_LEDGER_ESDB_URL)', () => {
  const server = url ?? '';
  describeEventStoreContract('EventStoreDB server', () => EventStoreDbStore.connect(server), {
    timeout: 60_000,
    reopen: async (store) => {
      await store.close();
      return EventStoreDbStore.connect(server);
    },
  });
});
