import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventCatalog, type StreamWrite } from '@collective-ledger/core';
import { collect, newEvents } from '@collective-ledger/testing';
import { redactUrl } from './config.js';
import { runDurableProjection, type DurableProjection } from './durable-projection.js';
import { ConnectionLostError } from './errors.js';
import { openPostgresStore } from './open.js';
import { writeLockKey } from './sql/lock.js';
import type { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

// The store's connections carry an application name of their own, so the test
// finds their backends in pg_stat_activity and ends them from a second connection.
const application = `cl_lost_${randomUUID().slice(0, 8)}`;
const storeUrl = (() => {
  const url = new URL(serverUrl);
  url.searchParams.set('application_name', application);
  return url.toString();
})();
const schema = freshSchema('lost');
let store: PostgresEventStore;

// An 'error' event nobody listens to would end a plain Node process; here it would land in this list.
const uncaught: unknown[] = [];
const record = (error: unknown): void => {
  uncaught.push(error);
};

beforeAll(async () => {
  process.on('uncaughtException', record);
  store = await openPostgresStore({ url: storeUrl, schema, poolSize: 3 });
});

afterEach(async () => {
  // Errors of dying sockets arrive a moment after the failing statement.
  await sleep(100);
  expect(uncaught).toEqual([]);
});

afterAll(async () => {
  process.off('uncaughtException', record);
  await store.close();
  await dropSchema(schema);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first backend of the store that waits for a lock and is not one of `ended`, once there is one. */
const blockedBackend = async (client: pg.Client, ended: readonly number[]): Promise<number> => {
  for (let tries = 0; tries < 400; tries += 1) {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock' and not (pid = any($2::int[]))",
      [application, [...ended]],
    );
    const pid = rows[0]?.pid;
    if (pid !== undefined) return pid;
    await sleep(25);
  }
  throw new Error('no backend of the store reached the lock');
};

/** End the store's backend once it waits for the lock the test holds; `times` 2 ends the retry's as well. */
const terminateBlocked = async (client: pg.Client, times: number): Promise<void> => {
  const ended: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const pid = await blockedBackend(client, ended);
    await client.query('select pg_terminate_backend($1)', [pid]);
    ended.push(pid);
  }
};

const failureOf = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (error: unknown) => error,
  );

/**
 * Hold `lock` in a transaction of a second connection while `work` runs into
 * it; end the store's backend `times` times from a third (pg_stat_activity
 * stays as it was for the whole of a transaction); then let go.
 */
const underLock = async <T>(lock: (client: pg.Client) => Promise<unknown>, times: number, work: () => Promise<T>): Promise<T> =>
  withClient((holder) =>
    withClient(async (watcher) => {
      await holder.query('begin');
      await lock(holder);
      const running = work();
      // Read the outcome even when ending a backend throws below, so no rejection goes unhandled.
      running.catch(() => undefined);
      try {
        await terminateBlocked(watcher, times);
      } finally {
        await holder.query('rollback');
      }
      return running;
    }),
  );

const writeLock = (client: pg.Client) => client.query('select pg_advisory_xact_lock($1, $2)', [...writeLockKey(schema)]);
const tableLock = (table: string) => (client: pg.Client) => client.query(`lock table ${schema}.${table} in access exclusive mode`);

const expectLost = (error: unknown, operation: string): void => {
  expect(error).toBeInstanceOf(ConnectionLostError);
  const message = (error as Error).message;
  expect(message).toContain(`the connection to PostgreSQL at ${redactUrl(storeUrl)} was lost during ${operation}`);
  expect(message).toMatch(/terminat/);
  const password = new URL(storeUrl).password;
  if (password !== '') expect(message).not.toContain(password);
};

async function* writesOf(...writes: StreamWrite[]): AsyncIterable<StreamWrite> {
  for (const write of writes) yield write;
}

describe('an append whose backend is ended', () => {
  it('is sent once more on a new connection, and stored once', async () => {
    const streamId = `ledger-once-${randomUUID()}`;
    await store.append(streamId, newEvents(2));
    const events = newEvents(3);
    const result = await underLock(writeLock, 1, () => store.append(streamId, events, { expectedRevision: 1n }));
    expect(result.nextExpectedRevision).toBe(4n);
    const stored = await collect(store.readStream(streamId));
    expect(stored.map((event) => event.metadata.eventId).slice(2)).toEqual(events.map((event) => event.metadata.eventId));
  });

  it('twice (the retry too) is ConnectionLostError naming the server; nothing is stored and the next append works', async () => {
    const streamId = `ledger-twice-${randomUUID()}`;
    await store.append(streamId, newEvents(2));
    const doomed = newEvents(3);
    const error = await underLock(writeLock, 2, () => failureOf(store.append(streamId, doomed, { expectedRevision: 1n })));
    expectLost(error, `the append to stream ${streamId}`);
    expect((await collect(store.readStream(streamId))).map((event) => event.streamPosition)).toEqual([0n, 1n]);
    const retried = await store.append(streamId, doomed, { expectedRevision: 1n });
    expect(retried.nextExpectedRevision).toBe(4n);
  });
});

describe('a read whose backend is ended', () => {
  it('is run once more on a new connection and answers', async () => {
    const streamId = `ledger-read-${randomUUID()}`;
    await store.append(streamId, newEvents(4));
    const read = await underLock(tableLock('events'), 1, () => collect(store.readStream(streamId)));
    expect(read.map((event) => event.streamPosition)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('twice is ConnectionLostError, and the next read works', async () => {
    const streamId = `ledger-read-twice-${randomUUID()}`;
    await store.append(streamId, newEvents(4));
    const error = await underLock(tableLock('events'), 2, () => failureOf(collect(store.readAll())));
    expectLost(error, 'a read');
    expect(await collect(store.readStream(streamId))).toHaveLength(4);
  });

  it('a pooled connection ended while idle is not noticed by the next reads', async () => {
    const streamId = `ledger-idle-${randomUUID()}`;
    await store.append(streamId, newEvents(2));
    for (let round = 0; round < 3; round += 1) {
      await withClient((client) =>
        client.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and state = 'idle'", [application]),
      );
      expect(await collect(store.readStream(streamId))).toHaveLength(2);
    }
  });
});

describe('an import whose backend is ended', () => {
  it('is ConnectionLostError, stores nothing, and the next import works', async () => {
    const write = { streamId: `ledger-import-${randomUUID()}`, events: newEvents(5) };
    const error = await underLock(writeLock, 1, () => failureOf(store.importAll(writesOf(write))));
    expectLost(error, 'the import');
    expect(await collect(store.readStream(write.streamId))).toEqual([]);
    expect((await store.importAll(writesOf(write))).events).toBe(5n);
  });
});

describe('a durable projection whose backend is ended', () => {
  const counting: DurableProjection<number> = {
    name: `count-${randomUUID()}`,
    version: 1,
    handles: [],
    init: () => 0,
    apply: (count) => count + 1,
    encode: (count) => count,
    decode: (json) => Number(json),
  };
  const catalog = new EventCatalog([]);

  it('reading its checkpoint twice is ConnectionLostError naming the projection; the next run works', async () => {
    await store.append(`ledger-projected-${randomUUID()}`, newEvents(3));
    const error = await underLock(tableLock('projections'), 2, () => failureOf(runDurableProjection(store, catalog, counting)));
    expectLost(error, `the projection ${counting.name}`);
    const run = await runDurableProjection(store, catalog, counting);
    expect(run.rebuilt).toBe(true);
    expect(run.position).toBeGreaterThan(0n);
  });
});
