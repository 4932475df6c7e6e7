import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventHash } from './chain.js';
import type { JsonObject, NewEvent, NewEventMetadata, RecordedEvent } from './event.js';
import { InMemoryEventStore } from './memory-store.js';

const text = fc.oneof(fc.constantFrom('v001', '会计-张三', '2024-03-15', 'cmd-1', '收到鱼塘承包费'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })).filter((s) => /\S/.test(s) && !s.includes('\u0000') && s !== '__proto__');
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
})).value;
/** Events of a few types over a few commands and actors, so that batches repeat values from event to event. */
const event = fc.record({
  type: fc.constantFrom('VoucherPosted', 'IncomeRecorded'),
  data: fc.dictionary(text, json, { maxKeys: 4 }),
  metadata: fc.record(
    {
      occurredOn: fc.constantFrom('2024-03-15', '2024-03-16'),
      actor: fc.constantFrom('会计-张三', 'clerk'),
      commandId: fc.constantFrom('cmd-1', 'cmd-2', 'cmd-3'),
      correlationId: fc.constantFrom('corr-1', 'corr-2'),
      recordedAt: fc.constant('2020-01-01T00:00:00.000Z'),
      schemaVersion: fc.constantFrom(1, 2),
    },
    { requiredKeys: ['occurredOn', 'actor', 'schemaVersion'] },
  ),
});
const appends = fc.array(fc.record({ stream: fc.constantFrom('ledger-v001-2024', 'ledger-v002-2024', 'asset-a1'), events: fc.array(event, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 });

/** A value as JSON reads it back, key order kept: what a store must hand out for data written. */
const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** A value with its keys, in their order, at every depth: so two values compare equal only with their keys in the same order. */
const ordered = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value !== 'object' || value === null) return value;
  return Object.entries(value).map(([key, inner]) => [key, ordered(inner)]);
};

const deepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deepFrozen));

describe('InMemoryEventStore', () => {
  it('hands out every event as written: data and metadata in their key order, positions, the chain hash, frozen throughout', async () => {
    await fc.assert(
      fc.asyncProperty(appends, async (batches) => {
        let n = 0;
        const written: { stream: string; event: NewEvent }[] = [];
        const store = new InMemoryEventStore({ now: () => new Date('2024-03-20T00:00:00.000Z') });
        for (const { stream, events } of batches) {
          const batch: NewEvent[] = events.map((e) => {
            n += 1;
            return { ...e, data: e.data as JsonObject, metadata: { eventId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`, ...e.metadata } };
          });
          await store.append(stream, batch);
          written.push(...batch.map((event) => ({ stream, event })));
        }
        const read: RecordedEvent[] = [];
        for await (const event of store.readAll()) read.push(event);
        const heads = new Map<string, { position: bigint; hash: string | null }>();
        const expected = written.map(({ stream, event }, i) => {
          const head = heads.get(stream) ?? { position: -1n, hash: null };
          const metadata = { ...(asRead(event.metadata) as NewEventMetadata), recordedAt: event.metadata.recordedAt ?? '2024-03-20T00:00:00.000Z' };
          const streamPosition = head.position + 1n;
          const hash = eventHash({ streamId: stream, streamPosition, type: event.type, data: event.data, metadata }, head.hash);
          heads.set(stream, { position: streamPosition, hash });
          return { streamId: stream, streamPosition, globalPosition: BigInt(i + 1), type: event.type, data: asRead(event.data), metadata: { ...metadata, hash } };
        });
        expect(ordered(read)).toEqual(ordered(expected));
        expect(read.every(deepFrozen)).toBe(true);
        for (const stream of heads.keys()) {
          const events: RecordedEvent[] = [];
          for await (const event of store.readStream(stream)) events.push(event);
          expect(events).toEqual(read.filter((event) => event.streamId === stream));
        }
        for (const command of ['cmd-1', 'cmd-2', 'cmd-3']) expect(await store.readCommand(command)).toEqual(read.filter((event) => event.metadata.commandId === command));
      }),
      { numRuns: 200 },
    );
  });
});
