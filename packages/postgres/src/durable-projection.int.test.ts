import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as t from 'io-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventCatalog, Id, Money, Yuan, defineEvent, runProjection, type JsonValue } from '@collective-ledger/core';
import { newEvent } from '@collective-ledger/testing';
import { runDurableProjection, type DurableProjection } from './durable-projection.js';
import { openPostgresStore } from './open.js';
import type { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl } from './test-support.js';

const amountRecorded = defineEvent({
  type: 'AmountRecorded',
  codec: t.type({ organizationId: Id, amount: Yuan }),
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});
const catalog = new EventCatalog([amountRecorded]);

interface Totals {
  readonly events: number;
  readonly total: Money;
}

const totals = (name: string, version = 1, failAt?: number): DurableProjection<Totals> => ({
  name,
  version,
  handles: ['AmountRecorded'],
  init: () => ({ events: 0, total: Money.zero }),
  apply: (state, { event }) => {
    if (state.events + 1 === failAt) throw new Error(`crash while applying event ${failAt}`);
    return { events: state.events + 1, total: state.total.plus((event.data as { amount: Money }).amount) };
  },
  encode: (state) => ({ events: state.events, total: state.total.toString() }),
  decode: (json) => {
    const { events, total } = json as { events: number; total: string };
    return { events, total: Money.of(total) };
  },
});

const schema = freshSchema('durable');
let store: PostgresEventStore;
let expectedFen = 0n;
let appended = 0;

/** Append `count` AmountRecorded events over five villages' streams, in appends of 50. */
const appendAmounts = async (count: number): Promise<void> => {
  for (let done = 0; done < count; done += 50) {
    const batch = Array.from({ length: Math.min(50, count - done) }, (_, i) => {
      const fen = BigInt(100 + ((appended + i) * 37) % 10_000);
      expectedFen += fen;
      return newEvent('AmountRecorded', { organizationId: `v-${(appended + i) % 5}`, amount: Money.fromFen(fen).toString() });
    });
    await store.append(`ledger-v-${(appended / 50) % 5}-2024`, batch);
    appended += batch.length;
  }
};

const foldInMemory = async (projection: DurableProjection<Totals>) => (await runProjection(store, catalog, projection)).state;

beforeAll(async () => {
  store = await openPostgresStore({ url: serverUrl, schema });
  await appendAmounts(1_050);
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('durable projections', () => {
  it('keeps state and checkpoint in PostgreSQL and resumes from them, applying only what came after', async () => {
    const projection = totals('totals-resume');
    const first = await runDurableProjection(store, catalog, projection, { batchSize: 100 });
    expect(first).toMatchObject({ batches: 11, rebuilt: true });
    expect(first.state.events).toBe(1_050);
    expect(first.state.total.toFen()).toBe(expectedFen);

    const idle = await runDurableProjection(store, catalog, projection, { batchSize: 100 });
    expect(idle).toMatchObject({ batches: 0, rebuilt: false, position: first.position });
    expect(projection.encode(idle.state)).toEqual(projection.encode(first.state));

    await appendAmounts(30);
    const more = await runDurableProjection(store, catalog, projection, { batchSize: 100 });
    expect(more.batches).toBe(1);
    expect(projection.encode(more.state)).toEqual(projection.encode(await foldInMemory(projection)));
  });

  it('rebuilds from the first event when the projection version changes', async () => {
    await runDurableProjection(store, catalog, totals('totals-versioned', 1), { batchSize: 500 });
    const rebuilt = await runDurableProjection(store, catalog, totals('totals-versioned', 2), { batchSize: 500 });
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.state.events).toBe(appended);
    const again = await runDurableProjection(store, catalog, totals('totals-versioned', 2), { batchSize: 500 });
    expect(again).toMatchObject({ rebuilt: false, batches: 0 });
  });

  it('a crash inside a batch keeps the state of the batches before it: nothing applied twice or skipped', async () => {
    const failing = totals('totals-crash', 1, 250);
    await expect(runDurableProjection(store, catalog, failing, { batchSize: 100 })).rejects.toThrow(/crash while applying event 250/);
    const resumed = await runDurableProjection(store, catalog, totals('totals-crash'), { batchSize: 100 });
    expect(resumed.rebuilt).toBe(false);
    expect(resumed.state.events).toBe(appended);
    expect(resumed.state.total.toFen()).toBe(expectedFen);
  });

  it('stops after maxBatches and between batches on abort', async () => {
    const projection = totals('totals-sliced');
    const slice = await runDurableProjection(store, catalog, projection, { batchSize: 100, maxBatches: 2 });
    expect(slice.state.events).toBe(200);
    const controller = new AbortController();
    const aborted = await runDurableProjection(store, catalog, projection, {
      batchSize: 100,
      signal: controller.signal,
      onBatch: () => {
        controller.abort();
      },
    });
    expect(aborted.state.events).toBe(300);
  });
});

const child = fileURLToPath(new URL('../test/durable-child.mjs', import.meta.url));

const runChild = (name: string, killAfter?: number): Promise<{ signal: string | null; stdout: string }> =>
  new Promise((resolve) => {
    const args = [child, schema, name, ...(killAfter === undefined ? [] : [String(killAfter)])];
    execFile(process.execPath, args, { env: { ...process.env, COLLECTIVE_LEDGER_PG_URL: serverUrl } }, (error, stdout, stderr) => {
      if (error !== null && error.signal !== 'SIGKILL') throw new Error(`the projection process failed: ${stderr}`);
      resolve({ signal: error?.signal ?? null, stdout });
    });
  });

describe('a projection process', () => {
  it('killed between two batches, resumes from its checkpoint with results identical to an uninterrupted run', { timeout: 60_000 }, async () => {
    const killed = await runChild('totals-process', 3);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stdout).toBe('');
    const resumed = JSON.parse((await runChild('totals-process')).stdout) as { state: JsonValue; rebuilt: boolean; batches: number };
    expect(resumed.rebuilt).toBe(false);
    expect(resumed.batches).toBe(Math.ceil(appended / 100) - 3);
    const uninterrupted = JSON.parse((await runChild('totals-straight')).stdout) as { state: JsonValue };
    expect(resumed.state).toEqual(uninterrupted.state);
    expect(resumed.state).toMatchObject({ events: appended, total: Money.fromFen(expectedFen).toString() });
  });
});
