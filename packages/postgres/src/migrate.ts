import type { Database } from './database.js';
import { checkedSchema } from './config.js';
import { migrationLockKey } from './sql/lock.js';
import { migrations, migrationsTable } from './sql/migrations.js';

/**
 * Bring `schema` up to the latest version: in one transaction, under an
 * advisory lock, so running it twice or from two processes at once is safe
 * (the second waits, then finds nothing to do). A schema already at the latest
 * version is only read, so a role with no right to create objects can open it.
 * Returns the versions applied.
 */
export const migrate = async (db: Database, schema: string): Promise<number[]> => {
  const s = checkedSchema(schema);
  const [k1, k2] = migrationLockKey(s);
  return db.transaction(async (tx) => {
    await tx.query({ name: '', text: 'select pg_advisory_xact_lock($1, $2)' }, [k1, k2]);
    // Only a new schema gets DDL before the migrations: a role that may not
    // create anything (SELECT and INSERT only) can still open a migrated one.
    const [table] = await tx.query<{ found: boolean }>({ name: '', text: 'select to_regclass($1) is not null as found' }, [`${s}.schema_migrations`]);
    if (table?.found !== true) await tx.script(migrationsTable(s));
    const rows = await tx.query<{ version: number | string }>({ name: '', text: `select version from ${s}.schema_migrations` }, []);
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.script(migration.sql(s));
      await tx.query({ name: '', text: `insert into ${s}.schema_migrations (version, name) values ($1, $2)` }, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
};
