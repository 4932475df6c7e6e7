import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
// A relative import until this package lists @collective-ledger/testing as a devDependency.
import { describeEventStoreContract } from '@collective-ledger/testing';
import { FileEventStore } from './file-store.js';

const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-contract-'));
let next = 0;

describeEventStoreContract(
  'ndjson file',
  () => {
    next += 1;
    return FileEventStore.open(join(dir, `ledger-${next}.ndjson`), { create: true });
  },
  {
    reopen: async (store) => {
      await store.close();
      return FileEventStore.open(store.path);
    },
  },
);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
