import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@collective-ledger/core';
import { collect, newEvents } from '@collective-ledger/testing';
import type { Database } from './database.js';
import { connectionErrorOf, EventLogAppendOnlyError } from './errors.js';
import { PgDatabase } from './pg-database.js';
import { PgliteDatabase } from './pglite-database.js';
import { migrations, migrationsTable } from './sql/migrations.js';
import { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

/** The error a statement failed with (or undefined when it went through). */
const failureOf = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

const run = (db: Database, sql: string): Promise<unknown> => db.query({ name: '', text: sql }, []);

interface Engine {
  /** A connection to the engine; closing it leaves the engine running. */
  readonly database: () => Database;
  readonly cleanUp: (schema: string) => Promise<void>;
}

const engines: readonly (readonly [string, () => Promise<Engine>])[] = [
  ['a PostgreSQL server', async () => ({ database: () => new PgDatabase({ url: serverUrl }), cleanUp: dropSchema })],
  [
    'PGlite',
    async () => {
      const db = await PGlite.create();
      return { database: () => PgliteDatabase.of(db, 'memory://'), cleanUp: () => db.close() };
    },
  ],
];

const positions = (events: readonly RecordedEvent[]) => events.map((e) => [e.streamId, e.streamPosition, e.type, e.metadata.eventId]);

describe.each(engines)('on %s, the events table refuses every change to a stored event', (_, engine) => {
  const schema = freshSchema('append_only');
  let store: PostgresEventStore;
  let cleanUp: () => Promise<void>;
  let stored: RecordedEvent[];

  beforeAll(async () => {
    const opened = await engine();
    store = await PostgresEventStore.open(opened.database(), { schema });
    cleanUp = () => opened.cleanUp(schema);
    await store.append('ledger-v-2023', newEvents(3));
    stored = await collect(store.readAll());
  }, 60_000);

  afterAll(async () => {
    await store.close();
    await cleanUp();
  });

  const refusals: readonly (readonly [string, (s: string) => string])[] = [
    ['UPDATE', (s) => `update ${s}.events set type = 'Forged' where stream_position = 1`],
    ['DELETE', (s) => `delete from ${s}.events where stream_position = 2`],
    ['TRUNCATE', (s) => `truncate ${s}.events`],
  ];

  it.each(refusals)('%s is refused with a message naming the table, and the rows stay as they were', async (operation, sql) => {
    const error = await failureOf(run(store.database, sql(schema)));
    expect(error).toMatchObject({ code: 'CLAPO' });
    expect((error as Error).message).toBe(`collective-ledger: the event log is append-only; ${operation} of ${schema}.events refused`);
    const explained = connectionErrorOf(error, store.database.location, 'a statement');
    expect(explained).toBeInstanceOf(EventLogAppendOnlyError);
    expect((explained as Error).message).toBe(
      `the event log is append-only: the database refused ${operation} of ${schema}.events ` +
        '(a stored event is never changed or removed; record a correcting event, such as a reversing voucher, instead)',
    );
    expect(positions(await collect(store.readAll()))).toEqual(positions(stored));
  });

  it('still takes appends and imports after the refusals', async () => {
    await store.append('ledger-v-2023', newEvents(1), { expectedRevision: 2n });
    async function* writes() {
      yield { streamId: 'ledger-w-2023', events: newEvents(2) };
    }
    expect(await store.importAll(writes())).toEqual({ events: 2n });
    expect((await collect(store.readAll())).length).toBe(stored.length + 3);
  });
});

describe.each(engines)('on %s, a schema of an earlier version', (_, engine) => {
  const schema = freshSchema('append_old');
  let opened: Engine;

  beforeAll(async () => {
    opened = await engine();
  });

  afterAll(() => opened.cleanUp(schema));

  it('gets the triggers when a store opens it, and its events can no longer be changed', async () => {
    const db = opened.database();
    try {
      await db.script(migrationsTable(schema));
      for (const migration of migrations.filter((m) => m.version <= 3)) {
        await db.script(migration.sql(schema));
        await db.query({ name: '', text: `insert into ${schema}.schema_migrations (version, name) values ($1, $2)` }, [migration.version, migration.name]);
      }
      const insert = `insert into ${schema}.events (stream_id, stream_position, event_id, type, data, metadata, recorded_at) values ('ledger-old-2023', 0, $1, 'ThingHappened', '{}', $2, now())`;
      await db.query({ name: '', text: insert }, [randomUUID(), JSON.stringify({ eventId: randomUUID(), occurredOn: '2023-03-15', actor: 'old', schemaVersion: 1 })]);
    } finally {
      await db.close();
    }
    const store = await PostgresEventStore.open(opened.database(), { schema });
    try {
      for (const sql of [`update ${schema}.events set type = 'Forged'`, `delete from ${schema}.events`, `truncate ${schema}.events`]) {
        expect(await failureOf(run(store.database, sql))).toMatchObject({ code: 'CLAPO' });
      }
      expect((await collect(store.readAll())).map((e) => [e.streamId, e.type])).toEqual([['ledger-old-2023', 'ThingHappened']]);
    } finally {
      await store.close();
    }
  });
});

/** A login role of this test alone, on the test's server (trust authentication, as the tests run). */
const roleUrl = (role: string): string => {
  const url = new URL(serverUrl);
  url.username = role;
  url.password = '';
  return url.toString();
};

describe('a role given only SELECT and INSERT on the events table', () => {
  const schema = freshSchema('append_role');
  const role = `cl_test_writer_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

  beforeAll(async () => {
    const owner = await PostgresEventStore.open(new PgDatabase({ url: serverUrl }), { schema });
    await owner.close();
    // What docs/adapters/postgres.md tells an operator to grant the store's role.
    await withClient((client) =>
      client.query(`
        create role ${role} login;
        grant usage on schema ${schema} to ${role};
        grant select, insert on ${schema}.events to ${role};
        grant usage, select on sequence ${schema}.event_positions to ${role};
        grant select on ${schema}.schema_migrations to ${role};
        select ${schema}.grant_scope('${role}', '*');
      `),
    );
  });

  afterAll(async () => {
    await dropSchema(schema);
    await withClient((client) => client.query(`drop owned by ${role}; drop role if exists ${role}`));
  });

  const openAsRole = () => PostgresEventStore.open(new PgDatabase({ url: roleUrl(role) }), { schema });

  it('appends, reads and imports through the store', async () => {
    const store = await openAsRole();
    try {
      const first = newEvents(2);
      await store.append('ledger-v-2023', first, { expectedRevision: 'no_stream' });
      async function* writes() {
        yield { streamId: 'ledger-w-2023', events: newEvents(3) };
      }
      expect(await store.importAll(writes())).toEqual({ events: 3n });
      const all = await collect(store.readAll());
      expect(all.map((e) => [e.streamId, e.streamPosition])).toEqual([
        ['ledger-v-2023', 0n],
        ['ledger-v-2023', 1n],
        ['ledger-w-2023', 0n],
        ['ledger-w-2023', 1n],
        ['ledger-w-2023', 2n],
      ]);
      const [last] = await collect(store.readStream('ledger-v-2023', { direction: 'backward', maxCount: 1 }));
      expect(last?.metadata.eventId).toBe(first[1]?.metadata.eventId);
      expect(await store.readCommand('no-such-command')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('cannot drop the triggers, and cannot UPDATE, DELETE or TRUNCATE even once the owner has dropped them', async () => {
    const store = await openAsRole();
    try {
      const before = positions(await collect(store.readAll()));
      const dropTrigger = await failureOf(run(store.database, `drop trigger events_append_only on ${schema}.events`));
      expect((dropTrigger as Error).message).toMatch(/must be owner of (table|relation) events/);
      await withClient((client) =>
        client.query(`drop trigger events_append_only on ${schema}.events; drop trigger events_no_truncate on ${schema}.events`),
      );
      for (const sql of [`update ${schema}.events set type = 'Forged'`, `delete from ${schema}.events`, `truncate ${schema}.events`]) {
        const error = await failureOf(run(store.database, sql));
        expect(error).toMatchObject({ code: '42501' });
        expect((error as Error).message).toBe('permission denied for table events');
      }
      expect(positions(await collect(store.readAll()))).toEqual(before);
    } finally {
      await store.close();
    }
  });
});
