/**
 * EventStoreDB benchmark: the adapter's append and read throughput against
 * the protocol fake, in this process. It measures the client and the
 * adapter, not a server: the fake keeps its log in memory and answers at
 * once. Each figure stands beside a limit measured in the same run, the raw
 * `@eventstore/db-client` doing the same work against a fake of its own
 * (appends of the same batches with `'any'`, a read of `$all`), so the ratio
 * says what the adapter adds: per append, a catch-up read of `$all` for its
 * event-id index, a read of the stream's head for the chain hash, and the
 * checks and sealing every store does. Run in its own process.
 */
import { EventStoreDBClient, jsonEvent, START } from '@eventstore/db-client';
import type { NewEvent } from '@collective-ledger/core';
import { EventStoreDbStore } from '@collective-ledger/eventstoredb';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { peakRssMiB, timed } from './measure.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const STREAMS = 100;
const BATCH = 10;

const SUMMARIES = ['收到鱼塘承包费', '支付村干部误工补贴', '收到上级转移支付', '购买办公用品', '收到厂房租金'];

/** Voucher `n` of run `run`: ids unique across runs. */
const voucher = (run: number, n: number): NewEvent => ({
  type: 'VoucherRecorded',
  data: {
    organizationId: `v-${n % STREAMS}`,
    voucherNo: `记-${n}`,
    summary: SUMMARIES[n % SUMMARIES.length] ?? '',
    lines: [
      { account: '102', side: 'debit', amount: `${(n % 9_999) + 1}.00` },
      { account: '501', side: 'credit', amount: `${(n % 9_999) + 1}.00` },
    ],
  },
  metadata: {
    eventId: `00000000-0000-4${String(run).padStart(3, '0')}-8000-${n.toString(16).padStart(12, '0')}`,
    occurredOn: '2024-03-15',
    actor: '会计-张三',
    commandId: `post-${run}-${n}`,
    schemaVersion: 1,
  },
});

const batches = (run: number): { readonly streamId: string; readonly events: NewEvent[] }[] =>
  Array.from({ length: EVENTS / BATCH }, (_, b) => ({
    streamId: `ledger-v-${b % STREAMS}-2024`,
    events: Array.from({ length: BATCH }, (__, i) => voucher(run, b * BATCH + i)),
  }));

const count = async (read: AsyncIterable<unknown>): Promise<number> => {
  let seen = 0;
  for await (const _ of read) seen += 1;
  return seen;
};

interface EventStoreDbRun {
  readonly adapterAppend: number;
  readonly clientAppend: number;
  readonly adapterRead: number;
  readonly clientRead: number;
}

const oneRun = async (run: number): Promise<EventStoreDbRun> => {
  const work = batches(run);
  const [ours, theirs] = [await ProtocolFake.start(), await ProtocolFake.start()];
  const store = EventStoreDbStore.connect(ours.url);
  const client = EventStoreDBClient.connectionString(theirs.url);
  const adapterAppend = await timed(async () => {
    for (const { streamId, events } of work) await store.append(streamId, events);
  });
  const clientAppend = await timed(async () => {
    for (const { streamId, events } of work) {
      await client.appendToStream(streamId, events.map((e) => jsonEvent({ id: e.metadata.eventId, type: e.type, data: e.data, metadata: e.metadata })));
    }
  });
  const adapterRead = await timed(() => count(store.readAll()));
  // The raw read of $all also returns the server's own records, which the adapter skips: a few, counted apart.
  const clientRead = await timed(() => count(client.readAll({ fromPosition: START })));
  if (adapterRead.value !== EVENTS) throw new Error(`the adapter read ${adapterRead.value} events of ${EVENTS}`);
  if (clientRead.value < EVENTS) throw new Error(`the client read ${clientRead.value} records, fewer than ${EVENTS}`);
  await store.close();
  await client.dispose();
  await Promise.all([ours.stop(), theirs.stop()]);
  return { adapterAppend: adapterAppend.seconds, clientAppend: clientAppend.seconds, adapterRead: adapterRead.seconds, clientRead: clientRead.seconds };
};

const runs: EventStoreDbRun[] = [];
for (let run = 0; run < RUNS; run += 1) runs.push(await oneRun(run));
process.stdout.write(JSON.stringify({ events: EVENTS, streams: STREAMS, batch: BATCH, runs, peakRssMiB: peakRssMiB() }));
