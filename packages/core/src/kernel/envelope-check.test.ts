import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NonEmptyString } from '../codecs/primitives.js';
import { assertValidAppend } from './envelope.js';
import { codecProblemOf, EventIdCodec, EventTypeCodec, StreamIdCodec } from './envelope-codecs.js';
import { isCertainlyValidEvent, isEventTypeName, isLowerUuid, isNonEmptyText } from './envelope-check.js';
import { DuplicateEventError, InvalidAppendError } from './errors.js';
import type { NewEvent } from './event.js';
import { DEFAULT_STORE_LIMITS, type StoreLimits } from './limits.js';

/** assertValidAppend as it was written with the codecs alone: the specification the fast path is held to. */
const byCodecs = (streamId: string, events: readonly NewEvent[], limits: StoreLimits): void => {
  if (!StreamIdCodec.is(streamId)) throw new InvalidAppendError(`streamId: expected ${StreamIdCodec.name}, got ${typeof streamId === 'string' ? JSON.stringify(streamId.length > 60 ? `${streamId.slice(0, 57)}...` : streamId) : typeof streamId}`);
  const raw: unknown = events;
  if (!Array.isArray(raw) || events.length === 0) throw new InvalidAppendError(`stream ${streamId}: an append needs at least one event`);
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const problem = codecProblemOf(streamId, event, index, limits);
    if (problem !== undefined) throw new InvalidAppendError(problem);
    if (ids.has(event.metadata.eventId)) throw new DuplicateEventError([event.metadata.eventId]);
    ids.add(event.metadata.eventId);
  });
};

/** What a check did: accepted, or which error with which words. */
const outcome = (check: () => void): string => {
  try {
    check();
    return 'accepted';
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
  }
};

// Text of every kind: plain ASCII, Chinese, emoji (surrogate pairs), white space, and now and then U+0000 or a lone surrogate.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('会计-张三', '收到鱼塘承包费', '🌾', ' ', '\t', '\u3000', 'a\u0000b', '\ud800', 'x\udc00', '"q"\\', '\u00a0x'),
);
const eventType = fc.oneof(
  fc.constantFrom('VoucherPosted', 'a', 'Ledger.Closed:v2', 'x_y-z', '收入登记', 'É9', 'Ａ', '9Lives', '_x', 'Thing Happened', '', `T${'x'.repeat(99)}`, `T${'x'.repeat(100)}`, `收${'入'.repeat(99)}`),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,12}$/),
  text,
);
const date = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-29', '2023-02-29', '2023-02-30', '2023/03/01', '0000-01-01', '2024-13-01', '2024-6-30'),
);
const timestamp = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2024-03-15T08:00:00Z', '2024-03-15T08:00:00.123456789+08:00', '2024-03-15T24:00:00Z', 'yesterday', '2024-03-15'),
);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const chainHash = fc.oneof(hex64.map((h) => `sha256:${h}`), hex64.map((h) => `sha256:${h.toUpperCase()}`), fc.constant('sha256:'));
const eventId = fc.oneof(fc.uuid(), fc.uuid().map((u) => u.toUpperCase()), fc.constantFrom('not-a-uuid', ''));

/** Anything at all in a field: the wrong type, the wrong shape, nothing. */
const oddValue = fc.oneof(
  fc.constantFrom(undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, 1n, [], {}, new Date(0), Object.create(null) as object, () => 1),
  fc.anything({ maxDepth: 2 }),
);
const jsonLeaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonLeaf, fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 3 })),
})).value;
const data = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(text, json, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.oneof(oddValue, fc.constant(JSON.parse('{"a": {"__proto__": {"x": 1}}}') as unknown)) },
);

/** Valid metadata fields, each now and then replaced by something odd, left out, set to undefined, or joined by an unknown key. */
const metadata = fc
  .record(
    {
      eventId: fc.oneof({ weight: 8, arbitrary: fc.uuid() }, { weight: 1, arbitrary: eventId }, { weight: 1, arbitrary: oddValue }),
      occurredOn: fc.oneof({ weight: 8, arbitrary: date }, { weight: 1, arbitrary: oddValue }),
      actor: fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: oddValue }),
      schemaVersion: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(0, -1, 1.5, 2 ** 53), oddValue) }),
      recordedAt: fc.oneof(timestamp, fc.constant(undefined), oddValue),
      commandId: fc.oneof(text, fc.constant(undefined), oddValue),
      correlationId: fc.oneof(text, fc.constant(undefined)),
      causationId: fc.oneof(text, fc.constant(undefined)),
      commandDigest: fc.oneof(text, fc.constant(undefined)),
      hash: fc.oneof(chainHash, fc.constant(undefined), oddValue),
      note: fc.oneof(text, fc.constant(undefined)),
    },
    { requiredKeys: [] },
  )
  .chain((fields) => fc.oneof({ weight: 9, arbitrary: fc.constant<unknown>(fields) }, { weight: 1, arbitrary: oddValue }));

const event = fc.record({ type: eventType, data, metadata }, { requiredKeys: ['type', 'data', 'metadata'] });

/** Text no content rule refuses (no U+0000, no lone surrogate) with something not white space in it. */
const goodText = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), fc.constantFrom('会计-张三', '🌾', '"q"\\', 'tab\there')).filter((t) => /\S/.test(t) && !t.includes('\u0000'));
const goodJson = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, goodText, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(goodText, tie('value'), { maxKeys: 3 })),
})).value;
/** Events every store accepts under the default limits. */
const validEvent: fc.Arbitrary<NewEvent> = fc
  .record(
    {
      type: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,20}$/),
      data: fc.dictionary(goodText.filter((k) => k !== '__proto__'), goodJson, { maxKeys: 4 }),
      metadata: fc.record(
        {
          eventId: fc.uuid(),
          occurredOn: date.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d !== '0000-01-01' && d !== '2023-02-29' && d !== '2023-02-30' && d !== '2024-13-01'),
          actor: goodText,
          schemaVersion: fc.integer({ min: 1, max: 5 }),
          recordedAt: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
          commandId: goodText,
          commandDigest: hex64.map((h) => `sha256:${h}`),
          hash: hex64.map((h) => `sha256:${h}`),
        },
        { requiredKeys: ['eventId', 'occurredOn', 'actor', 'schemaVersion'] },
      ),
    },
    { requiredKeys: ['type', 'data', 'metadata'] },
  )
  .map((e) => e as NewEvent);

/** Whether any string or key of a value holds a surrogate pair. */
const holdsPair = (value: unknown): boolean => {
  if (typeof value === 'string') return /[\ud800-\udbff][\udc00-\udfff]/.test(value);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => holdsPair(key) || holdsPair(inner));
};
const anEvent = fc.oneof({ weight: 19, arbitrary: event }, { weight: 1, arbitrary: oddValue });

/** The default limits, or small ones that strings, depth and size run into. */
const limits = fc.oneof(
  fc.constant(DEFAULT_STORE_LIMITS),
  fc.record({ maxDepth: fc.integer({ min: 1, max: 4 }), maxStringLength: fc.integer({ min: 1, max: 40 }), maxEventSize: fc.integer({ min: 1, max: 600 }) }),
);

describe('the hand-written checks of a field agree with its codec', () => {
  it('event ids, event types and non-empty text', () => {
    const strings = fc.oneof(text, eventType, eventId, fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(fc.oneof(strings, oddValue), (u) => {
        expect(isLowerUuid(u)).toBe(EventIdCodec.is(u));
        expect(isEventTypeName(u)).toBe(EventTypeCodec.is(u));
        expect(isNonEmptyText(u)).toBe(NonEmptyString.is(u));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('isCertainlyValidEvent', () => {
  it('accepts only what the codecs accept', () => {
    fc.assert(
      fc.property(fc.oneof(anEvent, validEvent), limits, (e, l) => {
        if (isCertainlyValidEvent(e, l)) expect(codecProblemOf('s-1', e, 0, l)).toBeUndefined();
      }),
      { numRuns: 5_000 },
    );
  });

  it('accepts every valid event without a surrogate pair (those are left to the codecs), at any limits', () => {
    fc.assert(
      fc.property(fc.oneof(anEvent, validEvent), limits, (e, l) => {
        if (!holdsPair(e) && codecProblemOf('s-1', e, 0, l) === undefined) expect(isCertainlyValidEvent(e, l)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('draws the size limit exactly where the codecs do', () => {
    fc.assert(
      fc.property(validEvent.filter((e) => !holdsPair(e)), (e) => {
        expect(codecProblemOf('s-1', e, 0, DEFAULT_STORE_LIMITS)).toBeUndefined();
        // The smallest size limit the codecs accept the event under, by bisection.
        let low = 1;
        let high = DEFAULT_STORE_LIMITS.maxEventSize;
        while (low < high) {
          const middle = Math.floor((low + high) / 2);
          if (codecProblemOf('s-1', e, 0, { ...DEFAULT_STORE_LIMITS, maxEventSize: middle }) === undefined) high = middle;
          else low = middle + 1;
        }
        expect(isCertainlyValidEvent(e, { ...DEFAULT_STORE_LIMITS, maxEventSize: low })).toBe(true);
        expect(isCertainlyValidEvent(e, { ...DEFAULT_STORE_LIMITS, maxEventSize: low - 1 })).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('assertValidAppend', () => {
  const streamId = fc.oneof({ weight: 9, arbitrary: fc.constantFrom('ledger-v001-2024', 's-1') }, { weight: 1, arbitrary: fc.oneof(text, oddValue) });

  it('accepts and refuses exactly as the codecs do, with the same words, for any batch', () => {
    const batch = fc.oneof(
      { weight: 9, arbitrary: fc.array(anEvent, { minLength: 0, maxLength: 4 }) },
      { weight: 1, arbitrary: oddValue },
    );
    fc.assert(
      fc.property(streamId, batch, limits, (id, events, l) => {
        const run = (check: typeof byCodecs) => outcome(() => { check(id as string, events as NewEvent[], l); });
        expect(run(assertValidAppend)).toBe(run(byCodecs));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses a repeated event id at the same event, in small batches and large ones', () => {
    fc.assert(
      fc.property(fc.array(validEvent, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (events, from, to) => {
        const copy: NewEvent[] = events.map((e) => ({ ...(e) }));
        const source = copy[from % copy.length]!;
        const target = to % copy.length;
        copy[target] = { ...copy[target]!, metadata: { ...copy[target]!.metadata, eventId: source.metadata.eventId } };
        const run = (check: typeof byCodecs) => outcome(() => { check('s-1', copy, DEFAULT_STORE_LIMITS); });
        expect(run(assertValidAppend)).toBe(run(byCodecs));
      }),
      { numRuns: 1_000 },
    );
  });

  it('words each refusal of one broken field as the codecs do', () => {
    const good: NewEvent = {
      type: 'VoucherPosted',
      data: { organizationId: 'v001', lines: [{ amount: '10.00' }] },
      metadata: { eventId: '00000000-0000-4000-8000-000000000001', occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1 },
    };
    const paths = ['type', 'data', 'metadata', 'metadata.eventId', 'metadata.occurredOn', 'metadata.actor', 'metadata.schemaVersion', 'metadata.recordedAt', 'metadata.commandId', 'metadata.hash', 'metadata.note', 'data.organizationId', 'data.lines'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.oneof(oddValue, text), (path, value) => {
        const [head, field] = path.split('.') as [keyof NewEvent, string | undefined];
        const broken = field === undefined ? { ...good, [head]: value } : { ...good, [head]: { ...(good[head] as object), [field]: value } };
        const run = (check: typeof byCodecs) => outcome(() => { check('s-1', [good, broken].map((e, i) => (i === 0 ? { ...e, metadata: { ...e.metadata, eventId: '00000000-0000-4000-8000-000000000002' } } : e)), DEFAULT_STORE_LIMITS); });
        expect(run(assertValidAppend)).toBe(run(byCodecs));
      }),
      { numRuns: 3_000 },
    );
  });
});
