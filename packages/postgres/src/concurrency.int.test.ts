import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, eventHash, type AppendResult, type NewEvent, type RecordedEvent } from '@collective-ledger/core';
import { collect, newEvent } from '@collective-ledger/testing';
import { openPostgresStore } from './open.js';
import { appendNextArraysStatement } from './sql/append.js';
import type { PostgresEventStore } from './store.js';
import { dropSchema, freshSchema, serverUrl, withClient } from './test-support.js';

const WRITERS = 8;
const EVENTS = 2_000;
const STREAMS = 20;

const schema = freshSchema('concurrency');
let store: PostgresEventStore;

beforeAll(async () => {
  store = await openPostgresStore({ url: serverUrl, schema, poolSize: WRITERS + 2 });
});

afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

interface Appended {
  readonly eventId: string;
  readonly streamId: string;
  readonly result: AppendResult;
  /** Order numbers: when the append was sent, and when its success came back. */
  readonly sent: number;
  readonly done: number;
}

/** The current revision of a stream, as a writer that has never seen it learns it. */
const revisionOf = async (streamId: string): Promise<bigint | 'no_stream'> => {
  const events = await collect(store.readStream(streamId));
  const last = events.at(-1);
  return last === undefined ? 'no_stream' : last.streamPosition;
};

interface Work {
  next: number;
  clock: number;
  conflicts: number;
}

/** One attempt at appending `event` with the revision the writer believes; false on a conflict (then it knows better). */
const attempt = async (work: Work, known: Map<string, bigint | 'no_stream'>, streamId: string, event: NewEvent): Promise<Appended | undefined> => {
  const expectedRevision = known.get(streamId) ?? (await revisionOf(streamId));
  const sent = work.clock++;
  try {
    const result = await store.append(streamId, [event], { expectedRevision });
    known.set(streamId, result.nextExpectedRevision);
    return { eventId: event.metadata.eventId, streamId, result, sent, done: work.clock++ };
  } catch (error) {
    if (!(error instanceof ConcurrencyError)) throw error;
    work.conflicts += 1;
    known.set(streamId, error.actual ?? 'no_stream');
    return undefined;
  }
};

/** A writer: takes the next event number until there are none, appends it with its expected revision, retries conflicts. */
const writer = async (work: Work, appended: Appended[], prefix: string): Promise<void> => {
  const known = new Map<string, bigint | 'no_stream'>();
  for (let n = work.next++; n < EVENTS; n = work.next++) {
    const streamId = `${prefix}-${(n * 7) % STREAMS}`;
    const event = newEvent('AmountRecorded', { n, amount: '10.00' });
    let done = await attempt(work, known, streamId, event);
    while (done === undefined) done = await attempt(work, known, streamId, event);
    appended.push(done);
  }
};

/** Follow readAll from a checkpoint until `stop` says the writers are done, then once more. */
const follower = async (from: bigint, isDone: () => boolean): Promise<RecordedEvent[]> => {
  const seen: RecordedEvent[] = [];
  let position = from;
  for (;;) {
    const finished = isDone();
    for await (const event of store.readAll({ fromPosition: position })) {
      seen.push(event);
      position = event.globalPosition + 1n;
    }
    if (finished) return seen;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('8 writers on separate pool connections, 20 shared streams, a follower', () => {
  it('loses none, duplicates none, keeps every stream contiguous and chained, and readAll order is commit order', { timeout: 120_000 }, async () => {
    const prefix = `ledger-race-${Date.now()}`;
    const start = (await store.append(`${prefix}-start`, [newEvent()])).lastGlobalPosition + 1n;
    const work: Work = { next: 0, clock: 0, conflicts: 0 };
    const appended: Appended[] = [];
    let done = false;
    const following = follower(start, () => done);
    await Promise.all(Array.from({ length: WRITERS }, () => writer(work, appended, prefix)));
    done = true;
    const followed = (await following).filter((event) => event.streamId.startsWith(prefix));

    expect(appended).toHaveLength(EVENTS);
    expect(work.conflicts, 'the writers really raced for the same revisions').toBeGreaterThan(0);
    const all = (await collect(store.readAll({ fromPosition: start }))).filter((event) => event.streamId.startsWith(prefix));
    const ids = all.map((event) => event.metadata.eventId);
    expect(new Set(ids).size).toBe(EVENTS);
    expect(new Set(ids)).toEqual(new Set(appended.map((a) => a.eventId)));

    for (let s = 0; s < STREAMS; s += 1) {
      const events = await collect(store.readStream(`${prefix}-${s}`));
      expect(events.map((event) => event.streamPosition)).toEqual(events.map((_, i) => BigInt(i)));
      // Each winner was sealed after the event it followed: every stream is one unbroken chain.
      expect(events.map((event) => event.metadata.hash)).toEqual(events.map((event, i) => eventHash(event, events[i - 1]?.metadata.hash ?? null)));
    }
    // An append that came back before another was sent committed first, so its position is smaller.
    const byPosition = [...appended].sort((a, b) => (a.result.lastGlobalPosition < b.result.lastGlobalPosition ? -1 : 1));
    let earliestDoneAfter = Number.POSITIVE_INFINITY;
    const outOfOrder: Appended[] = [];
    for (const a of byPosition.reverse()) {
      if (earliestDoneAfter < a.sent) outOfOrder.push(a);
      earliestDoneAfter = Math.min(earliestDoneAfter, a.done);
    }
    expect(outOfOrder).toEqual([]);
    // The follower saw every event exactly once, in the order readAll gives at the end.
    expect(followed.map((event) => event.metadata.eventId)).toEqual(ids);
  });
});

describe('a reader never runs ahead of an append in flight', () => {
  it('waits for an uncommitted append with a smaller position, then returns both in position order', { timeout: 30_000 }, async () => {
    const first = newEvent('Slow');
    const second = newEvent('Fast');
    await withClient(async (client) => {
      await client.query('begin');
      const [row] = (
        await client.query<{ global_position: string }>(appendNextArraysStatement(schema).text, [
          'ledger-slow',
          '-1',
          [first.metadata.eventId],
          [first.type],
          [JSON.stringify(first.data)],
          [JSON.stringify({ ...first.metadata, recordedAt: new Date().toISOString() })],
        ])
      ).rows;
      const slowPosition = BigInt(row?.global_position ?? '0');
      const fast = await store.append('ledger-fast', [second]);
      expect(fast.lastGlobalPosition).toBeGreaterThan(slowPosition);

      let settled = false;
      const reading = collect(store.readAll({ fromPosition: slowPosition })).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(settled, 'the reader waited for the append in flight').toBe(false);
      await client.query('commit');
      const read = (await reading).map((event) => event.metadata.eventId);
      expect(read.slice(0, 2)).toEqual([first.metadata.eventId, second.metadata.eventId]);
    });
  });
});
