/**
 * The fuzzer's mutations of a real ledger imported into every store: the
 * reference store, a ledger file, PGlite and the PostgreSQL server must give
 * the same verdict, in the same words.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventStore, type EventStore } from '@collective-ledger/core';
import { PgDatabase, PgliteDatabase, PostgresEventStore, postgresUrlFrom, type Database } from '@collective-ledger/postgres';
import { fuzzBaseLedger, importVerdict, ledgerMutations, type ImportVerdict } from '@collective-ledger/testing';
import { FileEventStore } from './file-store.js';

const RUNS = Number(process.env['FUZZ_STORE_RUNS'] ?? 300);

/** A database whose schema is made anew whenever an accepted import has filled it. */
class Fresh {
  private store: PostgresEventStore | undefined;
  private readonly schema = `cl_fuzz_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

  constructor(readonly database: Database) {}

  async clean(): Promise<EventStore> {
    if (this.store === undefined) this.store = await PostgresEventStore.open(this.database, { schema: this.schema });
    return this.store;
  }

  /** After an import that wrote: drop the schema and migrate it again. */
  async reset(): Promise<void> {
    await this.database.script(`drop schema if exists ${this.schema} cascade`);
    this.store = undefined;
  }

  async drop(): Promise<void> {
    await this.reset();
    await this.database.close();
  }
}

let dir = '';
let pglite: Fresh;
let server: Fresh;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-fuzz-'));
  pglite = new Fresh(await PgliteDatabase.open(join(dir, 'pglite')));
  server = new Fresh(new PgDatabase({ url: postgresUrlFrom(), max: 2 }));
}, 120_000);

afterAll(async () => {
  await pglite.drop();
  await server.drop();
  await rm(dir, { recursive: true, force: true });
}, 120_000);

/** The verdict of one store: a fresh one each time, or one emptied again after an accepted import. */
const onFresh = async (fresh: Fresh, text: string): Promise<ImportVerdict> => {
  const verdict = await importVerdict(await fresh.clean(), text);
  if (verdict.accepted) await fresh.reset();
  return verdict;
};

let files = 0;
const onFile = async (text: string): Promise<ImportVerdict> => {
  const store = await FileEventStore.open(join(dir, `ledger-${(files += 1)}.ndjson`), { create: true });
  try {
    return await importVerdict(store, text);
  } finally {
    await store.close();
  }
};

describe('every store gives the same verdict on every mutated ledger', () => {
  it(`${RUNS} mutations into memory, a file, PGlite and the server`, async () => {
    const base = await fuzzBaseLedger(3);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(ledgerMutations(base), async (mutation) => {
        const memory = await importVerdict(new InMemoryEventStore(), mutation.text);
        if (memory.accepted) accepted += 1;
        expect(await onFile(mutation.text)).toEqual(memory);
        expect(await onFresh(pglite, mutation.text)).toEqual(memory);
        expect(await onFresh(server, mutation.text)).toEqual(memory);
      }),
      { numRuns: RUNS },
    );
    // Some mutations leave books that keep every rule: those are accepted by every store alike.
    expect(accepted).toBeGreaterThan(0);
  }, 1_800_000);
});
