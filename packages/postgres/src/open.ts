import { postgresUrlFrom, schemaFrom } from './config.js';
import type { Database } from './database.js';
import { PgDatabase } from './pg-database.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from './store.js';

export interface OpenPostgresOptions extends PostgresEventStoreOptions {
  /** The server; default `COLLECTIVE_LEDGER_PG_URL`, else `postgres://postgres@127.0.0.1:5432/test`. */
  readonly url?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
}

const openOn = async (database: Database, options: PostgresEventStoreOptions): Promise<PostgresEventStore> => {
  try {
    return await PostgresEventStore.open(database, options);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
};

const withSchema = (options: PostgresEventStoreOptions): PostgresEventStoreOptions => ({ ...options, schema: options.schema ?? schemaFrom() });

/** The event store on a PostgreSQL server, its schema migrated. */
export const openPostgresStore = (options: OpenPostgresOptions = {}): Promise<PostgresEventStore> => {
  const url = options.url ?? postgresUrlFrom();
  const database = new PgDatabase({ url, ...(options.poolSize === undefined ? {} : { max: options.poolSize }) });
  return openOn(database, withSchema(options));
};

/** The event store on embedded PGlite in `directory` (created whole if missing or empty), its schema migrated. */
export const openPgliteStore = async (directory: string, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> => {
  const database = await PgliteDatabase.open(directory);
  return openOn(database, withSchema(options));
};
