import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, eventHash, type RecordedEvent } from '@collective-ledger/core';
import { collect, newEvent, newEvents } from '@collective-ledger/testing';
import { openPostgresStore } from './open.js';
import { PgDatabase } from './pg-database.js';
import { appendNextStatement } from './sql/append.js';
import { PostgresEventStore } from './store.js';
import { counting, dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

const schema = freshSchema('chain');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresStore({ url: serverUrl, schema, poolSize: 6 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

/** Each event's hash recomputed from the stored events of its stream, oldest first. */
const recomputed = (events: readonly RecordedEvent[]): (string | null)[] =>
  events.map((event, i) => eventHash(event, events[i - 1]?.metadata.hash ?? null));

const hashes = (events: readonly RecordedEvent[]) => events.map((event) => event.metadata.hash);

/** A store on the same schema whose statements are counted, with a head cache of its own (empty). */
const watched = async () => {
  const db = counting(new PgDatabase({ url: serverUrl }));
  return { db, store: await PostgresEventStore.open(db, { schema }) };
};

describe('the head cache keeps appends to one statement', () => {
  it('after its own append or a read of the stream, and reads one row when the head is not known', async () => {
    const { db, store: other } = await watched();
    try {
      const streamId = 'ledger-cache-2024';
      const sent = async (work: () => Promise<unknown>): Promise<number> => {
        db.sent = 0;
        await work();
        return db.sent;
      };
      expect(await sent(() => other.append(streamId, newEvents(2), { expectedRevision: 'no_stream' }))).toBe(1);
      expect(await sent(() => other.append(streamId, newEvents(20), { expectedRevision: 1n }))).toBe(1);
      expect(await sent(() => other.append(streamId, newEvents(1)))).toBe(1);

      // Another store appends meanwhile: this one learns its head by one row, then by reading the stream.
      await store.append(streamId, newEvents(1), { expectedRevision: 22n });
      expect(await sent(() => other.append(streamId, newEvents(1), { expectedRevision: 23n }))).toBe(2);
      await store.append(streamId, newEvents(1), { expectedRevision: 24n });
      await collect(other.readStream(streamId, { direction: 'backward', maxCount: 1 }));
      expect(await sent(() => other.append(streamId, newEvents(1), { expectedRevision: 25n }))).toBe(1);
      const events = await collect(store.readStream(streamId));
      expect(events).toHaveLength(27);
      expect(hashes(events)).toEqual(recomputed(events));
    } finally {
      await other.close();
    }
  });

  it('a stale head still refuses a stale exact revision with the real one, and an `any` append retries from the real head', async () => {
    const { store: other } = await watched();
    try {
      const streamId = 'ledger-stale-2024';
      await other.append(streamId, newEvents(2));
      await store.append(streamId, newEvents(3), { expectedRevision: 1n });
      const error = await other.append(streamId, newEvents(1), { expectedRevision: 1n }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actual).toBe(4n);
      expect((await other.append(streamId, newEvents(1))).nextExpectedRevision).toBe(5n);
      const events = await collect(store.readStream(streamId));
      expect(hashes(events)).toEqual(recomputed(events));
    } finally {
      await other.close();
    }
  });

  it('many `any` appends to one stream from stores with their own heads all succeed, on one unbroken chain', { timeout: 60_000 }, async () => {
    const stores = [store, ...(await Promise.all([1, 2, 3].map(async () => (await watched()).store)))];
    try {
      const streamId = 'ledger-any-race-2024';
      await Promise.all(stores.map(async (s) => {
        for (let i = 0; i < 15; i += 1) await s.append(streamId, [newEvent('AmountRecorded', { i })]);
      }));
      const events = await collect(store.readStream(streamId));
      expect(events.map((event) => event.streamPosition)).toEqual(events.map((_, i) => BigInt(i)));
      expect(events).toHaveLength(60);
      expect(hashes(events)).toEqual(recomputed(events));
    } finally {
      await Promise.all(stores.slice(1).map((s) => s.close()));
    }
  });
});

describe('a stream whose head was stored before hashes existed', () => {
  it('continues from null: the older events stay unsealed', async () => {
    const streamId = 'ledger-unsealed-2019';
    const old = newEvent('IncomeRecorded', { amount: '1.00' });
    const metadata = { ...old.metadata, recordedAt: '2019-12-31T16:00:00.000Z' };
    await withClient((client) =>
      client.query(appendNextStatement(schema, 1).text, [streamId, '-1', old.metadata.eventId, old.type, JSON.stringify(old.data), JSON.stringify(metadata), metadata.recordedAt]),
    );
    const { store: cold } = await watched();
    try {
      await cold.append(streamId, newEvents(1), { expectedRevision: 0n });
      await cold.importAll((async function* () {
        yield { streamId, events: newEvents(1) };
      })());
      const events = await collect(store.readStream(streamId));
      expect(hashes(events)).toEqual([undefined, eventHash(events[1]!, null), eventHash(events[2]!, events[1]!.metadata.hash!)]);
    } finally {
      await cold.close();
    }
  });
});
