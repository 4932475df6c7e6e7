import { describe, expect, it } from '../vitest-api.js';
import { CHAIN_HASH_PATTERN, type RecordedEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import type { ContractContext } from './context.js';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// A clock difference between the test process and a database server is tolerated up to this.
const CLOCK_TOLERANCE_MS = 10 * 60 * 1000;

const expectBigintPositions = (event: RecordedEvent): void => {
  expect(typeof event.streamPosition).toBe('bigint');
  expect(typeof event.globalPosition).toBe('bigint');
};

export const describeAppendAndRead = (ctx: ContractContext): void => {
  describe('append and read', () => {
    it('round-trips type, data and every metadata field; stamps recordedAt when not given, and the chain hash', async () => {
      const streamId = ctx.streamId('roundtrip');
      const full = newEvent('VoucherPosted', { voucherNo: '记-001', amount: '1250.00', lines: 2, posted: true, memo: null }, {
        occurredOn: '2023-12-31',
        actor: 'accountant-li',
        commandId: 'cmd-1',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        schemaVersion: 3,
      });
      const bare = newEvent('VoucherReviewed', {});
      const before = Date.now();
      await ctx.store.append(streamId, [full, bare], { expectedRevision: 'no_stream' });

      const [first, second] = await collect(ctx.store.readStream(streamId));
      expect(first?.streamId).toBe(streamId);
      expect(first?.type).toBe('VoucherPosted');
      expect(first?.data).toEqual(full.data);
      const stamped = { recordedAt: expect.any(String) as string, hash: expect.stringMatching(CHAIN_HASH_PATTERN) as string };
      expect(first?.metadata).toEqual({ ...full.metadata, ...stamped });
      expect(second?.type).toBe('VoucherReviewed');
      expect(second?.data).toEqual({});
      expect(second?.metadata).toEqual({ ...bare.metadata, ...stamped });
      for (const event of [first, second]) {
        const recordedAt = event?.metadata.recordedAt ?? '';
        expect(recordedAt).toMatch(ISO_TIMESTAMP);
        expect(Math.abs(Date.parse(recordedAt) - before)).toBeLessThan(CLOCK_TOLERANCE_MS);
      }
    });

    it('keeps recordedAt when the event brings one (imports)', async () => {
      const streamId = ctx.streamId('imported');
      const imported = newEvent('AssetRegistered', { assetId: 'A-1' }, { recordedAt: '2019-12-31T16:00:00.000Z' });
      await ctx.store.append(streamId, [imported]);
      const [event] = await collect(ctx.store.readStream(streamId));
      expect(event?.metadata.recordedAt).toBe('2019-12-31T16:00:00.000Z');
    });

    it('numbers stream positions from 0, contiguously, as bigints, across appends', async () => {
      const streamId = ctx.streamId('positions');
      await ctx.store.append(streamId, newEvents(3));
      await ctx.store.append(streamId, newEvents(2));
      const events = await collect(ctx.store.readStream(streamId));
      events.forEach(expectBigintPositions);
      expect(events.map((event) => event.streamPosition)).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('returns the next expected revision and the last global position of the append', async () => {
      const streamId = ctx.streamId('result');
      const first = await ctx.store.append(streamId, newEvents(2), { expectedRevision: 'no_stream' });
      expect(typeof first.nextExpectedRevision).toBe('bigint');
      expect(typeof first.lastGlobalPosition).toBe('bigint');
      expect(first.nextExpectedRevision).toBe(1n);
      const batch = newEvents(3);
      const second = await ctx.store.append(streamId, batch, { expectedRevision: first.nextExpectedRevision });
      expect(second.nextExpectedRevision).toBe(4n);
      expect(second.lastGlobalPosition).toBeGreaterThan(first.lastGlobalPosition);

      const events = await collect(ctx.store.readStream(streamId));
      expect(events[1]?.globalPosition).toBe(first.lastGlobalPosition);
      expect(events[4]?.globalPosition).toBe(second.lastGlobalPosition);
      expect(eventIdsOf(events.slice(2))).toEqual(eventIdsOf(batch));
    });

    it('reads an unknown stream as empty', async () => {
      expect(await collect(ctx.store.readStream(ctx.streamId('never-written')))).toEqual([]);
    });

    it('reads a stream from a revision (inclusive) as exactly the suffix', async () => {
      const streamId = ctx.streamId('suffix');
      const batch = newEvents(5);
      await ctx.store.append(streamId, batch);
      const from = async (fromRevision: bigint) => collect(ctx.store.readStream(streamId, { fromRevision }));
      expect(eventIdsOf(await from(0n))).toEqual(eventIdsOf(batch));
      const suffix = await from(2n);
      expect(suffix.map((event) => event.streamPosition)).toEqual([2n, 3n, 4n]);
      expect(eventIdsOf(suffix)).toEqual(eventIdsOf(batch.slice(2)));
      expect(eventIdsOf(await from(4n))).toEqual(eventIdsOf(batch.slice(4)));
      expect(await from(5n)).toEqual([]);
    });

    it('keeps its own copy: changing the appended or the read objects does not change what is stored', async () => {
      const streamId = ctx.streamId('copy');
      const data = { account: '101', nested: { amount: '10.00' } };
      const event = newEvent('CashCounted', data);
      await ctx.store.append(streamId, [event]);
      data.nested.amount = '99.00';
      const [read] = await collect(ctx.store.readStream(streamId));
      expect(read?.data).toEqual({ account: '101', nested: { amount: '10.00' } });
      try {
        (read?.data as { account: string }).account = 'changed';
      } catch {
        // A frozen event refusing the change is as good as a private copy.
      }
      const [again] = await collect(ctx.store.readStream(streamId));
      expect(again?.data).toEqual({ account: '101', nested: { amount: '10.00' } });
    });
  });
};
