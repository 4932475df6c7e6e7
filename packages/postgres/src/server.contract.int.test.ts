import { afterAll } from 'vitest';
import { describeEventStoreContract } from '@collective-ledger/testing';
import { openPostgresStore } from './open.js';
import { dropSchema, freshSchema, serverUrl } from './test-support.js';

const schema = freshSchema('contract');

describeEventStoreContract('PostgreSQL server', () => openPostgresStore({ url: serverUrl, schema }), {
  timeout: 30_000,
  reopen: async (store) => {
    await store.close();
    return openPostgresStore({ url: serverUrl, schema });
  },
});

afterAll(async () => {
  await dropSchema(schema);
});
