import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidAppendError, type NewEvent } from '@collective-ledger/core';
import { collect, newEvent, newEvents } from '@collective-ledger/testing';
import { DatabaseUnreachableError } from './errors.js';
import { openPostgresStore } from './open.js';
import { PgDatabase } from './pg-database.js';
import { PostgresEventStore } from './store.js';
import { counting, dropSchema, freshSchema, serverUrl } from './test-support.js';

const schema = freshSchema('faults');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresStore({ url: serverUrl, schema });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

// A backend ended under an append, a read, an import or a projection: connection-lost.int.test.ts.

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
