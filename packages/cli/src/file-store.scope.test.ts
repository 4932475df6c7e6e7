import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeEventStoreContract, describeScopeRefusals } from '@collective-ledger/testing';
import { organizationLayout, scopedStore } from '@collective-ledger/core';
import { FileEventStore } from './file-store.js';

const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-scope-'));
let next = 0;
const fresh = (): Promise<FileEventStore> => {
  next += 1;
  return FileEventStore.open(join(dir, `ledger-${next}.ndjson`), { create: true });
};

describeScopeRefusals('the ndjson file store', fresh);

// A layout that puts every stream of the contract suite in one organization: a scope covering them all.
const suiteLayout = { ...organizationLayout, organizationOfStream: () => 'suite', organizationOfEvent: () => undefined };
const scoped = (store: FileEventStore) => scopedStore(store, { organizations: ['suite'], layout: suiteLayout });
const paths = new WeakMap<object, string>();

describeEventStoreContract(
  'scoped ndjson file',
  async () => {
    const store = await fresh();
    const wrapped = scoped(store);
    paths.set(wrapped, store.path);
    return wrapped;
  },
  {
    reopen: async (store) => {
      await store.close();
      const path = paths.get(store) ?? '';
      const wrapped = scoped(await FileEventStore.open(path));
      paths.set(wrapped, path);
      return wrapped;
    },
  },
);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
