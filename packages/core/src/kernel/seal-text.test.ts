import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainedText, eventHash } from './chain.js';
import { ChainBrokenError } from './errors.js';
import type { EventMetadata, NewEvent, NewEventMetadata } from './event.js';
import { canonicalMetadata } from './seal-text.js';
import { sealEvents, type ChainHead, type SealedBatch } from './seal.js';

/** sealEvents as first written, through `eventHash`: what the batch writer is held to. */
const reference = (streamId: string, events: readonly NewEvent[], head: ChainHead, recordedAt: string): SealedBatch => {
  const sealed: EventMetadata[] = [];
  let position = head.position;
  let previous = head.hash;
  for (const event of events) {
    position += 1n;
    const metadata: Record<string, unknown> = {};
    for (const key in event.metadata) {
      const value = event.metadata[key as keyof NewEventMetadata];
      if (value !== undefined && key !== 'hash') metadata[key] = value;
    }
    metadata['recordedAt'] ??= recordedAt;
    const hash = eventHash({ streamId, streamPosition: position, type: event.type, data: event.data, metadata }, previous);
    const carried = event.metadata.hash;
    if (carried !== undefined && carried !== hash) {
      throw new ChainBrokenError({ streamId, streamPosition: position, eventId: event.metadata.eventId, carried, computed: hash });
    }
    metadata['hash'] = hash;
    sealed.push(metadata as unknown as EventMetadata);
    previous = hash;
  }
  return { metadata: sealed, head: { position, hash: previous } };
};

/** The result with every metadata object's keys in their order, or the error's name, words and fields. */
const outcome = (seal: () => SealedBatch): unknown => {
  try {
    const { metadata, head } = seal();
    return { metadata: metadata.map((m) => Object.entries(m)), head };
  } catch (error) {
    return error instanceof ChainBrokenError
      ? { message: error.message, streamId: error.streamId, streamPosition: error.streamPosition, eventId: error.eventId, carried: error.carried, computed: error.computed }
      : String(error);
  }
};

const text = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('会计-张三', '"q"\\', '2024-03-15', 'a,b'));
const shared = fc.constantFrom('2024-03-15', '会计', 'cmd-1', 'sha256:00');
const field = fc.oneof(text, shared, fc.integer(), fc.constant(undefined), fc.constant(null), fc.jsonValue({ maxDepth: 1 }));
const metadata = fc.record(
  {
    eventId: fc.oneof(fc.uuid(), text),
    occurredOn: field,
    recordedAt: fc.oneof(fc.constant(undefined), fc.constant('2024-03-15T08:00:00.000Z'), field),
    actor: field,
    commandId: field,
    correlationId: field,
    causationId: field,
    commandDigest: field,
    schemaVersion: fc.oneof(fc.integer({ min: 1, max: 3 }), field),
    hash: fc.oneof(fc.constant(undefined), fc.constant(undefined), text),
    note: field,
    'z-last': field,
  },
  { requiredKeys: ['eventId'] },
);
const event = fc.record({ type: fc.oneof(fc.constantFrom('VoucherPosted', 'IncomeRecorded'), text), data: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), metadata });
const head = fc.record({
  position: fc.oneof(fc.bigInt({ min: -1n, max: 1000n }), fc.constantFrom(BigInt(Number.MAX_SAFE_INTEGER) - 2n ** 32n - 2n, BigInt(Number.MAX_SAFE_INTEGER), 2n ** 64n)),
  hash: fc.oneof(fc.constant(null), fc.constant('sha256:0123'), text),
});

describe('sealEvents', () => {
  it('stores, hashes and refuses exactly as eventHash event by event does, for any batch', () => {
    fc.assert(
      fc.property(text, fc.array(event, { maxLength: 5 }), head, (streamId, events, at) => {
        const batch = events as unknown as NewEvent[];
        expect(outcome(() => sealEvents(streamId, batch, at, '2024-03-16T00:00:00.000Z'))).toEqual(outcome(() => reference(streamId, batch, at, '2024-03-16T00:00:00.000Z')));
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps a carried hash that is the one it computes, in the middle of a batch', () => {
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 4 }), fc.nat(), (events, at) => {
        const batch: NewEvent[] = (events as unknown as NewEvent[]).map(({ metadata: { hash: _hash, ...metadata }, ...e }) => ({ ...e, metadata }));
        const sealed = reference('s-1', batch, { position: -1n, hash: null }, 'now').metadata;
        const i = at % batch.length;
        const carrying = batch.map((e, j) => (j === i ? { ...e, metadata: { ...e.metadata, hash: sealed[i]?.hash ?? '' } } : e));
        expect(sealEvents('s-1', carrying, { position: -1n, hash: null }, 'now').metadata.map((m) => m.hash)).toEqual(sealed.map((m) => m.hash));
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalMetadata', () => {
  it('writes an object-valued field afresh each time, even the same object changed (nothing valid has one)', () => {
    const actor = { name: '甲' };
    const m = { eventId: '00000000-0000-4000-8000-000000000001', actor, occurredOn: actor };
    expect(canonicalMetadata(m, 3)).toBe('{"actor":{"name":"甲"},"eventId":"00000000-0000-4000-8000-000000000001","occurredOn":{"name":"甲"}}');
    actor.name = '乙';
    expect(canonicalMetadata(m, 3)).toBe('{"actor":{"name":"乙"},"eventId":"00000000-0000-4000-8000-000000000001","occurredOn":{"name":"乙"}}');
  });

  it('writes what chainedText writes of the metadata, key order aside', () => {
    fc.assert(
      fc.property(metadata, (m) => {
        const stored = Object.fromEntries(Object.entries(m).filter(([key, value]) => value !== undefined && key !== 'hash'));
        const whole = chainedText({ streamId: 's', streamPosition: 0n, type: 'T', data: {}, metadata: stored }, null);
        const written = canonicalMetadata(stored, Object.keys(stored).length);
        expect(whole).toContain(`"metadata":${written},"previous"`);
        expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(stored)));
      }),
      { numRuns: 2_000 },
    );
  });
});
