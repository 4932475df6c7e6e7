/**
 * PostgreSQL benchmark, side by side on the real server in one process:
 * (A) one event per append with its expected revision, (B) appends of 10,
 * (C) every stream read back; each through the event store and with plain
 * `pg` statements on a table of the same shape. Each run gets a fresh schema;
 * store and plain take turns within a run; medians of `BENCH_RUNS` runs.
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

const workloads = ['single', 'batch10', 'read'] as const;
type Workload = (typeof workloads)[number];

const oneRun = async (run: number, seconds: Record<Workload, Pair>): Promise<void> => {
  const schema = `cl_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const store = await openPostgresStore({ url, schema, poolSize: WRITERS });
  const pool = new pg.Pool({ connectionString: url, max: WRITERS });
  const plain = { pool, schema };
  try {
    await pool.query(plainTable(schema));
    // Warm both paths (connections, prepared statements) before timing.
    await storeAppends(store, run * 10 + 9, 400, 1);
    await plainAppends(plain, run * 10 + 9, 400, 1);
    seconds.single.store.push((await timed(() => storeAppends(store, run * 10, EVENTS, 1))).seconds);
    seconds.single.plain.push((await timed(() => plainAppends(plain, run * 10, EVENTS, 1))).seconds);
    seconds.batch10.plain.push((await timed(() => plainAppends(plain, run * 10 + 1, EVENTS, 10))).seconds);
    seconds.batch10.store.push((await timed(() => storeAppends(store, run * 10 + 1, EVENTS, 10))).seconds);
    const read = await timed(() => storeReads(store, [run * 10, run * 10 + 1]));
    const plainRead = await timed(() => plainReads(plain, [run * 10, run * 10 + 1]));
    if (read.value !== 2 * EVENTS || plainRead.value !== 2 * EVENTS) {
      throw new Error(`read back ${read.value} events from the store and ${plainRead.value} plain, not ${2 * EVENTS}`);
    }
    seconds.read.store.push(read.seconds);
    seconds.read.plain.push(plainRead.seconds);
  } finally {
    await store.close();
    await pool.query(`drop schema ${schema} cascade`);
    await pool.end();
  }
};

const main = async (): Promise<void> => {
  const seconds = Object.fromEntries(workloads.map((w) => [w, { store: [], plain: [] }])) as unknown as Record<Workload, Pair>;
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
