import { describe, expect, it } from '../vitest-api.js';
import { InvalidReadError } from '@collective-ledger/core';
import type { ReadStreamOptions } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvents } from '../fixtures.js';
import { readFailureOf } from './assertions.js';
import type { ContractContext } from './context.js';

/** Options a caller outside TypeScript could pass, each with the option it gets wrong. */
const badOptions: readonly (readonly [string, Record<string, unknown>, string])[] = [
  ['maxCount 0', { maxCount: 0 }, 'maxCount'],
  ['a negative maxCount', { maxCount: -1 }, 'maxCount'],
  ['a fractional maxCount', { maxCount: 1.5 }, 'maxCount'],
  ['maxCount NaN', { maxCount: Number.NaN }, 'maxCount'],
  ['maxCount Infinity', { maxCount: Number.POSITIVE_INFINITY }, 'maxCount'],
  ['maxCount as a string', { maxCount: '1' }, 'maxCount'],
  ['maxCount as a bigint', { maxCount: 1n }, 'maxCount'],
  ['an unknown direction', { direction: 'sideways' }, 'direction'],
  ['a direction in capitals', { direction: 'BACKWARD' }, 'direction'],
  ['a negative fromRevision', { fromRevision: -1n }, 'fromRevision'],
  ['fromRevision as a number', { fromRevision: 2 }, 'fromRevision'],
  ['a bad maxCount on a backward read', { direction: 'backward', maxCount: 0 }, 'maxCount'],
];

export const describeStreamReads = (ctx: ContractContext): void => {
  /** A stream of five events at positions 0 to 4, and their ids in order. */
  const fiveEvents = async (label: string): Promise<{ streamId: string; ids: string[] }> => {
    const streamId = ctx.streamId(label);
    const batch = newEvents(5);
    await ctx.store.append(streamId, batch.slice(0, 3));
    await ctx.store.append(streamId, batch.slice(3));
    return { streamId, ids: eventIdsOf(batch) };
  };
  const read = async (streamId: string, options: ReadStreamOptions) => collect(ctx.store.readStream(streamId, options));
  const positions = async (streamId: string, options: ReadStreamOptions) =>
    (await read(streamId, options)).map((event) => event.streamPosition);

  describe('backward and bounded stream reads', () => {
    it('backward returns the whole stream newest first, the same events as forward', async () => {
      const { streamId, ids } = await fiveEvents('backward');
      const backward = await read(streamId, { direction: 'backward' });
      expect(backward.map((event) => event.streamPosition)).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(eventIdsOf(backward)).toEqual([...ids].reverse());
      const forward = await read(streamId, { direction: 'forward' });
      expect(eventIdsOf(forward)).toEqual(ids);
      expect([...backward].reverse()).toEqual(forward);
    });

    it('backward with maxCount 1 returns the last event of the stream', async () => {
      const { streamId, ids } = await fiveEvents('last');
      const last = await read(streamId, { direction: 'backward', maxCount: 1 });
      expect(last.map((event) => [event.streamId, event.streamPosition, event.metadata.eventId])).toEqual([[streamId, 4n, ids[4]]]);
    });

    it('backward from a revision starts there, inclusive; past the end it starts at the last event', async () => {
      const { streamId } = await fiveEvents('backward-from');
      expect(await positions(streamId, { direction: 'backward', fromRevision: 2n })).toEqual([2n, 1n, 0n]);
      expect(await positions(streamId, { direction: 'backward', fromRevision: 0n })).toEqual([0n]);
      expect(await positions(streamId, { direction: 'backward', fromRevision: 3n, maxCount: 2 })).toEqual([3n, 2n]);
      expect(await positions(streamId, { direction: 'backward', fromRevision: 9n })).toEqual([4n, 3n, 2n, 1n, 0n]);
    });

    it('maxCount bounds a forward read, from the start or from a revision', async () => {
      const { streamId, ids } = await fiveEvents('bounded');
      expect(eventIdsOf(await read(streamId, { maxCount: 2 }))).toEqual(ids.slice(0, 2));
      expect(await positions(streamId, { fromRevision: 1n, maxCount: 3 })).toEqual([1n, 2n, 3n]);
      expect(await positions(streamId, { fromRevision: 3n, maxCount: 10 })).toEqual([3n, 4n]);
      expect(await positions(streamId, { maxCount: 5 })).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(await positions(streamId, { fromRevision: 5n, maxCount: 1 })).toEqual([]);
    });

    it('a missing stream yields nothing in either direction, bounded or not', async () => {
      const streamId = ctx.streamId('missing');
      await ctx.store.append(ctx.streamId('neighbour'), newEvents(2));
      expect(await read(streamId, { direction: 'backward' })).toEqual([]);
      expect(await read(streamId, { direction: 'backward', maxCount: 1 })).toEqual([]);
      expect(await read(streamId, { direction: 'backward', fromRevision: 3n })).toEqual([]);
      expect(await read(streamId, { maxCount: 1 })).toEqual([]);
    });

    it('reads only the stream asked for, whatever else is appended between its events', async () => {
      const [a, b] = [ctx.streamId('interleaved-a'), ctx.streamId('interleaved-b')];
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) {
        const [own] = newEvents(1);
        if (own === undefined) continue;
        ids.push(own.metadata.eventId);
        await ctx.store.append(a, [own]);
        await ctx.store.append(b, newEvents(2));
      }
      expect(eventIdsOf(await read(a, { direction: 'backward', maxCount: 3 }))).toEqual([ids[3], ids[2], ids[1]]);
      expect(eventIdsOf(await read(a, { fromRevision: 1n, maxCount: 2 }))).toEqual([ids[1], ids[2]]);
    });

    it('answers the same after the store is reopened', async (test) => {
      if (!ctx.canReopen) return test.skip('the store keeps nothing once closed');
      const { streamId, ids } = await fiveEvents('reopened');
      await ctx.store.append(ctx.streamId('reopened-other'), newEvents(2));
      await ctx.reopen();
      expect(eventIdsOf(await read(streamId, { direction: 'backward', maxCount: 2 }))).toEqual([ids[4], ids[3]]);
      expect(eventIdsOf(await read(streamId, { fromRevision: 1n, maxCount: 2 }))).toEqual(ids.slice(1, 3));
      await ctx.store.append(streamId, newEvents(1), { expectedRevision: 4n });
      expect(await positions(streamId, { direction: 'backward', maxCount: 1 })).toEqual([5n]);
    });

    it.each(badOptions)('refuses %s with InvalidReadError naming the option', async (_, options, option) => {
      const { streamId } = await fiveEvents('bad-options');
      const error = await readFailureOf(() => ctx.store.readStream(streamId, options));
      expect(error).toBeInstanceOf(InvalidReadError);
      const refused = error as InvalidReadError;
      expect(refused.code).toBe('INVALID_READ');
      expect(refused.option).toBe(option);
      expect(refused.message.startsWith(`${option}: expected `)).toBe(true);
    });

    it('refuses bad options on a stream that does not exist too', async () => {
      const error = await readFailureOf(() => ctx.store.readStream(ctx.streamId('bad-missing'), { maxCount: 0 }));
      expect(error).toBeInstanceOf(InvalidReadError);
      expect((error as InvalidReadError).message).toBe('maxCount: expected a positive integer, got 0');
    });
  });
};
