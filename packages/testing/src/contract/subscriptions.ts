import { describe, expect, it } from '../vitest-api.js';
import { subscribe, supportsNotifications, type NewEvent, type RecordedEvent, type SubscriptionBatch } from '@collective-ledger/core';
import { eventIdsOf, newEvents } from '../fixtures.js';
import type { ContractContext } from './context.js';

/** The longest a test waits for events it appended to reach a follower. */
const DELIVERY_MS = 10_000;

interface Follower {
  /** Every batch handed out so far. */
  readonly batches: SubscriptionBatch[];
  /** Resolves once the follower has seen all these event ids (or rejects after `DELIVERY_MS`). */
  seen(eventIds: readonly string[]): Promise<void>;
  /** Resolves once some batch has said the follower is current. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Start a subscription in the background and keep what it hands out. */
const follow = (ctx: ContractContext, after: bigint): Follower => {
  const controller = new AbortController();
  const batches: SubscriptionBatch[] = [];
  const waiters = new Set<() => void>();
  let failure: unknown;
  const running = (async () => {
    try {
      for await (const batch of subscribe(ctx.store, { after, signal: controller.signal, pollMs: 200, batchSize: 7 })) {
        batches.push(batch);
        for (const wake of [...waiters]) wake();
      }
    } catch (error) {
      failure = error;
      for (const wake of [...waiters]) wake();
    }
  })();
  const until = (done: () => boolean, what: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (failure !== undefined) reject(failure instanceof Error ? failure : new Error('the subscription failed', { cause: failure }));
        else if (done()) resolve();
        else return;
        clearTimeout(timer);
        waiters.delete(check);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the subscription did not deliver ${what} within ${DELIVERY_MS} ms`));
      }, DELIVERY_MS);
      waiters.add(check);
      check();
    });
  return {
    batches,
    seen: (eventIds) => {
      const wanted = new Set(eventIds);
      return until(() => {
        const got = new Set(batches.flatMap((b) => eventIdsOf(b.events)));
        return [...wanted].every((id) => got.has(id));
      }, `${wanted.size} events`);
    },
    caughtUp: () => until(() => batches.some((b) => b.caughtUp), 'a caught-up batch'),
    stop: async () => {
      controller.abort();
      await running;
    },
  };
};

const delivered = (batches: readonly SubscriptionBatch[]): RecordedEvent[] => batches.flatMap((b) => b.events);

const expectEachOnceInOrder = (events: readonly RecordedEvent[]): void => {
  const positions = events.map((e) => e.globalPosition);
  positions.forEach((position, i) => {
    const previous = positions[i - 1];
    if (previous !== undefined) expect(position, 'positions strictly increase').toBeGreaterThan(previous);
  });
  expect(new Set(eventIdsOf(events)).size, 'no event twice').toBe(events.length);
};

export const describeSubscriptions = (ctx: ContractContext): void => {
  const own = (events: readonly RecordedEvent[], streams: readonly string[]) => events.filter((e) => streams.includes(e.streamId));

  describe('subscriptions', () => {
    it('the store wakes followers when events are appended (no polling needed)', () => {
      expect(supportsNotifications(ctx.store)).toBe(true);
    });

    it('catch up from a checkpoint: every later event once, in readAll order, then a caught-up batch', async () => {
      const from = await ctx.checkpoint();
      const [a, b] = [ctx.streamId('sub-a'), ctx.streamId('sub-b')];
      const appended: NewEvent[] = [];
      for (const [stream, count] of [[a, 3], [b, 5], [a, 9], [b, 1]] as const) {
        const batch = newEvents(count);
        await ctx.store.append(stream, batch);
        appended.push(...batch);
      }
      const follower = follow(ctx, from - 1n);
      await follower.seen(eventIdsOf(appended));
      await follower.caughtUp();
      await follower.stop();
      const events = delivered(follower.batches);
      expectEachOnceInOrder(events);
      expect(events[0]?.globalPosition).toBeGreaterThanOrEqual(from);
      expect(eventIdsOf(own(events, [a, b]))).toEqual(eventIdsOf(appended));
      expect(eventIdsOf(own(events, [a, b]))).toEqual(eventIdsOf(await ctx.ownEventsSince(from)));
      for (const batch of follower.batches) expect(batch.position).toBe(batch.events.at(-1)?.globalPosition ?? batch.position);
    });

    it('resumes after the checkpoint it was given: nothing at or before it, nothing skipped after it', async () => {
      const stream = ctx.streamId('sub-resume');
      const first = newEvents(4);
      await ctx.store.append(stream, first);
      const [resumeAt] = (await ctx.ownEventsSince(0n)).slice(1, 2);
      const later = newEvents(6);
      await ctx.store.append(stream, later);
      const follower = follow(ctx, resumeAt?.globalPosition ?? 0n);
      await follower.seen(eventIdsOf(later));
      await follower.stop();
      const mine = own(delivered(follower.batches), [stream]);
      expect(eventIdsOf(mine)).toEqual(eventIdsOf([...first.slice(2), ...later]));
    });

    it('follows: events appended after it caught up arrive, each once, in order', async () => {
      const from = await ctx.checkpoint();
      const follower = follow(ctx, from - 1n);
      await follower.caughtUp();
      const stream = ctx.streamId('sub-live');
      const live: NewEvent[] = [];
      for (let i = 0; i < 5; i += 1) {
        const batch = newEvents(i + 1);
        await ctx.store.append(stream, batch);
        live.push(...batch);
      }
      await follower.seen(eventIdsOf(live));
      await follower.stop();
      const events = delivered(follower.batches);
      expectEachOnceInOrder(events);
      expect(eventIdsOf(own(events, [stream]))).toEqual(eventIdsOf(live));
    });

    // Whole: a follower never sees part of an append. Positions of concurrent appends may interleave on a store that says so.
    it('concurrent multi-event appends: the follower sees each append whole and in its order, and skips none', async () => {
      const from = await ctx.checkpoint();
      const follower = follow(ctx, from - 1n);
      await follower.caughtUp();
      const streams = Array.from({ length: 12 }, (_, i) => ctx.streamId(`sub-race-${i}`));
      const batches = streams.map((_, i) => newEvents(3 + (i % 4)));
      await Promise.all(streams.map((stream, i) => ctx.store.append(stream, batches[i] ?? [])));
      const appended = batches.flat();
      await follower.seen(eventIdsOf(appended));
      await follower.stop();
      const events = own(delivered(follower.batches), streams);
      expectEachOnceInOrder(events);
      expect(events).toHaveLength(appended.length);
      for (const [i, stream] of streams.entries()) {
        const indexes = events.flatMap((e, at) => (e.streamId === stream ? [at] : []));
        expect(eventIdsOf(indexes.map((at) => events[at] as RecordedEvent)), `append ${i} whole and in order`).toEqual(eventIdsOf(batches[i] ?? []));
      }
      // Every batch handed out holds, of each append, all of it or none of it.
      const seen = new Map<string, number>();
      for (const batch of follower.batches) {
        for (const event of own(batch.events, streams)) seen.set(event.streamId, (seen.get(event.streamId) ?? 0) + 1);
        for (const [i, stream] of streams.entries()) {
          const count = seen.get(stream) ?? 0;
          if (batch.caughtUp) expect([0, batches[i]?.length], `append ${i} whole at a caught-up batch`).toContain(count);
        }
      }
      expect(eventIdsOf(events)).toEqual(eventIdsOf(await ctx.ownEventsSince(from)));
    });

    it('stopWhenCaughtUp ends a catch-up at the end of the log; an abort ends a follower', async () => {
      const stream = ctx.streamId('sub-stop');
      const events = newEvents(3);
      const from = await ctx.checkpoint();
      await ctx.store.append(stream, events);
      const caught: SubscriptionBatch[] = [];
      for await (const batch of subscribe(ctx.store, { after: from - 1n, stopWhenCaughtUp: true })) caught.push(batch);
      expect(caught.at(-1)?.caughtUp).toBe(true);
      expect(eventIdsOf(own(delivered(caught), [stream]))).toEqual(eventIdsOf(events));
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => { controller.abort(); }, 50);
      for await (const batch of subscribe(ctx.store, { after: caught.at(-1)?.position ?? 0n, signal: controller.signal, pollMs: 60_000 })) {
        expect(batch.events.every((e) => e.globalPosition > (caught.at(-1)?.position ?? 0n))).toBe(true);
      }
      expect(Date.now() - started, 'an abort wakes a waiting follower at once').toBeLessThan(DELIVERY_MS);
    });
  });
};
