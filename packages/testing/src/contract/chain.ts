import { describe, expect, it } from '../vitest-api.js';
import {
  ChainBrokenError,
  eventHash,
  InMemoryEventStore,
  ledgerLine,
  parseLedgerEnvelope,
  supportsBulkImport,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  type StreamWrite,
} from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectDuplicateError, expectNothingWritten, rejectionOf, streamShape } from './assertions.js';
import type { ContractContext } from './context.js';

const voucher: JsonObject = {
  summary: '收到鱼塘承包费',
  lines: [
    { account: '101', side: 'debit', amount: '1200.00' },
    { account: '511', side: 'credit', amount: '1200.00', tags: [['承包', '鱼塘'], []] },
  ],
  year: 2024,
};

/** Each event's hash as `eventHash` recomputes it from the stored events of its stream, oldest first. */
const recomputed = (events: readonly RecordedEvent[]): (string | null)[] => {
  let previous: string | null = null;
  return events.map((event) => {
    const hash = eventHash(event, previous);
    previous = event.metadata.hash ?? null;
    return hash;
  });
};

/** Events as an exported ledger carries them: each ledger line read back, hash and recordedAt kept. */
const exported = (events: readonly RecordedEvent[]): StreamWrite[] =>
  events.map((event, i) => {
    const entry = parseLedgerEnvelope(ledgerLine(event).trimEnd(), i + 1);
    return { streamId: entry.streamId, events: [entry.event] };
  });

async function* writesOf(list: readonly StreamWrite[]): AsyncIterable<StreamWrite> {
  yield* list;
}

/** Store writes the way an import does: all at once where the store can, else one append each. */
const importInto = async (store: EventStore, writes: readonly StreamWrite[]): Promise<void> => {
  if (supportsBulkImport(store)) {
    await store.importAll(writesOf(writes));
    return;
  }
  for (const write of writes) await store.append(write.streamId, write.events, { expectedRevision: 'any' });
};

const hashesOf = (events: readonly RecordedEvent[]): (string | undefined)[] => events.map((event) => event.metadata.hash);

/** An event carrying a hash that no store computes for it. */
const forged = (): NewEvent => newEvent('ThingHappened', { forged: true }, { hash: `sha256:${'0'.repeat(64)}` });

const expectChainBroken = (error: unknown, streamId: string, position: bigint, eventId: string): void => {
  expect(error).toBeInstanceOf(ChainBrokenError);
  const broken = error as ChainBrokenError;
  expect(broken.code).toBe('CHAIN_BROKEN');
  expect([broken.streamId, broken.streamPosition, broken.eventId]).toEqual([streamId, position, eventId]);
  expect(broken.message).toContain(eventId);
};

export const describeChain = (ctx: ContractContext): void => {
  describe('chain hashes (tamper evidence)', () => {
    it('seals every event with the hash eventHash recomputes from the stored events, linked across appends', async () => {
      const streamId = ctx.streamId('chain');
      const from = await ctx.checkpoint();
      await ctx.store.append(streamId, [newEvent('凭证已记账', voucher, { commandId: '命令-1' }), ...newEvents(2)], { expectedRevision: 'no_stream' });
      await ctx.store.append(streamId, newEvents(2), { expectedRevision: 2n });
      await ctx.store.append(streamId, [newEvent('ThingHappened', { memo: '第三次' })]);
      const events = await collect(ctx.store.readStream(streamId));
      expect(events).toHaveLength(6);
      expect(hashesOf(events)).toEqual(recomputed(events));
      expect(new Set(hashesOf(events)).size).toBe(6);
      expect(eventHash(events[0] as RecordedEvent, null)).toBe(events[0]?.metadata.hash);
      expect(hashesOf(await ctx.ownEventsSince(from))).toEqual(hashesOf(events));
      expect(hashesOf(await collect(ctx.store.readStream(streamId, { direction: 'backward' })))).toEqual(hashesOf(events).reverse());
    });

    it('accepts an event that carries exactly the hash it computes', async () => {
      const streamId = ctx.streamId('chain-carried');
      await ctx.store.append(streamId, newEvents(1));
      const [head] = await collect(ctx.store.readStream(streamId));
      const plain = newEvent('ThingHappened', { memo: '携带' }, { recordedAt: '2024-03-15T08:00:00.000Z' });
      const hash = eventHash({ streamId, streamPosition: 1n, type: plain.type, data: plain.data, metadata: plain.metadata }, head?.metadata.hash ?? null);
      await ctx.store.append(streamId, [{ ...plain, metadata: { ...plain.metadata, hash } }], { expectedRevision: 0n });
      expect(hashesOf(await collect(ctx.store.readStream(streamId, { fromRevision: 1n })))).toEqual([hash]);
    });

    it('refuses an append carrying a wrong hash with ChainBrokenError, and writes nothing', async () => {
      const streamId = ctx.streamId('chain-forged');
      await ctx.store.append(streamId, newEvents(2));
      const before = await streamShape(ctx.store, streamId);
      const from = await ctx.checkpoint();
      const batch = [newEvent(), forged(), newEvent()];
      const error = await rejectionOf(() => ctx.store.append(streamId, batch, { expectedRevision: 1n }));
      expectChainBroken(error, streamId, 3n, batch[1]?.metadata.eventId ?? '');
      await expectNothingWritten(ctx.store, from, eventIdsOf(batch));
      expect(await streamShape(ctx.store, streamId)).toEqual(before);
    });

    it('refuses a hash sealed for another place (an event moved within its stream or to another)', async () => {
      const streamId = ctx.streamId('chain-moved');
      await ctx.store.append(streamId, newEvents(2));
      const from = await ctx.checkpoint();
      const plain = newEvent('ThingHappened', { memo: '挪动' }, { recordedAt: '2024-03-15T08:00:00.000Z' });
      const sealedAt = (id: string, position: bigint) =>
        eventHash({ streamId: id, streamPosition: position, type: plain.type, data: plain.data, metadata: plain.metadata }, null);
      for (const hash of [sealedAt(streamId, 0n), sealedAt(ctx.streamId('chain-elsewhere'), 2n)]) {
        const moved = { ...plain, metadata: { ...plain.metadata, hash } };
        expectChainBroken(await rejectionOf(() => ctx.store.append(streamId, [moved])), streamId, 2n, plain.metadata.eventId);
      }
      await expectNothingWritten(ctx.store, from, [plain.metadata.eventId]);
    });

    it('refuses a stored event sent again with its hash as a duplicate, not a broken chain, by append and by import', async () => {
      const streamId = ctx.streamId('chain-again');
      await ctx.store.append(streamId, newEvents(2));
      const [stored] = await collect(ctx.store.readStream(streamId));
      const again = exported([stored as RecordedEvent])[0]?.events[0] as NewEvent;
      const from = await ctx.checkpoint();
      const fresh = newEvent();
      expectDuplicateError(await rejectionOf(() => ctx.store.append(streamId, [fresh, again])), again.metadata.eventId);
      const store = ctx.store;
      if (supportsBulkImport(store)) {
        const writes = [
          { streamId: ctx.streamId('chain-again-fresh'), events: newEvents(2) },
          { streamId, events: [again] },
        ];
        expectDuplicateError(await rejectionOf(() => store.importAll(writesOf(writes))), again.metadata.eventId);
      }
      await expectNothingWritten(ctx.store, from, [fresh.metadata.eventId]);
    });

    it('refuses an import with one wrong hash, naming it, and imports nothing', async (test) => {
      const store = ctx.store;
      if (!supportsBulkImport(store)) return test.skip('the store has no importAll');
      const [a, b] = [ctx.streamId('chain-import-a'), ctx.streamId('chain-import-b')];
      const from = await ctx.checkpoint();
      const bad = forged();
      const writes = [
        { streamId: a, events: newEvents(3) },
        { streamId: b, events: [newEvent(), bad] },
      ];
      expectChainBroken(await rejectionOf(() => store.importAll(writesOf(writes))), b, 1n, bad.metadata.eventId);
      await expectNothingWritten(store, from, writes.flatMap((write) => eventIdsOf(write.events)));
    });

    it('keeps every hash byte for byte through export and import, into the reference store and back', async () => {
      const [a, b] = [ctx.streamId('chain-export-a'), ctx.streamId('chain-export-b')];
      const from = await ctx.checkpoint();
      await ctx.store.append(a, [newEvent('凭证已记账', voucher), ...newEvents(2)]);
      await ctx.store.append(b, newEvents(2));
      await ctx.store.append(a, newEvents(2));
      const original = await ctx.ownEventsSince(from);

      const reference = new InMemoryEventStore();
      await importInto(reference, exported(original));
      const copied = await collect(reference.readAll());
      expect(hashesOf(copied)).toEqual(hashesOf(original));
      expect(copied.map((event) => ledgerLine(event))).toEqual(original.map((event) => ledgerLine(event)));

      // The reference's export of new streams, imported here, is sealed the same way.
      const [c, d] = [ctx.streamId('chain-back-c'), ctx.streamId('chain-back-d')];
      const other = new InMemoryEventStore();
      await other.append(c, [newEvent('凭证已记账', voucher), ...newEvents(2)]);
      await other.append(d, newEvents(1));
      await other.append(c, newEvents(1));
      const theirs = await collect(other.readAll());
      const back = await ctx.checkpoint();
      await importInto(ctx.store, exported(theirs));
      expect(hashesOf(await ctx.ownEventsSince(back))).toEqual(hashesOf(theirs));
      expect(hashesOf(await collect(ctx.store.readStream(c)))).toEqual(hashesOf(theirs.filter((event) => event.streamId === c)));
    });
  });
};
