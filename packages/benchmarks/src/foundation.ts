/**
 * Foundation benchmark: append 1,000,000 synthetic events to the
 * in-memory store, then replay them through a projection that sums an amount
 * per stream with Money. Run in its own process so peak RSS is its own.
 */
import * as t from 'io-ts';
import {
  EventCatalog,
  InMemoryEventStore,
  Money,
  Yuan,
  defineEvent,
  runProjection,
  type NewEvent,
  type Projection,
} from '@collective-ledger/core';
import { peakRssMiB, rate, timed } from './measure.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const STREAMS = 1_000;
const BATCH = 10;

const AmountRecorded = t.type({ organizationId: t.string, amount: Yuan });
const amountRecorded = defineEvent({
  type: 'AmountRecorded',
  codec: AmountRecorded,
  schemaVersion: 1,
  organizationOf: (data) => data.organizationId,
});
const catalog = new EventCatalog<{ type: 'AmountRecorded'; data: t.TypeOf<typeof AmountRecorded> }>([amountRecorded]);

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const event = (n: number, stream: number): NewEvent => ({
  type: 'AmountRecorded',
  // Amounts are built from whole fen, so every figure is exact and checkable.
  data: { organizationId: `v-${stream}`, amount: Money.fromFen(BigInt((n % 100_000) + 1)).toString() },
  metadata: { eventId: uuid(n), occurredOn: '2024-06-30', actor: 'bench', schemaVersion: 1 },
});

const sumPerStream: Projection<Map<string, Money>, { type: 'AmountRecorded'; data: t.TypeOf<typeof AmountRecorded> }> = {
  name: 'sum-per-stream',
  handles: ['AmountRecorded'],
  init: () => new Map(),
  apply: (state, e) => state.set(e.streamId, (state.get(e.streamId) ?? Money.zero).plus(e.event.data.amount)),
};

const main = async (): Promise<void> => {
  const store = new InMemoryEventStore();
  const append = await timed(async () => {
    for (let n = 0; n < EVENTS; n += BATCH) {
      const stream = (n / BATCH) % STREAMS;
      const batch = Array.from({ length: BATCH }, (_, i) => event(n + i, stream));
      await store.append(`bench-${stream}`, batch);
    }
  });
  const replay = await timed(() => runProjection(store, catalog, sumPerStream));
  let expected = 0n;
  for (let n = 0; n < EVENTS; n += 1) expected += BigInt((n % 100_000) + 1);
  const total = Money.sum([...replay.value.state.values()]);
  if (total.toFen() !== expected) throw new Error(`replay total ${total.toString()} differs from ${expected} fen`);
  const result = {
    name: 'foundation',
    events: EVENTS,
    appendPerSecond: rate(EVENTS, append.seconds),
    appendSeconds: append.seconds,
    replayPerSecond: rate(EVENTS, replay.seconds),
    replaySeconds: replay.seconds,
    peakRssMiB: Math.round(peakRssMiB()),
    checkedTotal: total.toString(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
