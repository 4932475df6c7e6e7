import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '@collective-ledger/testing';
import { migrate } from './migrate.js';
import { PgDatabase } from './pg-database.js';
import { migrations, migrationsTable } from './sql/migrations.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

const schemas: string[] = [];

afterEach(async () => {
  for (const schema of schemas.splice(0)) await dropSchema(schema);
});

/** A schema as an older release left it: migrations up to `version`, and events written then. */
const olderSchema = async (version: number): Promise<string> => {
  const schema = freshSchema(`v${version}`);
  schemas.push(schema);
  await withClient(async (client) => {
    await client.query(migrationsTable(schema));
    for (const migration of migrations.filter((m) => m.version <= version)) {
      await client.query(migration.sql(schema));
      await client.query(`insert into ${schema}.schema_migrations (version, name) values ($1, $2)`, [migration.version, migration.name]);
    }
    const insert =
      `insert into ${schema}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at) ` +
      `values ($1, $2, $3, 'ThingHappened', '{}', $4, now())`;
    const metadata = (commandId?: string) =>
      JSON.stringify({ eventId: randomUUID(), occurredOn: '2024-03-15', actor: 'old', schemaVersion: 1, ...(commandId ? { commandId } : {}) });
    await client.query(insert, ['ledger-v1-2023', 0, randomUUID(), metadata('cmd-old')]);
    await client.query(insert, ['ledger-v1-2023', 1, randomUUID(), metadata()]);
    await client.query(insert, ['ledger-v2-2023', 0, randomUUID(), metadata('cmd-old')]);
  });
  return schema;
};

const indexesOf = (schema: string): Promise<string[]> =>
  withClient(async (client) => {
    const result = await client.query<{ indexname: string }>('select indexname from pg_indexes where schemaname = $1 order by 1', [schema]);
    return result.rows.map((row) => row.indexname);
  });

const triggersOf = (schema: string): Promise<string[]> =>
  withClient(async (client) => {
    const result = await client.query<{ tgname: string }>(
      'select tgname from pg_trigger where tgrelid = to_regclass($1) and not tgisinternal order by 1',
      [`${schema}.events`],
    );
    return result.rows.map((row) => row.tgname);
  });

describe('migrating an existing database forward', () => {
  it.each([1, 2])('a version %i schema gets the later migrations, its events found by command id', async (version) => {
    const schema = await olderSchema(version);
    expect(await indexesOf(schema)).not.toContain('events_command_id_idx');
    const db = new PgDatabase({ url: serverUrl });
    try {
      expect(await migrate(db, schema)).toEqual(migrations.filter((m) => m.version > version).map((m) => m.version));
      expect(await migrate(db, schema)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(await indexesOf(schema)).toContain('events_command_id_idx');
    expect(await triggersOf(schema)).toEqual(['events_append_only', 'events_no_truncate', 'events_note_organization']);

    const store = await PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });
    try {
      const found = await store.readCommand('cmd-old');
      expect(found.map((e) => [e.streamId, e.streamPosition])).toEqual([
        ['ledger-v1-2023', 0n],
        ['ledger-v2-2023', 0n],
      ]);
      const [last] = await collect(store.readStream('ledger-v1-2023', { direction: 'backward', maxCount: 1 }));
      expect(last?.streamPosition).toBe(1n);
    } finally {
      await store.close();
    }
  });

  it('a version 3 schema becomes append-only: its stored events can no longer be updated, deleted or truncated', async () => {
    const schema = await olderSchema(3);
    const updateOld = (client: pg.Client) => client.query(`update ${schema}.events set type = 'Forged' where stream_id = 'ledger-v1-2023'`);
    // Before the migration nothing stops it; roll it back to keep the old events.
    await withClient(async (client) => {
      await client.query('begin');
      expect((await updateOld(client)).rowCount).toBe(2);
      await client.query('rollback');
    });
    const db = new PgDatabase({ url: serverUrl });
    try {
      expect(await migrate(db, schema)).toEqual([4, 5, 6, 7]);
    } finally {
      await db.close();
    }
    expect(await triggersOf(schema)).toEqual(['events_append_only', 'events_no_truncate', 'events_note_organization']);
    await withClient(async (client) => {
      await expect(updateOld(client)).rejects.toThrow(`collective-ledger: the event log is append-only; UPDATE of ${schema}.events refused`);
      await expect(client.query(`delete from ${schema}.events`)).rejects.toThrow(`DELETE of ${schema}.events refused`);
      await expect(client.query(`truncate ${schema}.events`)).rejects.toThrow(`TRUNCATE of ${schema}.events refused`);
      const types = await client.query<{ type: string }>(`select distinct type from ${schema}.events`);
      expect(types.rows).toEqual([{ type: 'ThingHappened' }]);
    });
  });

  it('a version 4 schema gets each event’s organization from its stream, the registered organizations, and keeps its roles’ access', async () => {
    const schema = await olderSchema(4);
    const role = `cl_test_old_${randomUUID().replaceAll('-', '').slice(0, 10)}`;
    await withClient((client) =>
      client.query(`
        insert into ${schema}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at)
          values ('organization-v1', 0, '${randomUUID()}', 'OrganizationRegistered', '{"organizationId":"v1","parentId":"t1"}', '{}', now());
        create role ${role} login;
        grant usage on schema ${schema} to ${role};
        grant select, insert on ${schema}.events to ${role};
      `),
    );
    const db = new PgDatabase({ url: serverUrl });
    try {
      expect(await migrate(db, schema)).toEqual([5, 6, 7]);
      await withClient(async (client) => {
        const rows = await client.query(`select stream_id, organization_id from ${schema}.events order by global_position`);
        expect(rows.rows).toEqual([
          { stream_id: 'ledger-v1-2023', organization_id: 'v1' },
          { stream_id: 'ledger-v1-2023', organization_id: 'v1' },
          { stream_id: 'ledger-v2-2023', organization_id: 'v2' },
          { stream_id: 'organization-v1', organization_id: 'v1' },
        ]);
        expect((await client.query(`select * from ${schema}.organizations`)).rows).toEqual([{ organization_id: 'v1', parent_id: 't1' }]);
        expect((await client.query(`select role_name, organization_id from ${schema}.scope_grants`)).rows).toEqual([{ role_name: role, organization_id: '*' }]);
      });
    } finally {
      await db.close();
      await withClient((client) => client.query(`drop owned by ${role}; drop role if exists ${role}`));
    }
  });

  it('two processes migrating a version 2 schema at once apply migrations 3 to 7 once', async () => {
    const schema = await olderSchema(2);
    const [a, b] = [new PgDatabase({ url: serverUrl }), new PgDatabase({ url: serverUrl })];
    try {
      const applied = await Promise.all([migrate(a, schema), migrate(b, schema)]);
      expect(applied.flat()).toEqual([3, 4, 5, 6, 7]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const versions = await withClient(async (client) =>
      (await client.query<{ version: number }>(`select version from ${schema}.schema_migrations order by 1`)).rows.map((r) => r.version),
    );
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await triggersOf(schema)).toEqual(['events_append_only', 'events_no_truncate', 'events_note_organization']);
  });
});
