import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { describeEventStoreContract } from '@collective-ledger/testing';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresEventStore } from './store.js';

// Creating a PGlite database takes seconds: the whole file shares one, on disk, as the CLI uses it.
const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-pglite-'));
const db = await PGlite.create({ dataDir: dir });

describeEventStoreContract('PGlite', () => PostgresEventStore.open(PgliteDatabase.of(db, dir)), {
  timeout: 30_000,
  reopen: async (store) => {
    await store.close();
    return PostgresEventStore.open(PgliteDatabase.of(db, dir));
  },
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});
