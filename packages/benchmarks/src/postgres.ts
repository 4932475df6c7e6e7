/**
 * PostgreSQL benchmark, side by side on the real server in one process:
 * (A) one event per append with its expected revision, (B) appends of 10,
 * (C) every stream read back; each through the event store and with plain
 * `pg` statements on a table of the same shape. Each run gets a fresh schema;
 * store and plain take turns within a run, slice by slice; medians of
 * `BENCH_RUNS` runs.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, postgresUrlFrom } from '@collective-ledger/postgres';
import { runSummary, timed, type RunSummary } from './measure.js';
import { WRITERS, plainAppends, plainReads, plainTable, storeAppends, storeReads } from './postgres-workloads.js';

const EVENTS = Number(process.env['BENCH_PG_EVENTS'] ?? 20_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const url = postgresUrlFrom();

interface Pair {
  readonly store: number[];
  readonly plain: number[];
}

type Workload = 'single' | 'batch10' | 'read';

/** Each workload is done in slices, store and plain taking turns (each first in every other slice), so a drift in the machine's speed (disk flushes, other load) falls on both alike. */
const SLICES = 4;

interface Sides {
  readonly store: () => Promise<unknown>;
  readonly plain: () => Promise<unknown>;
}

/** Seconds of the store's and plain's slices, summed: `slice(i)` gives the two sides of slice i. */
const inTurns = async (slice: (i: number) => Sides): Promise<{ store: number; plain: number }> => {
  const total = { store: 0, plain: 0 };
  for (let i = 0; i < SLICES; i += 1) {
    const sides = slice(i);
    const order = i % 2 === 0 ? (['store', 'plain'] as const) : (['plain', 'store'] as const);
    for (const side of order) total[side] += (await timed(sides[side])).seconds;
  }
  return total;
};

const push = (pair: Pair, took: { store: number; plain: number }): void => {
  pair.store.push(took.store);
  pair.plain.push(took.plain);
};

const oneRun = async (run: number, seconds: Record<Workload, Pair>): Promise<void> => {
  const schema = `cl_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await openPostgresStore({ url, schema, poolSize: WRITERS });
  const pool = new pg.Pool({ connectionString: url, max: WRITERS });
  const plain = { pool, schema };
  try {
    await pool.query(plainTable(schema));
    // Warm both paths (connections, prepared statements) before timing.
    await storeAppends(store, run * 100 + 99, 400, 1);
    await plainAppends(plain, run * 100 + 99, 400, 1);
    // Run codes: run × 100 + workload × 10 + slice, so every slice writes streams and event ids of its own.
    const code = (workload: number, i: number): number => run * 100 + workload * 10 + i;
    const slice = EVENTS / SLICES;
    push(seconds.single, await inTurns((i) => ({ store: () => storeAppends(store, code(1, i), slice, 1), plain: () => plainAppends(plain, code(1, i), slice, 1) })));
    push(seconds.batch10, await inTurns((i) => ({ store: () => storeAppends(store, code(2, i), slice, 10), plain: () => plainAppends(plain, code(2, i), slice, 10) })));
    let read = { store: 0, plain: 0 };
    const reads = await inTurns((i) => ({
      store: async () => (read = { ...read, store: read.store + (await storeReads(store, [code(1, i), code(2, i)])) }),
      plain: async () => (read = { ...read, plain: read.plain + (await plainReads(plain, [code(1, i), code(2, i)])) }),
    }));
    if (read.store !== 2 * EVENTS || read.plain !== 2 * EVENTS) {
      throw new Error(`read back ${read.store} events from the store and ${read.plain} plain, not ${2 * EVENTS}`);
    }
    push(seconds.read, reads);
  } finally {
    await store.close();
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  }
};

const main = async (): Promise<void> => {
  const empty = (): Pair => ({ store: [], plain: [] });
  const seconds: Record<Workload, Pair> = { single: empty(), batch10: empty(), read: empty() };
  for (let run = 0; run < RUNS; run += 1) await oneRun(run + 1, seconds);
  const events: Record<Workload, number> = { single: EVENTS, batch10: EVENTS, read: 2 * EVENTS };
  const summary = (w: Workload): { store: RunSummary; plain: RunSummary; ratio: number } => {
    const store = runSummary(events[w], seconds[w].store);
    const plain = runSummary(events[w], seconds[w].plain);
    return { store, plain, ratio: store.medianPerSecond / plain.medianPerSecond };
  };
  const result = {
    name: 'postgres',
    events: EVENTS,
    writers: WRITERS,
    runs: RUNS,
    single: summary('single'),
    batch10: summary('batch10'),
    read: summary('read'),
    server: (await serverVersion()).replace(/ on .*/, ''),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

const serverVersion = async (): Promise<string> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>('select version()');
  await client.end();
  return rows[0]?.version ?? 'unknown';
};

void main();
