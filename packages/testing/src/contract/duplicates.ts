import { describe, expect, it } from '../vitest-api.js';
import { eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectDuplicateError, expectNothingWritten, rejectionOf, streamShape } from './assertions.js';
import type { ContractContext } from './context.js';

export const describeDuplicates = (ctx: ContractContext): void => {
  describe('atomic batches and event id idempotency', () => {
    it('refuses a batch that repeats an event id inside it, and writes none of it', async () => {
      const streamId = ctx.streamId('dup-in-batch');
      const from = await ctx.checkpoint();
      const [a, b] = [newEvent(), newEvent()];
      const repeated = newEvent('ThingHappened', { again: true }, { eventId: a.metadata.eventId });
      const batch = [a, b, repeated];
      expectDuplicateError(await rejectionOf(() => ctx.store.append(streamId, batch)), a.metadata.eventId);
      expect(await streamShape(ctx.store, streamId)).toEqual([]);
      await expectNothingWritten(ctx.store, from, eventIdsOf(batch));
    });

    it('refuses a batch holding an event id already stored in another stream, and writes none of it', async () => {
      const other = ctx.streamId('dup-other');
      const stored = newEvent();
      await ctx.store.append(other, [stored]);
      const otherBefore = await streamShape(ctx.store, other);

      const streamId = ctx.streamId('dup-target');
      await ctx.store.append(streamId, newEvents(1));
      const before = await streamShape(ctx.store, streamId);
      const from = await ctx.checkpoint();
      const [freshFirst, freshLast] = [newEvent(), newEvent()];
      const batch = [freshFirst, newEvent('Copied', {}, { eventId: stored.metadata.eventId }), freshLast];

      const error = await rejectionOf(() => ctx.store.append(streamId, batch, { expectedRevision: 0n }));
      expectDuplicateError(error, stored.metadata.eventId);
      expect(await streamShape(ctx.store, streamId)).toEqual(before);
      expect(await streamShape(ctx.store, other)).toEqual(otherBefore);
      await expectNothingWritten(ctx.store, from, eventIdsOf([freshFirst, freshLast]));
    });

    it('detects re-appending a stored event to the same stream, even at the right revision', async () => {
      const streamId = ctx.streamId('dup-same');
      const retry = newEvent();
      const result = await ctx.store.append(streamId, [newEvent(), retry]);
      const before = await streamShape(ctx.store, streamId);

      for (const expectedRevision of ['any', result.nextExpectedRevision] as const) {
        const error = await rejectionOf(() => ctx.store.append(streamId, [retry], { expectedRevision }));
        expectDuplicateError(error, retry.metadata.eventId);
      }
      expect(await streamShape(ctx.store, streamId)).toEqual(before);
    });

    it('answers a retried append (the same events, the expectation it had the first time) with DuplicateEventError, not a conflict', async () => {
      const streamId = ctx.streamId('dup-retried');
      const batch = [newEvent(), newEvent()];
      const first = await ctx.store.append(streamId, batch, { expectedRevision: 'no_stream' });
      const more = await ctx.store.append(streamId, [newEvent()], { expectedRevision: first.nextExpectedRevision });
      const before = await streamShape(ctx.store, streamId);
      const cases = [
        [batch, 'no_stream'],
        [batch.slice(1), 0n],
      ] as const;
      for (const [events, expectedRevision] of cases) {
        const error = await rejectionOf(() => ctx.store.append(streamId, events, { expectedRevision }));
        expectDuplicateError(error, events[0]?.metadata.eventId ?? '');
      }
      expect(more.nextExpectedRevision).toBe(2n);
      expect(await streamShape(ctx.store, streamId)).toEqual(before);
    });

    it('detects re-appending a stored event to another stream', async () => {
      const first = ctx.streamId('dup-first');
      const second = ctx.streamId('dup-second');
      const event = newEvent();
      await ctx.store.append(first, [event]);
      const from = await ctx.checkpoint();

      const error = await rejectionOf(() => ctx.store.append(second, [event], { expectedRevision: 'no_stream' }));
      expectDuplicateError(error, event.metadata.eventId);
      expect(await streamShape(ctx.store, second)).toEqual([]);
      expect(await ctx.ownEventsSince(from)).toEqual([]);
    });
  });
};
