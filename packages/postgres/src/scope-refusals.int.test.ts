import { PGlite } from '@electric-sql/pglite';
import { afterAll } from 'vitest';
import { describeScopeRefusals } from '@collective-ledger/testing';
import { openPostgresStore } from './open.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl } from './test-support.js';

const schemas: string[] = [];
const fresh = (): string => {
  const schema = freshSchema('scope');
  schemas.push(schema);
  return schema;
};

describeScopeRefusals('a PostgreSQL server', () => openPostgresStore({ url: serverUrl, schema: fresh(), poolSize: 2 }), 30_000);

const lite = await PGlite.create();
describeScopeRefusals('PGlite', () => PostgresEventStore.open(PgliteDatabase.of(lite, 'memory://'), { schema: fresh() }), 30_000);

afterAll(async () => {
  await lite.close();
  for (const schema of schemas) await dropSchema(schema);
});
