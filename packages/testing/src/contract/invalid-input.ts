import { describe, expect, it } from '../vitest-api.js';
import { InvalidAppendError } from '@collective-ledger/core';
import type { JsonObject, NewEvent } from '@collective-ledger/core';
import { collect, eventIdsOf, newEvent, newEvents } from '../fixtures.js';
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

/** Data nested `depth` levels deep (the data object is level 1). */
const nested = (depth: number): JsonObject => {
  let value: JsonObject = { leaf: true };
  for (let level = 2; level <= depth; level += 1) value = { inner: value };
  return value;
};

/** What every store may not keep of an event's content, and the words of the refusal after `events[0].`. */
const badContent: readonly (readonly [string, () => NewEvent, string])[] = [
  [
    'an event id in upper case',
    () => corrupt((e) => (e.metadata['eventId'] = '3F2B8C1E-0000-4000-8000-00000000000A')),
    'metadata.eventId: expected a UUID in lower case',
  ],
  ['U+0000 in a string', () => corrupt((e) => (e['data'] = { summary: 'ab\u0000c' })), 'data.summary: contains U+0000 at character 3'],
  ['U+0000 in a key', () => corrupt((e) => (e['data'] = { 'a\u0000': 1 })), 'contains U+0000 at character 2'],
  ['an unpaired high surrogate', () => corrupt((e) => (e['data'] = { summary: '收\ud83d入' })), 'data.summary: contains an unpaired surrogate at character 2'],
  ['an unpaired low surrogate', () => corrupt((e) => (e['data'] = { summary: '\ude00' })), 'data.summary: contains an unpaired surrogate at character 1'],
  ['a "__proto__" key', () => corrupt((e) => (e['data'] = JSON.parse('{"__proto__": {"x": 1}}') as unknown)), 'the key "__proto__" is refused'],
  ['NaN as a number', () => corrupt((e) => (e['data'] = { area: Number.NaN })), 'data.area: NaN is not a JSON number'],
  ['data nested 33 levels deep', () => corrupt((e) => (e['data'] = nested(33))), "nested deeper than the store's limit of 32 levels"],
  ['a string of 10,001 characters', () => corrupt((e) => (e['data'] = { summary: '账'.repeat(10_001) })), "data.summary: a string of 10001 characters, longer than the store's limit of 10000"],
  [
    'an event of more than 8,000,000 characters',
    () => corrupt((e) => (e['data'] = { lines: Array.from({ length: 801 }, () => 'x'.repeat(10_000)) })),
    "larger than the store's limit of 8000000",
  ],
  ['a type of 101 characters', () => corrupt((e) => (e['type'] = `T${'x'.repeat(100)}`)), 'type: expected an event type name'],
  ['a type with a space', () => corrupt((e) => (e['type'] = 'Thing Happened')), 'type: expected an event type name'],
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

    it.each(badContent)('content no store keeps: %s, with the same words on every store', async (_, build, words) => {
      const streamId = ctx.streamId('bad-content');
      const from = await ctx.checkpoint();
      const events = [newEvent(), build()];
      const error = await rejectionOf(() => ctx.store.append(streamId, events));
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect((error as Error).message).toContain(`stream ${streamId}: events[1]`);
      expect((error as Error).message).toContain(words);
      expect((error as Error).message.length).toBeLessThan(400);
      await expectNothingWritten(ctx.store, from, eventIdsOf(events));
      expect(await streamShape(ctx.store, streamId)).toEqual([]);
    });

    it('an emoji (a surrogate pair), a string of 10,000 characters and data 32 levels deep are kept as written', async () => {
      const streamId = ctx.streamId('content-at-limits');
      const data = { summary: `收入😀${'账'.repeat(9_996)}`, deep: nested(31) };
      await ctx.store.append(streamId, [newEvent('ThingHappened', data)]);
      const [stored] = await collect(ctx.store.readStream(streamId));
      expect(stored?.data).toEqual(data);
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
