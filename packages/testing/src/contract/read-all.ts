import { describe, expect, it } from '../vitest-api.js';
import type { NewEvent, RecordedEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvents } from '../fixtures.js';
import { expectStrictlyIncreasing } from './assertions.js';
import type { ContractContext } from './context.js';

export const describeReadAll = (ctx: ContractContext): void => {
  /** Interleave appends to three streams; return what was appended, in commit order. */
  const interleave = async (): Promise<{ appended: { streamId: string; event: NewEvent }[] }> => {
    const [a, b, c] = [ctx.streamId('all-a'), ctx.streamId('all-b'), ctx.streamId('all-c')];
    const appended: { streamId: string; event: NewEvent }[] = [];
    for (const [streamId, count] of [[a, 2], [b, 1], [a, 1], [c, 3], [b, 2]] as const) {
      const batch = newEvents(count);
      await ctx.store.append(streamId, batch);
      appended.push(...batch.map((event) => ({ streamId, event })));
    }
    return { appended };
  };

  const owned = (events: readonly RecordedEvent[]) => events.map((e) => [e.streamId, e.metadata.eventId]);

  describe('readAll', () => {
    it('returns every event of every stream in global (commit) order, positions strictly increasing', async () => {
      const from = await ctx.checkpoint();
      const { appended } = await interleave();
      const own = await ctx.ownEventsSince(from);
      expect(owned(own)).toEqual(appended.map(({ streamId, event }) => [streamId, event.metadata.eventId]));
      expectStrictlyIncreasing(own);
      for (const event of own) {
        expect(typeof event.globalPosition).toBe('bigint');
        const [same] = await collect(ctx.store.readStream(event.streamId, { fromRevision: event.streamPosition }));
        expect(same).toEqual(event);
      }
    });

    it('with no options reads from the very beginning; a reader may stop early', async () => {
      const { appended } = await interleave();
      const wanted = appended.map(({ event }) => event.metadata.eventId);
      const pending = new Set(wanted);
      const seen: RecordedEvent[] = [];
      for await (const event of ctx.store.readAll()) {
        seen.push(event);
        pending.delete(event.metadata.eventId);
        if (pending.size === 0) break;
      }
      let first: RecordedEvent | undefined;
      for await (const event of ctx.store.readAll({ fromPosition: 0n })) {
        first = event;
        break;
      }
      expect(seen[0]).toEqual(first);
      expectStrictlyIncreasing(seen);
      expect(eventIdsOf(seen).filter((id) => wanted.includes(id))).toEqual(wanted);
      // Stopping early released whatever the read held: the store still works.
      await ctx.store.append(ctx.streamId('after-break'), newEvents(1));
    });

    it('from a position (inclusive) returns exactly the suffix', async () => {
      const from = await ctx.checkpoint();
      await interleave();
      const own = await ctx.ownEventsSince(from);
      const pivot = own[3];
      if (pivot === undefined) return expect.unreachable('the interleaved appends were not all read back');
      const suffix = await collect(ctx.store.readAll({ fromPosition: pivot.globalPosition }));
      expect(suffix[0]?.metadata.eventId).toBe(pivot.metadata.eventId);
      expect(suffix.every((event) => event.globalPosition >= pivot.globalPosition)).toBe(true);
      expectStrictlyIncreasing(suffix);
      expect(owned(await ctx.ownEventsSince(pivot.globalPosition))).toEqual(owned(own.slice(3)));
    });

    it('a follower reading from its checkpoint gets exactly the events appended since', async () => {
      const streamId = ctx.streamId('follower');
      const first = await ctx.store.append(streamId, newEvents(2));
      const later = newEvents(3);
      await ctx.store.append(streamId, later);
      const caughtUp = await ctx.ownEventsSince(first.lastGlobalPosition + 1n);
      expect(eventIdsOf(caughtUp)).toEqual(eventIdsOf(later));
    });

    it('from beyond the last event returns none of this test’s events', async () => {
      const result = await ctx.store.append(ctx.streamId('beyond'), newEvents(2));
      expect(await ctx.ownEventsSince(result.lastGlobalPosition + 1n)).toEqual([]);
    });
  });
};
