import { describe, expect, it } from '../vitest-api.js';
import type { AppendResult, ExpectedRevision, NewEvent } from '@collective-ledger/core';
import { eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectConcurrencyError, expectNothingWritten, streamShape } from './assertions.js';
import type { ContractContext } from './context.js';

interface Race {
  readonly batches: readonly NewEvent[][];
  readonly outcomes: readonly PromiseSettledResult<AppendResult>[];
  readonly winner: number;
}

export const describeConcurrency = (ctx: ContractContext, writers: number): void => {
  /** Start `writers` appends of two events each at once, all with the same expectation. */
  const race = async (streamId: string, expectedRevision: ExpectedRevision): Promise<Race> => {
    const batches = Array.from({ length: writers }, () => newEvents(2, 'ContractAmended'));
    const outcomes = await Promise.allSettled(
      batches.map((batch) => ctx.store.append(streamId, batch, { expectedRevision })),
    );
    const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
    expect(winners, 'exactly one concurrent append wins').toHaveLength(1);
    return { batches, outcomes, winner: winners[0] ?? -1 };
  };

  const expectLosersRefused = (streamId: string, { outcomes }: Race, expected: ExpectedRevision, actual: bigint) => {
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(refusals).toHaveLength(writers - 1);
    for (const reason of refusals) expectConcurrencyError(reason, streamId, expected, actual);
  };

  const expectOnlyWinnerWritten = async ({ batches, winner }: Race, from: bigint): Promise<void> => {
    const losers = batches.filter((_, index) => index !== winner).flat();
    await expectNothingWritten(ctx.store, from, eventIdsOf(losers));
  };

  describe(`${writers} concurrent appends at the same expected revision`, () => {
    it('exactly one wins at an exact revision; the others get ConcurrencyError and write nothing', async () => {
      const streamId = ctx.streamId('race-revision');
      const opening = newEvent('ContractSigned');
      await ctx.store.append(streamId, [opening], { expectedRevision: 'no_stream' });
      const from = await ctx.checkpoint();

      const outcome = await race(streamId, 0n);
      const winning = outcome.outcomes[outcome.winner];
      expect(winning?.status === 'fulfilled' ? winning.value.nextExpectedRevision : undefined).toBe(2n);
      expectLosersRefused(streamId, outcome, 0n, 2n);

      const winnerIds = eventIdsOf(outcome.batches[outcome.winner] ?? []);
      expect(await streamShape(ctx.store, streamId)).toEqual([
        [0n, opening.metadata.eventId],
        [1n, winnerIds[0]],
        [2n, winnerIds[1]],
      ]);
      await expectOnlyWinnerWritten(outcome, from);
    });

    it("exactly one creates a new stream with 'no_stream'", async () => {
      const streamId = ctx.streamId('race-create');
      const from = await ctx.checkpoint();

      const outcome = await race(streamId, 'no_stream');
      expectLosersRefused(streamId, outcome, 'no_stream', 1n);

      const winnerIds = eventIdsOf(outcome.batches[outcome.winner] ?? []);
      expect(await streamShape(ctx.store, streamId)).toEqual([
        [0n, winnerIds[0]],
        [1n, winnerIds[1]],
      ]);
      await expectOnlyWinnerWritten(outcome, from);
    });
  });
};
