export { PostgresEventStore, type PostgresEventStoreOptions } from './store.js';
export { openPgliteStore, openPostgresStore, type OpenPostgresOptions } from './open.js';
export { migrate } from './migrate.js';
export { migrations, type Migration } from './sql/migrations.js';
export { writeLockKey } from './sql/lock.js';
export type { Database, Queryable, Statement } from './database.js';
export { PgDatabase, type PgDatabaseOptions } from './pg-database.js';
export { PgliteDatabase } from './pglite-database.js';
export { NotAPgliteDirectoryError } from './pglite-directory.js';
export { DEFAULT_PG_URL, DEFAULT_SCHEMA, postgresUrlFrom, redactUrl, schemaFrom } from './config.js';
export { appendOnlyErrorOf, ConnectionLostError, DatabaseUnreachableError, EventLogAppendOnlyError } from './errors.js';
export {
  ProjectionConflictError,
  runDurableProjection,
  type DurableProjection,
  type DurableRun,
  type DurableRunOptions,
} from './durable-projection.js';
export { PostgresPersonalDataKeys } from './personal-data-keys.js';
export { PostgresReadModels } from './read-models.js';
