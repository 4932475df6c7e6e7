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
import * as crypto from 'node:crypto';
import { chainedText, ConcurrencyError, InMemoryEventStore, Money, type AppendResult, type NewEvent, type RecordedEvent } from '@collective-ledger/core';
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

/** Seconds of wall-clock time, and of CPU time (every thread of the process: the collector's helpers too). */
interface Took {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

/** Append every batch, each at the revision the stream's last append returned. */
const appendAll = async (store: Appending, batches: readonly Batch[]): Promise<Took> => {
  const revisions = new Map<string, bigint>();
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const { streamId, events } of batches) {
    const result = await store.append(streamId, events, { expectedRevision: revisions.get(streamId) ?? 'no_stream' });
    revisions.set(streamId, result.nextExpectedRevision);
  }
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
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

/** node:crypto's one-shot SHA-256 where Node has it (20.12 and later), as the store uses. */
const sha256 = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash ??
  ((_algorithm: string, data: string) => crypto.createHash('sha256').update(data, 'utf8').digest('hex'));

/**
 * The floor under every append: node:crypto's SHA-256 alone over the texts
 * the store hashed (its stored events' canonical texts), checked to give the
 * stored hashes. The texts are written and flattened before the timed loop,
 * 10,000 at a time, so only the digests are timed. CPU seconds.
 */
const hashFloor = (events: readonly RecordedEvent[]): number => {
  const heads = new Map<string, string | null>();
  let seconds = 0;
  for (let from = 0; from < events.length; from += 10_000) {
    const chunk = events.slice(from, from + 10_000);
    const texts = chunk.map((event) => {
      const text = chainedText(event, heads.get(event.streamId) ?? null);
      heads.set(event.streamId, event.metadata.hash ?? null);
      text.charCodeAt(0); // flattened here, not in the timed loop
      return text;
    });
    const digests = new Array<string>(texts.length);
    const cpu = process.cpuUsage();
    for (let i = 0; i < texts.length; i += 1) digests[i] = sha256('sha256', texts[i] ?? '', 'hex');
    const used = process.cpuUsage(cpu);
    seconds += (used.user + used.system) / 1e6;
    if (chunk.some((event, i) => event.metadata.hash !== `sha256:${digests[i] ?? ''}`)) throw new Error('a digest of the canonical texts differs from the stored hash');
  }
  return seconds;
};

/** The hash floor over a store's events, the store then dropped. */
const floorOf = async (store: InMemoryEventStore): Promise<number> => {
  const stored: RecordedEvent[] = [];
  for await (const batch of store.readAllBatches()) stored.push(...batch);
  if (stored.at(-1)?.globalPosition !== BigInt(EVENTS)) throw new Error(`readAll ended at global position ${stored.at(-1)?.globalPosition}, not ${EVENTS}`);
  return hashFloor(stored);
};

/** Bytes per event the store keeps, measured with nothing else alive. */
const storeBytesPerEvent = async (): Promise<number> => {
  const store = new InMemoryEventStore();
  return bytesPerEvent(store, () => store.size);
};

/** Bytes per event the limit keeps. */
const limitBytesPerEvent = async (): Promise<number> => {
  const limit = new HandWrittenLimit();
  return bytesPerEvent(limit, () => limit.log.length);
};

const main = async (): Promise<void> => {
  const batches = Array.from({ length: EVENTS / BATCH }, (_, b) => batchOf(b));
  const runs: { store: number; limit: number; storeCpu: number; limitCpu: number }[] = [];
  let last: InMemoryEventStore | undefined;
  for (let r = 0; r < RUNS; r += 1) {
    const store = new InMemoryEventStore();
    const limit = new HandWrittenLimit();
    // Take turns going first, so neither always runs on the other's leftover heap.
    const [first, second] = r % 2 === 0 ? [store, limit] : [limit, store];
    const a = await appendAll(first, batches);
    const b = await appendAll(second, batches);
    if (store.size !== EVENTS || limit.log.length !== EVENTS) throw new Error(`kept ${store.size} and ${limit.log.length} events, not ${EVENTS}`);
    const [s, l] = r % 2 === 0 ? [a, b] : [b, a];
    if (r === RUNS - 1) last = store;
    runs.push({ store: s.seconds, limit: l.seconds, storeCpu: s.cpuSeconds, limitCpu: l.cpuSeconds });
  }
  batches.length = 0;
  const hashCpu = await floorOf(last ?? new InMemoryEventStore());
  last = undefined;
  const storeBytes = await storeBytesPerEvent();
  const limitBytes = await limitBytesPerEvent();
  const result = { name: 'memory-append', events: EVENTS, streams: STREAMS, batch: BATCH, runs, hashCpu, storeBytes, limitBytes, peakRssMiB: Math.round(peakRssMiB()) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
