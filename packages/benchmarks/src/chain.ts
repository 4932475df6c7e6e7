/**
 * Chain benchmark: what sealing every event with its chain hash costs. The
 * same voucher events (Chinese summaries, two or three lines, the metadata a
 * command stamps) are appended to a fresh in-memory store in batches of 10
 * over 1,000 streams, which seals each one; then `eventHash` alone recomputes
 * every stored hash in a plain loop. The hash's share of the append is the
 * ratio of the two times; SHA-256 alone over the same texts' UTF-8 bytes,
 * encoded beforehand, is the floor under it. The content check every append
 * makes (`contentProblemOf`) is timed alone the same way. Finally the sealed events are
 * replayed, and the same events without their hashes, through the same
 * reader: the hash is only metadata, so the replay rate should not move. Run
 * in its own process.
 */
import * as crypto from 'node:crypto';
import * as t from 'io-ts';
import {
  EventCatalog,
  InMemoryEventStore,
  Money,
  Yuan,
  defineEvent,
  chainedText,
  contentProblemOf,
  eventHash,
  runProjection,
  type BatchReadingStore,
  type NewEvent,
  type Projection,
  type RecordedEvent,
} from '@collective-ledger/core';
import { peakRssMiB, timed } from './measure.js';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 200_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const STREAMS = 1_000;
const BATCH = 10;

const Line = t.type({ account: t.string, side: t.string, amount: Yuan });
const VoucherRecorded = t.type({ organizationId: t.string, voucherNo: t.string, date: t.string, summary: t.string, lines: t.array(Line) });
type Voucher = { type: 'VoucherRecorded'; data: t.TypeOf<typeof VoucherRecorded> };
const catalog = new EventCatalog<Voucher>([
  defineEvent({ type: 'VoucherRecorded', codec: VoucherRecorded, schemaVersion: 1, organizationOf: (data) => data.organizationId }),
]);

const SUMMARIES = ['收到鱼塘承包费', '支付村干部误工补贴', '收到上级转移支付', '购买办公用品', '收到厂房租金'];
const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const digest = (n: number): string => `sha256:${(n * 2_654_435_761).toString(16).padStart(64, '0').slice(-64)}`;

/** Voucher `n`: whole fen, so the replayed sum is exact and checkable. */
const voucher = (n: number, stream: number): NewEvent => {
  const fen = BigInt((n % 100_000) + 1);
  const amount = Money.fromFen(fen).toString();
  const lines = [{ account: '102', side: 'debit', amount }, { account: n % 3 === 0 ? '501' : '504', side: 'credit', amount }];
  if (n % 5 === 0) lines.push({ account: '101', side: 'debit', amount: '0.01' }, { account: '102', side: 'credit', amount: '0.01' });
  const date = `2024-${String((n % 12) + 1).padStart(2, '0')}-15`;
  return {
    type: 'VoucherRecorded',
    data: { organizationId: `v-${stream}`, voucherNo: `记-${n}`, date, summary: SUMMARIES[n % SUMMARIES.length] ?? '', lines },
    metadata: { eventId: uuid(n), occurredOn: date, actor: '会计-张三', commandId: `post-${n}`, commandDigest: digest(n), schemaVersion: 1 },
  };
};

const debits: Projection<{ fen: bigint }, Voucher> = {
  name: 'debits',
  handles: ['VoucherRecorded'],
  init: () => ({ fen: 0n }),
  apply: (state, e) => {
    let fen = state.fen;
    for (const line of e.event.data.lines) if (line.side === 'debit') fen += line.amount.toFen();
    return { fen };
  },
};

/** The same reader for both replays: the events in arrays, as the in-memory store hands them out. */
const served = (events: readonly RecordedEvent[]): BatchReadingStore => {
  async function* batches(): AsyncIterable<readonly RecordedEvent[]> {
    for (let i = 0; i < events.length; i += 1_000) yield events.slice(i, i + 1_000);
  }
  async function* all(): AsyncIterable<RecordedEvent> {
    yield* events;
  }
  const none = () => Promise.reject(new Error('read only'));
  return { readAllBatches: batches, readAll: all, append: none, readStream: all, readCommand: none, close: () => Promise.resolve() };
};

/** Each event's previous hash in its stream, worked out before the timed loop. */
const previousHashes = (events: readonly RecordedEvent[]): (string | null)[] => {
  const heads = new Map<string, string | null>();
  return events.map((event) => {
    const previous = heads.get(event.streamId) ?? null;
    heads.set(event.streamId, event.metadata.hash ?? null);
    return previous;
  });
};

const appendAll = async (batches: readonly NewEvent[][]): Promise<{ store: InMemoryEventStore; seconds: number }> => {
  const store = new InMemoryEventStore();
  const run = await timed(async () => {
    for (let b = 0; b < batches.length; b += 1) await store.append(`ledger-v-${b % STREAMS}-2024`, batches[b] ?? []);
  });
  return { store, seconds: run.seconds };
};

const hashAll = (events: readonly RecordedEvent[], previous: readonly (string | null)[]): { seconds: number; mismatches: number } => {
  const hashes: string[] = new Array<string>(events.length);
  const start = performance.now();
  for (let i = 0; i < events.length; i += 1) hashes[i] = eventHash(events[i] as RecordedEvent, previous[i] ?? null);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, mismatches: events.filter((event, i) => event.metadata.hash !== hashes[i]).length };
};

/** node:crypto's one-shot SHA-256 where Node has it (20.12 and later), as eventHash uses. */
const sha256Of = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash ??
  ((_algorithm: string, data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex'));

/**
 * The floor under eventHash: node:crypto's SHA-256 alone over the UTF-8 bytes
 * of the very texts eventHash hashes, written and encoded before the timed loop.
 */
const digestAll = (events: readonly RecordedEvent[], previous: readonly (string | null)[]): number => {
  const bytes = events.map((event, i) => Buffer.from(chainedText(event, previous[i] ?? null), 'utf8'));
  const digests: string[] = new Array<string>(bytes.length);
  const start = performance.now();
  for (let i = 0; i < bytes.length; i += 1) digests[i] = sha256Of('sha256', bytes[i] as Uint8Array, 'hex');
  const seconds = (performance.now() - start) / 1000;
  // The same bytes as eventHash: every digest is the stored hash.
  const differ = events.filter((event, i) => event.metadata.hash !== `sha256:${digests[i] ?? ''}`).length;
  if (differ > 0) throw new Error(`${differ} digests of the canonical texts differ from the stored hashes`);
  return seconds;
};

/** What every append checks of each event's content (limits.ts), alone over the same events: its share of the append. */
const checkAll = (events: readonly RecordedEvent[]): number => {
  const start = performance.now();
  let problems = 0;
  for (const event of events) if (contentProblemOf(event) !== undefined) problems += 1;
  const seconds = (performance.now() - start) / 1000;
  if (problems > 0) throw new Error(`${problems} stored events fail the content check`);
  return seconds;
};

const replaySeconds = async (events: readonly RecordedEvent[], expected: bigint): Promise<number> => {
  const replay = await timed(() => runProjection(served(events), catalog, debits));
  if (replay.value.state.fen !== expected) throw new Error(`replayed ${replay.value.state.fen} fen, expected ${expected}`);
  return replay.seconds;
};

const main = async (): Promise<void> => {
  const batches: NewEvent[][] = [];
  let expected = 0n;
  for (let n = 0; n < EVENTS; n += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, EVENTS - n) }, (_, i) => voucher(n + i, (n / BATCH) % STREAMS)));
  }
  for (let n = 0; n < EVENTS; n += 1) expected += BigInt((n % 100_000) + 1) + (n % 5 === 0 ? 1n : 0n);
  const runs: { append: number; hash: number; sha256: number; content: number; sealed: number; unsealed: number }[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    const { store, seconds: append } = await appendAll(batches);
    const events: RecordedEvent[] = [];
    for await (const batch of store.readAllBatches()) events.push(...batch);
    const previous = previousHashes(events);
    const hashed = hashAll(events, previous);
    if (hashed.mismatches > 0) throw new Error(`${hashed.mismatches} stored hashes differ from eventHash`);
    const sha256 = digestAll(events, previous);
    const content = checkAll(events);
    const unsealed = events.map((event) => {
      const { hash: _hash, ...metadata } = event.metadata;
      return { ...event, metadata };
    });
    // Alternate which goes first, so neither always replays on a warmer heap.
    const [first, second] = r % 2 === 0 ? [events, unsealed] : [unsealed, events];
    const a = await replaySeconds(first, expected);
    const b = await replaySeconds(second, expected);
    runs.push({ append, hash: hashed.seconds, sha256, content, sealed: r % 2 === 0 ? a : b, unsealed: r % 2 === 0 ? b : a });
  }
  const result = { name: 'chain', events: EVENTS, streams: STREAMS, batch: BATCH, runs, peakRssMiB: Math.round(peakRssMiB()), checkedFen: expected.toString() };
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

void main();
