import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidAppendError, type NewEvent } from '@collective-ledger/core';
import { collect, newEvent, newEvents } from '@collective-ledger/testing';
import { ConnectionLostError, DatabaseUnreachableError } from './errors.js';
import { openPostgresStore } from './open.js';
import { PgDatabase } from './pg-database.js';
import { PostgresEventStore } from './store.js';
import { writeLockKey } from './sql/lock.js';
import { counting, dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

const schema = freshSchema('faults');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresStore({ url: serverUrl, schema });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The backend running an append to `streamId` that waits for a lock, once it is there. */
const blockedAppendBackend = async (client: pg.Client): Promise<number> => {
  for (let tries = 0; tries < 200; tries += 1) {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock_shared%' and pid <> pg_backend_pid()",
    );
    const pid = rows[0]?.pid;
    if (pid !== undefined) return pid;
    await sleep(25);
  }
  throw new Error('the append never reached its lock');
};

describe('the backend of an appending connection is killed mid-transaction', () => {
  it('stores nothing of that append, reports it clearly, and the store stays usable', async () => {
    const streamId = 'ledger-killed-2024';
    await store.append(streamId, newEvents(2));
    const doomed = newEvents(3);
    await withClient(async (client) => {
      // Hold the write lock exclusive, as an import does: the append stops inside its statement and transaction.
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1, $2)', [...writeLockKey(schema)]);
      const appending = store.append(streamId, doomed, { expectedRevision: 1n }).then(
        () => undefined,
        (error: unknown) => error,
      );
      const pid = await blockedAppendBackend(client);
      await client.query('select pg_terminate_backend($1)', [pid]);
      await client.query('rollback');
      const error = await appending;
      expect(error).toBeInstanceOf(ConnectionLostError);
      expect((error as Error).message).toMatch(/connection to PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:5432\/test was lost/);
      expect((error as Error).message).toContain(`the append to stream ${streamId}`);
      expect((error as Error).message).toMatch(/terminat/);
    });
    const stored = await collect(store.readStream(streamId));
    expect(stored.map((event) => event.streamPosition)).toEqual([0n, 1n]);
    const ids = new Set(doomed.map((event) => event.metadata.eventId));
    expect((await collect(store.readAll())).filter((event) => ids.has(event.metadata.eventId))).toEqual([]);
    // The pool replaced the dead connection: the same append now goes through.
    const retried = await store.append(streamId, doomed, { expectedRevision: 1n });
    expect(retried.nextExpectedRevision).toBe(4n);
  });
});

describe('the server is unreachable', () => {
  it('says where it tried to connect, without the password', async () => {
    const url = 'postgres://ledger:s3cret-word@127.0.0.1:1/books';
    const error = await openPostgresStore({ url, schema }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    const message = (error as Error).message;
    expect(message).toContain('cannot connect to PostgreSQL at postgres://ledger:***@127.0.0.1:1/books');
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).not.toContain('s3cret-word');
  });
});

describe('bad input', () => {
  const bad: readonly (readonly [string, string, () => NewEvent[]])[] = [
    ['a stream id with a space', 'ledger village', () => newEvents(1)],
    ['an empty batch', 'ledger-empty', () => []],
    ['a date that does not exist', 'ledger-bad-date', () => [newEvent('X', {}, { occurredOn: '2023-02-30' })]],
    ['an event id that is not a uuid', 'ledger-bad-id', () => [newEvent('X', {}, { eventId: 'nope' })]],
  ];

  it.each(bad)('%s is refused before any SQL runs, and nothing is written', async (_, streamId, events) => {
    const db = counting(new PgDatabase({ url: serverUrl }));
    const watched = await PostgresEventStore.open(db, { schema });
    try {
      db.sent = 0;
      const error = await watched.append(streamId, events()).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect(db.sent).toBe(0);
      expect(await collect(watched.readStream(streamId.replace(' ', '-')))).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('a bad event in an import is refused before its chunk is sent, and nothing of the import is kept', async () => {
    const good = newEvents(3);
    async function* writes() {
      yield { streamId: 'ledger-import-good', events: good };
      yield { streamId: 'ledger-import-bad', events: [newEvent('X', {}, { occurredOn: '2023-02-30' })] };
    }
    await expect(store.importAll(writes())).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await collect(store.readStream('ledger-import-good'))).toEqual([]);
  });
});
