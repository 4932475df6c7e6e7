import { describe, expect, it } from '../vitest-api.js';
import { supportsBatchRead, supportsBulkImport, type StreamWrite } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectDuplicateError, expectNothingWritten, rejectionOf } from './assertions.js';
import type { ContractContext } from './context.js';

async function* writesOf(list: readonly StreamWrite[]): AsyncIterable<StreamWrite> {
  yield* list;
}

/**
 * The optional capabilities of the port: where a store offers them, they keep
 * the same guarantees as `append` and `readAll`.
 */
export const describeCapabilities = (ctx: ContractContext): void => {
  describe('optional capabilities', () => {
    it('readAllBatches, where offered, returns exactly what readAll returns', async (test) => {
      if (!supportsBatchRead(ctx.store)) return test.skip('the store has no readAllBatches');
      const from = await ctx.checkpoint();
      const [a, b] = [ctx.streamId('batch-a'), ctx.streamId('batch-b')];
      for (let i = 0; i < 5; i += 1) await ctx.store.append(i % 2 === 0 ? a : b, newEvents(3));
      const single = await collect(ctx.store.readAll({ fromPosition: from }));
      const batches = await collect(ctx.store.readAllBatches({ fromPosition: from, batchSize: 4 }));
      expect(batches.every((batch) => batch.length > 0 && batch.length <= 4)).toBe(true);
      expect(batches.flat().map((e) => e.metadata.eventId)).toEqual(single.map((e) => e.metadata.eventId));
    });

    it('importAll, where offered, appends every stream after what it holds', async (test) => {
      if (!supportsBulkImport(ctx.store)) return test.skip('the store has no importAll');
      const [a, b] = [ctx.streamId('import-a'), ctx.streamId('import-b')];
      await ctx.store.append(a, newEvents(2));
      const from = await ctx.checkpoint();
      const writes = [
        { streamId: a, events: newEvents(3) },
        { streamId: b, events: newEvents(2) },
        { streamId: a, events: newEvents(1) },
      ];
      const result = await ctx.store.importAll(writesOf(writes));
      expect(result.events).toBe(6n);
      expect((await collect(ctx.store.readStream(a))).map((e) => e.streamPosition)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
      const own = await ctx.ownEventsSince(from);
      expect(own.map((e) => e.metadata.eventId)).toEqual(writes.flatMap((w) => eventIdsOf(w.events)));
    });

    it('importAll, where offered, writes nothing when any event id is already stored', async (test) => {
      const store = ctx.store;
      if (!supportsBulkImport(store)) return test.skip('the store has no importAll');
      const stored = newEvent();
      await ctx.store.append(ctx.streamId('import-stored'), [stored]);
      const from = await ctx.checkpoint();
      const fresh = newEvents(3);
      const writes = [
        { streamId: ctx.streamId('import-fresh'), events: fresh },
        { streamId: ctx.streamId('import-late'), events: [newEvent('Copied', {}, { eventId: stored.metadata.eventId })] },
      ];
      expectDuplicateError(await rejectionOf(() => store.importAll(writesOf(writes))), stored.metadata.eventId);
      await expectNothingWritten(ctx.store, from, eventIdsOf(fresh));
    });
  });
};
