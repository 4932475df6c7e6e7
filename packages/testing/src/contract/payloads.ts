import { describe, expect, it } from '../vitest-api.js';
import type { JsonObject, NewEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectStrictlyIncreasing } from './assertions.js';
import type { ContractContext } from './context.js';

/** Chinese keys and values, as accountants write them, and characters that trip up escaping. */
const chineseVoucher: JsonObject = {
  摘要: '收到村集体经济组织发包收入',
  凭证号: '记-2023-0001',
  科目: { 代码: '501', 名称: '经营收入' },
  分录: [
    { 方向: '借', 科目: '库存现金', 金额: '12500.00' },
    { 方向: '贷', 科目: '发包及上交收入', 金额: '12500.00' },
  ],
  备注: '“引号”、「括号」, emoji 🌾, quotes " \' and \\ backslash, tab\tnew\nline',
  空: { 列表: [], 对象: {}, 无: null, 是: true, 否: false, 数: 0, 负数: -12.5 },
};

const largePayload = (): JsonObject => ({
  // About 1 MB of UTF-8 (3 bytes a character) plus ASCII, in strings of the longest length a store keeps.
  text: [...Array.from({ length: 33 }, () => '村集体经济组织'.repeat(1_428) + '村'), 'x'.repeat(1_000)],
  members: Array.from({ length: 5_000 }, (_, i) => ({
    memberId: `M-${String(i).padStart(5, '0')}`,
    name: `成员${i}`,
    shares: String(1 + (i % 7)),
    household: { id: `H-${Math.floor(i / 4)}`, head: i % 4 === 0 },
    tags: ['原始成员', i % 2 === 0 ? '股东' : '非股东'],
  })),
});

export const describePayloads = (ctx: ContractContext): void => {
  /** Append one batch to a new stream and read it back through both reads. */
  const roundTrip = async (events: readonly NewEvent[]) => {
    const streamId = ctx.streamId('payload');
    const from = await ctx.checkpoint();
    await ctx.store.append(streamId, events, { expectedRevision: 'no_stream' });
    return { byStream: await collect(ctx.store.readStream(streamId)), byAll: await ctx.ownEventsSince(from) };
  };

  describe('payloads', () => {
    it('round-trips Chinese keys and values, in data and metadata, exactly', async () => {
      const event = newEvent('凭证已记账', chineseVoucher, { actor: '会计 张三' });
      const { byStream, byAll } = await roundTrip([event]);
      for (const read of [byStream[0], byAll[0]]) {
        expect(read?.type).toBe('凭证已记账');
        expect(read?.data).toEqual(chineseVoucher);
        expect(read?.data['摘要']).toBe('收到村集体经济组织发包收入');
        expect(read?.metadata.actor).toBe('会计 张三');
      }
    });

    it('round-trips a large payload (1 MB of strings at the length limit and 5,000 nested objects) exactly', async () => {
      const data = largePayload();
      const { byStream, byAll } = await roundTrip([newEvent('MembersRegistered', data)]);
      for (const read of [byStream[0], byAll[0]]) {
        expect(read?.data['text']).toEqual(data['text']);
        expect(read?.data).toEqual(data);
      }
    });

    it('stores 1,000 events of one batch, at stream positions 0..999', async () => {
      const batch = newEvents(1_000);
      const streamId = ctx.streamId('thousand');
      const result = await ctx.store.append(streamId, batch, { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(999n);

      const events = await collect(ctx.store.readStream(streamId));
      expect(events).toHaveLength(1_000);
      expect(events.every((event, index) => event.streamPosition === BigInt(index))).toBe(true);
      expect(eventIdsOf(events)).toEqual(eventIdsOf(batch));
      expect(events.map((event) => event.data)).toEqual(batch.map((event) => event.data));
      expectStrictlyIncreasing(events);
      expect(events.at(-1)?.globalPosition).toBe(result.lastGlobalPosition);
    });
  });
};
