/**
 * Memory-append benchmark: what the in-memory store's append costs beside
 * the least an append can do. 1,000,000 `AmountRecorded` events (an
 * organization id and a yuan amount, the metadata a command stamps) are
 * appended in batches of 10 over 1,000 streams, each at the exact expected
 * revision: to `InMemoryEventStore` (every event checked, sealed with its
 * chain hash, copied and frozen), and to a hand-written limit that keeps the
 * same events in arrays after the same revision check and nothing else. The
 * batches are built (and parsed from JSON, as input arrives) before either
 * runs; the two take turns going first. Then the bytes each keeps per event:
 * heap used after a full collection, events built batch by batch and dropped
 * once appended, over the events. Run in its own process.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { ConcurrencyError, InMemoryEventStore, Money, type AppendResult, type NewEvent } from '@collective-ledger/core';
import { peakRssMiB } from './measure.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const STREAMS = 1_000;
const BATCH = 10;

interface Batch {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Batch `b` as input arrives: parsed from JSON text. Amounts are whole fen, so every figure is exact. */
const batchOf = (b: number): Batch => {
  const stream = b % STREAMS;
  const events = Array.from({ length: BATCH }, (_, i) => {
    const n = b * BATCH + i;
    return {
      type: 'AmountRecorded',
      data: { organizationId: `v-${stream}`, amount: Money.fromFen(BigInt((n % 100_000) + 1)).toString() },
      metadata: { eventId: uuid(n), occurredOn: '2024-06-30', actor: '会计-张三', commandId: `record-${b}`, schemaVersion: 1 },
    };
  });
  return { streamId: `ledger-v-${stream}-2024`, events: JSON.parse(JSON.stringify(events)) as NewEvent[] };
};

interface Appending {
  append(streamId: string, events: readonly NewEvent[], options: { readonly expectedRevision: bigint | 'no_stream' }): Promise<AppendResult>;
}

/** The least an append does: the revision check, then the events kept in their stream's array and the log. */
class HandWrittenLimit implements Appending {
  readonly log: NewEvent[] = [];
  private readonly streams = new Map<string, NewEvent[]>();

  append(streamId: string, events: readonly NewEvent[], options: { readonly expectedRevision: bigint | 'no_stream' }): Promise<AppendResult> {
    let stream = this.streams.get(streamId);
    const actual = stream === undefined ? 'no_stream' : BigInt(stream.length - 1);
    if (actual !== options.expectedRevision) return Promise.reject(new ConcurrencyError(streamId, options.expectedRevision, stream && BigInt(stream.length - 1)));
    if (stream === undefined) this.streams.set(streamId, (stream = []));
    for (const event of events) {
      stream.push(event);
      this.log.push(event);
    }
    return Promise.resolve({ nextExpectedRevision: BigInt(stream.length - 1), lastGlobalPosition: BigInt(this.log.length) });
  }
}

/** Append every batch, each at the revision the stream's last append returned; the seconds it took. */
const appendAll = async (store: Appending, batches: readonly Batch[]): Promise<number> => {
  const revisions = new Map<string, bigint>();
  const start = performance.now();
  for (const { streamId, events } of batches) {
    const result = await store.append(streamId, events, { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
    revisions.set(streamId, result.nextExpectedRevision);
  }
  return (performance.now() - start) / 1000;
};

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const heapUsed = (): number => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/** Bytes of heap per event a store keeps: its events built batch by batch, each batch dropped once appended. */
const bytesPerEvent = async (store: Appending, size: () => number): Promise<number> => {
  const before = heapUsed();
  const revisions = new Map<string, bigint>();
  for (let b = 0; b < EVENTS / BATCH; b += 1) {
    const { streamId, events } = batchOf(b);
    revisions.set(streamId, (await store.append(streamId, events, { expectedRevision: revisions.get(streamId) ?? 'no_stream' })).nextExpectedRevision);
  }
  const used = heapUsed() - before;
  if (size() !== EVENTS) throw new Error(`the store holds ${size()} events, not ${EVENTS}`);
  return used / EVENTS;
};

const main = async (): Promise<void> => {
  const batches = Array.from({ length: EVENTS / BATCH }, (_, b) => batchOf(b));
  const runs: { store: number; limit: number }[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const store = new InMemoryEventStore();
    const limit = new HandWrittenLimit();
    // Take turns going first, so neither always runs on the other's leftover heap.
    const [first, second] = r % 2 === 0 ? [store, limit] : [limit, store];
    const a = await appendAll(first, batches);
    const b = await appendAll(second, batches);
    if (store.size !== EVENTS || limit.log.length !== EVENTS) throw new Error(`kept ${store.size} and ${limit.log.length} events, not ${EVENTS}`);
    runs.push(r % 2 === 0 ? { store: a, limit: b } : { store: b, limit: a });
  }
  batches.length = 0;
  const store = new InMemoryEventStore();
  const storeBytes = await bytesPerEvent(store, () => store.size);
  let last = 0n;
  for await (const batch of store.readAllBatches()) last = batch.at(-1)?.globalPosition ?? last;
  if (last !== BigInt(EVENTS)) throw new Error(`readAll ended at global position ${last}, not ${EVENTS}`);
  const limit = new HandWrittenLimit();
  const limitBytes = await bytesPerEvent(limit, () => limit.log.length);
  const result = { name: 'memory-append', events: EVENTS, streams: STREAMS, batch: BATCH, runs, storeBytes, limitBytes, peakRssMiB: Math.round(peakRssMiB()) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
