/**
 * The fuzz benchmark's second part: the same mutated ledgers into every
 * store, each verdict set beside the in-memory store's.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { InMemoryEventStore, type EventStore } from '@collective-ledger/core';
import { FileEventStore } from '@collective-ledger/cli';
import { PgDatabase, PgliteDatabase, PostgresEventStore, postgresUrlFrom, type Database } from '@collective-ledger/postgres';
import { importVerdict, type ImportVerdict, type LedgerMutation } from '@collective-ledger/testing';

/** A PostgreSQL store on one database whose schema is made anew after an import has filled it. */
const freshSchemas = (database: Database) => {
  const schema = `cl_bench_fuzz_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let store: PostgresEventStore | undefined;
  const drop = () => database.script(`drop schema if exists ${schema} cascade`);
  return {
    verdict: async (text: string): Promise<ImportVerdict> => {
      store ??= await PostgresEventStore.open(database, { schema });
      const verdict = await importVerdict(store, text);
      if (verdict.accepted) {
        await drop();
        store = undefined;
      }
      return verdict;
    },
    close: async (): Promise<void> => {
      await drop();
      await database.close();
    },
  };
};

/** The verdict of a new ledger file at `path`. */
const fileVerdict = async (path: string, text: string): Promise<ImportVerdict> => {
  const file: EventStore = await FileEventStore.open(path, { create: true });
  try {
    return await importVerdict(file, text);
  } finally {
    await file.close();
  }
};

export interface StoreVerdicts {
  readonly cases: number;
  readonly accepted: number;
  /** Cases where a store's verdict differed from the memory store's, each named. */
  readonly disagreements: string[];
  readonly seconds: number;
}

/** Every case into memory, a new ledger file, PGlite and the server: the verdicts compared. */
export const storeVerdicts = async (cases: readonly LedgerMutation[]): Promise<StoreVerdicts> => {
  const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-bench-fuzz-'));
  const pglite = freshSchemas(await PgliteDatabase.open(join(dir, 'pglite')));
  const server = freshSchemas(new PgDatabase({ url: postgresUrlFrom(), max: 2 }));
  const start = performance.now();
  const disagreements: string[] = [];
  let accepted = 0;
  try {
    for (const [i, mutation] of cases.entries()) {
      const memory = await importVerdict(new InMemoryEventStore(), mutation.text);
      if (memory.accepted) accepted += 1;
      const others: [string, ImportVerdict][] = [
        ['file', await fileVerdict(join(dir, `ledger-${i}.ndjson`), mutation.text)],
        ['PGlite', await pglite.verdict(mutation.text)],
        ['server', await server.verdict(mutation.text)],
      ];
      const differ = others.filter(([, verdict]) => !isDeepStrictEqual(verdict, memory));
      disagreements.push(...differ.map(([store]) => `${store}, ${mutation.kind}: ${mutation.description}`.slice(0, 300)));
    }
    return { cases: cases.length, accepted, disagreements, seconds: (performance.now() - start) / 1000 };
  } finally {
    await pglite.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
};
