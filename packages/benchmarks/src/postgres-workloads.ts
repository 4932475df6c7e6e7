/**
 * The three workloads of the PostgreSQL benchmark, each done twice on the
 * same server with the same table shape: through the event store, and with
 * plain `pg` statements that stand for what the engine allows (no revision
 * check, no locks, positions computed by the client).
 */
import type pg from 'pg';
import type { NewEvent } from '@collective-ledger/core';
import type { PostgresEventStore } from '@collective-ledger/postgres';

export const WRITERS = 4;
export const STREAMS = 200;

const uuid = (run: number, n: number): string =>
  `00000000-${run.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Event `n` of a run: a small voucher-like payload with amounts as decimal strings. */
export const benchEvent = (run: number, n: number): NewEvent => ({
  type: 'VoucherPosted',
  data: {
    organizationId: `v-${n % STREAMS}`,
    voucherNo: `记-${n}`,
    summary: '收到土地发包租金',
    lines: [
      { account: '102', side: 'debit', amount: `${(n % 9_000) + 100}.00` },
      { account: '501', side: 'credit', amount: `${(n % 9_000) + 100}.00` },
    ],
  },
  metadata: { eventId: uuid(run, n), occurredOn: '2024-03-15', actor: 'bench', schemaVersion: 1 },
});

/** `events` events as `WRITERS` writers share them: writer w owns streams w, w + WRITERS, ...; `batch` events per append. */
const plan = (events: number, batch: number): { stream: number; from: number }[][] => {
  const writers: { stream: number; from: number }[][] = Array.from({ length: WRITERS }, () => []);
  for (let from = 0, k = 0; from < events; from += batch, k += 1) {
    const stream = k % STREAMS;
    writers[stream % WRITERS]?.push({ stream, from });
  }
  return writers;
};

const batchOf = (run: number, from: number, size: number): NewEvent[] => Array.from({ length: size }, (_, i) => benchEvent(run, from + i));

/** (A) and (B) through the store: every append with its exact expected revision. */
export const storeAppends = async (store: PostgresEventStore, run: number, events: number, batch: number): Promise<void> => {
  await Promise.all(
    plan(events, batch).map(async (appends) => {
      const revisions = new Map<number, bigint>();
      for (const { stream, from } of appends) {
        const expectedRevision = revisions.get(stream) ?? 'no_stream';
        const result = await store.append(`bench-${run}-${stream}`, batchOf(run, from, batch), { expectedRevision });
        revisions.set(stream, result.nextExpectedRevision);
      }
    }),
  );
};

/** The same table as the store's events table: columns, keys and indexes. */
export const plainTable = (schema: string): string => `
create sequence ${schema}.plain_positions as bigint;
create table ${schema}.plain_events (
  global_position bigint primary key default nextval('${schema}.plain_positions'),
  stream_id text not null,
  stream_position bigint not null,
  event_id uuid not null,
  type text not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null,
  unique (stream_id, stream_position),
  unique (event_id)
);`;

const insertText = (schema: string, rows: number): string => {
  const values = Array.from({ length: rows }, (_, r) => {
    const p = r * 7;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`;
  });
  return `insert into ${schema}.plain_events (stream_id, stream_position, event_id, type, data, metadata, recorded_at) values ${values.join(', ')}`;
};

/** (A) and (B) with plain `pg`: one INSERT of `batch` rows per transaction (autocommit), positions from the client. */
export interface PlainTarget {
  readonly pool: pg.Pool;
  readonly schema: string;
}

export const plainAppends = async ({ pool, schema }: PlainTarget, run: number, events: number, batch: number): Promise<void> => {
  const text = insertText(schema, batch);
  await Promise.all(
    plan(events, batch).map(async (appends) => {
      const next = new Map<number, number>();
      for (const { stream, from } of appends) {
        const position = next.get(stream) ?? 0;
        next.set(stream, position + batch);
        const recordedAt = new Date().toISOString();
        const values = batchOf(run, from, batch).flatMap((e, i) => [
          `bench-${run}-${stream}`,
          position + i,
          e.metadata.eventId,
          e.type,
          JSON.stringify(e.data),
          JSON.stringify({ ...e.metadata, recordedAt }),
          recordedAt,
        ]);
        await pool.query({ name: `plain-insert-${batch}`, text, values });
      }
    }),
  );
};

/** The streams the appends of `runs` wrote, dealt out to `WRITERS` readers. */
const streamsOf = (runs: readonly number[]): string[][] =>
  Array.from({ length: WRITERS }, (_, w) => runs.flatMap((run) => Array.from({ length: STREAMS / WRITERS }, (_, k) => `bench-${run}-${w + k * WRITERS}`)));

/** (C) through the store: every stream of `runs` read back, `WRITERS` readers at once. Returns the events read. */
export const storeReads = async (store: PostgresEventStore, runs: readonly number[]): Promise<number> => {
  let read = 0;
  await Promise.all(
    streamsOf(runs).map(async (streams) => {
      for (const streamId of streams) {
        for await (const event of store.readStream(streamId)) if (event.streamId === streamId) read += 1;
      }
    }),
  );
  return read;
};

/** (C) with plain `pg`: one SELECT per stream. */
export const plainReads = async ({ pool, schema }: PlainTarget, runs: readonly number[]): Promise<number> => {
  const text =
    `select global_position, stream_id, stream_position, type, data, metadata from ${schema}.plain_events ` +
    'where stream_id = $1 order by stream_position';
  let read = 0;
  await Promise.all(
    streamsOf(runs).map(async (streams) => {
      for (const streamId of streams) {
        const result = await pool.query({ name: 'plain-read', text, values: [streamId] });
        read += result.rows.length;
      }
    }),
  );
  return read;
};
