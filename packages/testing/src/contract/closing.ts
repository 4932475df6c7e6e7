import { describe, expect, it } from '../vitest-api.js';
import { StoreClosedError } from '@collective-ledger/core';
import { newEvents } from '../fixtures.js';
import { readFailureOf, rejectionOf } from './assertions.js';
import type { ContractContext } from './context.js';

export const describeClosing = (ctx: ContractContext): void => {
  describe('close', () => {
    it('after close, appends and command lookups reject and reads throw StoreClosedError', async () => {
      const streamId = ctx.streamId('closing');
      await ctx.store.append(streamId, newEvents(2));
      const store = ctx.store;
      await ctx.close();

      expect(await rejectionOf(() => store.append(streamId, newEvents(1)))).toBeInstanceOf(StoreClosedError);
      expect(await rejectionOf(() => store.append(ctx.streamId('new'), newEvents(1)))).toBeInstanceOf(StoreClosedError);
      expect(await readFailureOf(() => store.readStream(streamId))).toBeInstanceOf(StoreClosedError);
      expect(await readFailureOf(() => store.readStream(streamId, { direction: 'backward', maxCount: 1 }))).toBeInstanceOf(
        StoreClosedError,
      );
      expect(await rejectionOf(() => store.readCommand('cmd-closed'))).toBeInstanceOf(StoreClosedError);
      expect(await readFailureOf(() => store.readAll())).toBeInstanceOf(StoreClosedError);
      expect(await readFailureOf(() => store.readAll({ fromPosition: 1n }))).toBeInstanceOf(StoreClosedError);
    });
  });
};
