import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, newEvents } from '@collective-ledger/testing';
import { PgDatabase } from './pg-database.js';
import { PostgresEventStore } from './store.js';
import { counting, dropSchema, freshSchema, serverUrl } from './test-support.js';

// Reads are pages of batchSize rows, one statement each: what a replay of ten
// million events holds in memory is one page, never the log.
const schema = freshSchema('reads');
const db = counting(new PgDatabase({ url: serverUrl }));
let store: PostgresEventStore;
let from = 0n;

beforeAll(async () => {
  store = await PostgresEventStore.open(db, { schema, batchSize: 10 });
  from = (await store.append('ledger-pages-2024', newEvents(95))).lastGlobalPosition - 94n;
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('reads in pages', () => {
  it('readAll of 95 events sends 10 page statements of at most 10 rows', async () => {
    db.sent = 0;
    const events = await collect(store.readAll({ fromPosition: from }));
    expect(events).toHaveLength(95);
    expect(db.sent).toBe(10);
  });

  it('a reader that stops early has asked for one page only', async () => {
    db.sent = 0;
    for await (const event of store.readAll({ fromPosition: from })) if (event.streamPosition >= 3n) break;
    expect(db.sent).toBe(1);
  });

  it('readStream and readAllBatches page the same way', async () => {
    db.sent = 0;
    expect(await collect(store.readStream('ledger-pages-2024', { fromRevision: 5n }))).toHaveLength(90);
    expect(db.sent).toBe(10);
    const batches = await collect(store.readAllBatches({ fromPosition: from, batchSize: 40 }));
    expect(batches.map((batch) => batch.length)).toEqual([40, 40, 15]);
  });

  it('a backward read pages the same way; maxCount asks for no more rows than it returns', async () => {
    db.sent = 0;
    const backward = await collect(store.readStream('ledger-pages-2024', { direction: 'backward' }));
    expect(backward.map((event) => event.streamPosition)).toEqual(Array.from({ length: 95 }, (_, i) => BigInt(94 - i)));
    expect(db.sent).toBe(10);
    db.sent = 0;
    const [last] = await collect(store.readStream('ledger-pages-2024', { direction: 'backward', maxCount: 1 }));
    expect(last?.streamPosition).toBe(94n);
    expect(db.sent).toBe(1);
    db.sent = 0;
    expect(await collect(store.readStream('ledger-pages-2024', { fromRevision: 50n, maxCount: 20 }))).toHaveLength(20);
    expect(db.sent).toBe(2);
  });
});
