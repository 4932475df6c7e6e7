import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvents } from '@collective-ledger/testing';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { MemoryCheckpoints, StreamMetadataCheckpoints } from './checkpoints.js';
import { ForeignRecordError } from './encoding.js';
import { EventStoreDbStore } from './store.js';
import { followAll, type Following } from './subscription.js';

let fake: ProtocolFake;
let store: EventStoreDbStore;
beforeAll(async () => {
  fake = await ProtocolFake.start();
  store = EventStoreDbStore.connect(fake.url);
});
afterAll(async () => {
  await store.close();
  await fake.stop();
});

/** Resolves once `count` events have been seen. */
const waitFor = async (seen: readonly unknown[], count: number): Promise<void> => {
  for (let waited = 0; seen.length < count && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(seen.length).toBeGreaterThanOrEqual(count);
};

describe('following $all with a catch-up subscription and checkpoints', () => {
  it('resumes from its checkpoint after being stopped mid-stream, and sees every event exactly once', async () => {
    const prefix = `books-${crypto.randomUUID()}`;
    const checkpoints = new MemoryCheckpoints();
    const seen: RecordedEvent[] = [];
    const written = newEvents(30);
    for (let i = 0; i < 30; i += 10) await store.append(`${prefix}-${i}`, written.slice(i, i + 10));
    let following: Following | undefined;
    // The first run stops itself from inside its handler, with events still arriving.
    const stopped = new Promise<void>((resolve) => {
      void followAll(store, {
        name: prefix,
        checkpoints,
        streamPrefixes: [prefix],
        handle: (event) => {
          seen.push(event);
          if (seen.length === 12) void following?.stop().then(resolve);
        },
      }).then((run) => (following = run));
    });
    await stopped;
    expect(seen).toHaveLength(12);
    expect(await checkpoints.load(prefix)).toBe(seen[11]?.globalPosition);

    const more = newEvents(5);
    await store.append(`${prefix}-late`, more);
    await store.append(`other-${crypto.randomUUID()}`, newEvents(3));
    const again = await followAll(store, { name: prefix, checkpoints, streamPrefixes: [prefix], handle: (event) => void seen.push(event) });
    await waitFor(seen, 35);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await again.stop();
    expect(eventIdsOf(seen)).toEqual(eventIdsOf([...written, ...more]));
  });

  it('saves the server’s checkpoints past events it does not follow, and keeps them on the server', async () => {
    const prefix = `quiet-${crypto.randomUUID()}`;
    const checkpoints = new StreamMetadataCheckpoints(store.client, store.location);
    await store.append(`${prefix}-a`, newEvents(1));
    const noise = await store.append(`noise-${crypto.randomUUID()}`, newEvents(100));
    const caughtUp = { yet: false };
    const seen: RecordedEvent[] = [];
    const run = await followAll(store, { name: prefix, checkpoints, streamPrefixes: [prefix], handle: (event) => void seen.push(event), onCaughtUp: () => (caughtUp.yet = true) });
    await waitFor(seen, 1);
    for (let waited = 0; !caughtUp.yet && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    await run.stop();
    const saved = await checkpoints.load(prefix);
    expect(saved).toBeGreaterThan(seen[0]?.globalPosition ?? 0n);
    expect(saved).toBeLessThanOrEqual(noise.lastGlobalPosition);
    const collected = await collect(store.readAll());
    expect(collected.some((event) => event.streamId.includes(prefix) && event.streamId.startsWith('$'))).toBe(false);
  });
});

describe('following $all across a server restart', () => {
  it('subscribes again from its last checkpoint and misses nothing, handling nothing twice', async () => {
    const prefix = `restart-${crypto.randomUUID()}`;
    const checkpoints = new MemoryCheckpoints();
    const seen: RecordedEvent[] = [];
    const before = newEvents(5);
    await store.append(`${prefix}-a`, before);
    const run = await followAll(store, { name: prefix, checkpoints, streamPrefixes: [prefix], handle: (event) => void seen.push(event) });
    await waitFor(seen, 5);
    await fake.restart();
    const after = newEvents(3);
    await store.append(`${prefix}-b`, after);
    await waitFor(seen, 8);
    await run.stop();
    expect(eventIdsOf(seen)).toEqual(eventIdsOf([...before, ...after]));
  });
});

describe('a record that is not one of the books’ events', () => {
  it('ends the subscription with ForeignRecordError naming its stream, after handling what came before it', async () => {
    const prefix = `foreign-${crypto.randomUUID()}`;
    const before = newEvents(2);
    await store.append(`${prefix}-a`, before);
    fake.log.append(`${prefix}-b`, { kind: 'any' }, [
      { id: crypto.randomUUID(), type: 'Blob', contentType: 'application/octet-stream', data: new Uint8Array([1, 2, 3]), metadata: new Uint8Array() },
    ]);
    const seen: RecordedEvent[] = [];
    const told: unknown[] = [];
    const run = await followAll(store, { name: prefix, checkpoints: new MemoryCheckpoints(), streamPrefixes: [prefix], handle: (event) => void seen.push(event), onError: (error) => void told.push(error) });
    const error: unknown = await run.ended.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForeignRecordError);
    expect((error as Error).message).toBe(`stream ${prefix}-b, revision 0: it is not JSON, so it is not an event of the books (written by another program?)`);
    expect(told).toEqual([error]);
    expect(eventIdsOf(seen)).toEqual(eventIdsOf(before));
  });
});
