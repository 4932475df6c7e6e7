import { describe, expect, it } from '../vitest-api.js';
import type { ExpectedRevision } from '@collective-ledger/core';
import { eventIdsOf, newEvents } from '../fixtures.js';
import { expectConcurrencyError, expectNothingWritten, rejectionOf, streamShape } from './assertions.js';
import type { ContractContext } from './context.js';

export const describeExpectedRevision = (ctx: ContractContext): void => {
  /** A stream holding `count` events (none: a stream that does not exist). */
  const streamWith = async (count: number): Promise<string> => {
    const streamId = ctx.streamId('revision');
    if (count > 0) await ctx.store.append(streamId, newEvents(count));
    return streamId;
  };

  /** Append with a wrong expectation: ConcurrencyError with these fields, and nothing written. */
  const expectConflict = async (
    streamId: string,
    expected: ExpectedRevision,
    actual: bigint | undefined,
  ): Promise<void> => {
    const before = await streamShape(ctx.store, streamId);
    const from = await ctx.checkpoint();
    const batch = newEvents(2);
    const error = await rejectionOf(() => ctx.store.append(streamId, batch, { expectedRevision: expected }));
    expectConcurrencyError(error, streamId, expected, actual);
    expect(await streamShape(ctx.store, streamId)).toEqual(before);
    await expectNothingWritten(ctx.store, from, eventIdsOf(batch));
  };

  const expectAccepted = async (streamId: string, expected: ExpectedRevision, nextRevision: bigint): Promise<void> => {
    const result = await ctx.store.append(streamId, newEvents(1), { expectedRevision: expected });
    expect(result.nextExpectedRevision).toBe(nextRevision);
  };

  describe('expected revision', () => {
    it("'no_stream' accepts a stream that does not exist yet", async () => {
      await expectAccepted(await streamWith(0), 'no_stream', 0n);
    });

    it("'no_stream' refuses a stream that exists", async () => {
      await expectConflict(await streamWith(2), 'no_stream', 1n);
    });

    it("'stream_exists' accepts a stream with events", async () => {
      await expectAccepted(await streamWith(1), 'stream_exists', 1n);
    });

    it("'stream_exists' refuses a stream that does not exist", async () => {
      await expectConflict(await streamWith(0), 'stream_exists', undefined);
    });

    it("'any' accepts both a new and an existing stream", async () => {
      const streamId = await streamWith(0);
      await expectAccepted(streamId, 'any', 0n);
      await expectAccepted(streamId, 'any', 1n);
    });

    it("no expected revision means 'any'", async () => {
      const streamId = await streamWith(2);
      const result = await ctx.store.append(streamId, newEvents(1));
      expect(result.nextExpectedRevision).toBe(2n);
    });

    it('an exact revision is accepted when the last event is at that position', async () => {
      const streamId = await streamWith(3);
      await expectAccepted(streamId, 2n, 3n);
      await expectAccepted(streamId, 3n, 4n);
    });

    it('an exact revision behind the stream is refused', async () => {
      await expectConflict(await streamWith(3), 1n, 2n);
    });

    it('an exact revision ahead of the stream is refused', async () => {
      await expectConflict(await streamWith(3), 5n, 2n);
    });

    it('an exact revision on a stream that does not exist is refused, even 0', async () => {
      await expectConflict(await streamWith(0), 0n, undefined);
    });

    it('a refused append leaves the stream usable at its real revision', async () => {
      const streamId = await streamWith(2);
      await expectConflict(streamId, 0n, 1n);
      await expectAccepted(streamId, 1n, 2n);
    });
  });
};
