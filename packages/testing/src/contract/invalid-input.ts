import { describe, expect, it } from '../vitest-api.js';
import { InvalidAppendError } from '@collective-ledger/core';
import type { NewEvent } from '@collective-ledger/core';
import { eventIdsOf, newEvent, newEvents } from '../fixtures.js';
import { expectNothingWritten, rejectionOf, streamShape } from './assertions.js';
import type { ContractContext } from './context.js';

/** An event with one field replaced by something the port's types would not allow. */
const corrupt = (change: (event: Record<string, unknown> & { metadata: Record<string, unknown> }) => void): NewEvent => {
  const event = newEvent('ThingHappened', { ok: true });
  const copy: Record<string, unknown> & { metadata: Record<string, unknown> } = { ...event, metadata: { ...event.metadata } };
  change(copy);
  return copy as unknown as NewEvent;
};

const badEvents: readonly (readonly [string, () => NewEvent])[] = [
  ['missing eventId', () => corrupt((e) => delete e.metadata['eventId'])],
  ['eventId that is not a uuid', () => corrupt((e) => (e.metadata['eventId'] = 'not-a-uuid'))],
  ['occurredOn that is not a calendar date (2023-02-30)', () => corrupt((e) => (e.metadata['occurredOn'] = '2023-02-30'))],
  ['occurredOn in another format (2023/03/01)', () => corrupt((e) => (e.metadata['occurredOn'] = '2023/03/01'))],
  ['data that is null', () => corrupt((e) => (e['data'] = null))],
  ['data that is an array', () => corrupt((e) => (e['data'] = [1, 2]))],
  ['data that is a string', () => corrupt((e) => (e['data'] = '收入'))],
  ['data that is a number', () => corrupt((e) => (e['data'] = 42))],
  ['an empty type', () => corrupt((e) => (e['type'] = ''))],
  ['an empty actor', () => corrupt((e) => (e.metadata['actor'] = ' '))],
  ['schemaVersion 0', () => corrupt((e) => (e.metadata['schemaVersion'] = 0))],
  ['recordedAt that is not a timestamp', () => corrupt((e) => (e.metadata['recordedAt'] = 'yesterday'))],
  ['a metadata key no store knows', () => corrupt((e) => (e.metadata['note'] = '备注'))],
  ['a hash that is not sha256: and 64 lowercase hex digits', () => corrupt((e) => (e.metadata['hash'] = `sha256:${'A'.repeat(64)}`))],
];

const badStreamIds: readonly (readonly [string, string])[] = [
  ['empty', ''],
  ['with a space', 'ledger village-1'],
  ['with a slash', 'ledger/village-1'],
  ['starting with a dash', '-ledger-village-1'],
  ['longer than 128 characters', `ledger-${'x'.repeat(130)}`],
];

export const describeInvalidInput = (ctx: ContractContext): void => {
  const expectRefused = async (streamId: string, events: readonly NewEvent[]): Promise<void> => {
    const from = await ctx.checkpoint();
    const error = await rejectionOf(() => ctx.store.append(streamId, events));
    expect(error).toBeInstanceOf(InvalidAppendError);
    expect((error as InvalidAppendError).code).toBe('INVALID_APPEND');
    await expectNothingWritten(ctx.store, from, eventIdsOf(events));
  };

  describe('invalid input is refused with InvalidAppendError and writes nothing', () => {
    it('an empty batch', async () => {
      const streamId = ctx.streamId('empty-batch');
      await expectRefused(streamId, []);
      expect(await streamShape(ctx.store, streamId)).toEqual([]);
    });

    it.each(badStreamIds)('a stream id %s', async (_, streamId) => {
      await expectRefused(streamId, newEvents(2));
    });

    it.each(badEvents)('an event with %s', async (_, build) => {
      const streamId = ctx.streamId('bad-event');
      await expectRefused(streamId, [build()]);
      expect(await streamShape(ctx.store, streamId)).toEqual([]);
    });

    it('one bad event among good ones, on an existing stream: the whole batch', async () => {
      const streamId = ctx.streamId('bad-among-good');
      await ctx.store.append(streamId, newEvents(2));
      const before = await streamShape(ctx.store, streamId);
      const bad = corrupt((e) => (e.metadata['occurredOn'] = '2023-02-30'));
      await expectRefused(streamId, [newEvent(), bad, newEvent()]);
      expect(await streamShape(ctx.store, streamId)).toEqual(before);
    });
  });
};
