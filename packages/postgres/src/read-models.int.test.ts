import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeReadModelStoreContract } from '@collective-ledger/testing';
import { openPostgresStore } from './open.js';
import { PgliteDatabase } from './pglite-database.js';
import { PostgresReadModels } from './read-models.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

describeReadModelStoreContract('PostgreSQL server', async () => {
  const schema = freshSchema('models');
  const [one, two] = [await openPostgresStore({ schema }), await openPostgresStore({ schema })];
  return {
    models: PostgresReadModels.of(one),
    second: PostgresReadModels.of(two),
    close: async () => {
      await Promise.all([one.close(), two.close()]);
      await dropSchema(schema);
    },
  };
});

const dir = await mkdtemp(join(tmpdir(), 'collective-ledger-models-'));
const db = await PGlite.create({ dataDir: dir });
let n = 0;

describeReadModelStoreContract('PGlite', async () => {
  const schema = `models_${(n += 1)}`;
  const store = await PostgresEventStore.open(PgliteDatabase.of(db, dir), { schema });
  return { models: PostgresReadModels.of(store), second: PostgresReadModels.of(store), close: () => Promise.resolve() };
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('read models on the server, for a role restricted to some organizations', () => {
  it('are not readable by it: its reports find no model and replay', async () => {
    const schema = freshSchema('models_scope');
    const role = `cl_models_${schema.slice(-8)}`;
    const owner = await openPostgresStore({ schema });
    try {
      const models = PostgresReadModels.of(owner);
      const lease = await models.lease();
      await models.saveAll([{ model: { key: 'k', report: 'income-tiers', options: { year: 2023 }, version: 'v', position: 1n, state: '{}' }, expected: undefined }]);
      await lease?.release();
      expect((await models.load('k'))?.position).toBe(1n);
      await withClient(async (client) => {
        await client.query(`drop role if exists ${role}`);
        await client.query(`create role ${role} login`);
        await client.query(`grant usage on schema ${schema} to ${role}`);
        await client.query(`select ${schema}.grant_scope($1, $2)`, [role, 'v1']);
      });
      const url = new URL(serverUrl);
      url.username = role;
      const restricted = await openPostgresStore({ schema, url: url.toString() });
      try {
        expect(await PostgresReadModels.of(restricted).load('k')).toBeUndefined();
      } finally {
        await restricted.close();
      }
    } finally {
      await owner.close();
      await dropSchema(schema);
      await withClient((client) => client.query(`drop role if exists ${role}`));
    }
  });
});
