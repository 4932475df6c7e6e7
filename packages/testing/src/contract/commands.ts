import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '../vitest-api.js';
import { InvalidReadError, supportsBulkImport } from '@collective-ledger/core';
import type { NewEvent, RecordedEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectStrictlyIncreasing, rejectionOf } from './assertions.js';
import type { ContractContext } from './context.js';

/** `count` events of one command. */
const commandEvents = (commandId: string, count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => newEvent('ThingDecided', { index }, { commandId }));

/** Where an event is and which it is: enough to tell any two lookups apart. */
const placeOf = (event: RecordedEvent): [string, bigint, bigint, string] => [
  event.streamId,
  event.streamPosition,
  event.globalPosition,
  event.metadata.eventId,
];

async function* writesOf(list: readonly { streamId: string; events: NewEvent[] }[]) {
  yield* list;
}

export const describeCommandLookup = (ctx: ContractContext): void => {
  const commandId = (): string => `cmd-${randomUUID()}`;

  /** A command's events on two streams, among events of other commands and of none. */
  const acrossTwoStreams = async (id: string) => {
    const [a, b] = [ctx.streamId('command-a'), ctx.streamId('command-b')];
    await ctx.store.append(a, [newEvent('Before', {}, { commandId: commandId() }), ...newEvents(1)]);
    const first = commandEvents(id, 2);
    await ctx.store.append(a, first);
    await ctx.store.append(b, [newEvent('Unrelated', {}, { correlationId: id, causationId: id })]);
    const second = commandEvents(id, 1);
    await ctx.store.append(b, second);
    await ctx.store.append(a, newEvents(1));
    return { a, b, ids: eventIdsOf([...first, ...second]) };
  };

  describe('events of a command id (readCommand)', () => {
    it('returns the events of one append, as readStream returns them', async () => {
      const id = commandId();
      const streamId = ctx.streamId('command-one');
      await ctx.store.append(streamId, newEvents(1));
      const events = commandEvents(id, 3);
      await ctx.store.append(streamId, events);
      const found = await ctx.store.readCommand(id);
      expect(eventIdsOf(found)).toEqual(eventIdsOf(events));
      expect(found.map((event) => event.streamPosition)).toEqual([1n, 2n, 3n]);
      expect(found).toEqual((await collect(ctx.store.readStream(streamId))).slice(1));
      expect(found.every((event) => event.metadata.commandId === id)).toBe(true);
    });

    it('returns its events on two streams in global order, and nothing of other commands', async () => {
      const id = commandId();
      const { a, b, ids } = await acrossTwoStreams(id);
      const found = await ctx.store.readCommand(id);
      expect(eventIdsOf(found)).toEqual(ids);
      expect(found.map((event) => [event.streamId, event.streamPosition])).toEqual([
        [a, 2n],
        [a, 3n],
        [b, 1n],
      ]);
      expectStrictlyIncreasing(found);
      const inStreams = [...(await collect(ctx.store.readStream(a))), ...(await collect(ctx.store.readStream(b)))];
      expect(found.map(placeOf)).toEqual(
        inStreams
          .filter((event) => event.metadata.commandId === id)
          .sort((x, y) => (x.globalPosition < y.globalPosition ? -1 : 1))
          .map(placeOf),
      );
    });

    it('returns nothing for a command id never used, even one used as a correlation id', async () => {
      const id = commandId();
      await ctx.store.append(ctx.streamId('command-none'), [newEvent('Unrelated', {}, { correlationId: id, causationId: id })]);
      expect(await ctx.store.readCommand(id)).toEqual([]);
      expect(await ctx.store.readCommand(commandId())).toEqual([]);
    });

    it('finds what it found before after the store is reopened', async (test) => {
      if (!ctx.canReopen) return test.skip('the store keeps nothing once closed');
      const id = commandId();
      await acrossTwoStreams(id);
      const before = (await ctx.store.readCommand(id)).map(placeOf);
      await ctx.reopen();
      expect((await ctx.store.readCommand(id)).map(placeOf)).toEqual(before);
      const streamId = ctx.streamId('command-after-reopen');
      await ctx.store.append(streamId, commandEvents(id, 1));
      const after = await ctx.store.readCommand(id);
      expect(after.map(placeOf).slice(0, before.length)).toEqual(before);
      expect(after.map((event) => event.streamId).at(-1)).toBe(streamId);
    });

    it('finds events written by importAll, where offered', async (test) => {
      const store = ctx.store;
      if (!supportsBulkImport(store)) return test.skip('the store has no importAll');
      const id = commandId();
      const [a, b] = [ctx.streamId('command-import-a'), ctx.streamId('command-import-b')];
      await store.append(a, newEvents(1));
      const writes = [
        { streamId: a, events: [...newEvents(1), ...commandEvents(id, 1)] },
        { streamId: b, events: commandEvents(id, 2) },
      ];
      await store.importAll(writesOf(writes));
      const found = await store.readCommand(id);
      expect(found.map((event) => [event.streamId, event.streamPosition])).toEqual([
        [a, 2n],
        [b, 0n],
        [b, 1n],
      ]);
      if (!ctx.canReopen) return;
      await ctx.reopen();
      expect((await ctx.store.readCommand(id)).map(placeOf)).toEqual(found.map(placeOf));
    });

    it.each([
      ['an empty command id', ''],
      ['a blank command id', '  '],
      ['a command id that is not a string', 42],
    ])('refuses %s with InvalidReadError', async (_, bad) => {
      const error = await rejectionOf(() => ctx.store.readCommand(bad as string));
      expect(error).toBeInstanceOf(InvalidReadError);
      expect((error as InvalidReadError).option).toBe('commandId');
    });
  });
};
