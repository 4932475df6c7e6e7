import type { EventStore, ReadModelStore } from '@collective-ledger/core';
import { FileEventStore } from './file-store.js';
import { FileReadModels } from './file-read-models.js';
import { ledgerFileOf } from './stores.js';

/**
 * Where the read models of the store `--store` names are kept
 * (docs/read-models.md): `<ledger>.models` beside an NDJSON ledger; the
 * `read_models` table of PostgreSQL and PGlite. EventStoreDB keeps none:
 * its reports replay.
 */
export const readModelsOf = async (spec: string, store: EventStore): Promise<ReadModelStore | undefined> => {
  const ledger = await ledgerFileOf(spec);
  if (ledger !== undefined) return store instanceof FileEventStore ? new FileReadModels(ledger) : undefined;
  if (/^esdb(\+discover)?:\/\//i.test(spec)) return undefined;
  const { PostgresEventStore, PostgresReadModels } = await import('@collective-ledger/postgres');
  return store instanceof PostgresEventStore ? PostgresReadModels.of(store) : undefined;
};
