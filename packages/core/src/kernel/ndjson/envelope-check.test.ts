import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLedgerEnvelope } from './envelope-check.js';
import { ledgerEntryByCodec, ledgerEntryOf, parseLedgerEnvelope, type LedgerEntry } from './envelope.js';
import { LedgerLineError } from './errors.js';

type Outcome = { readonly ok: true; readonly entry: LedgerEntry } | { readonly ok: false; readonly error: LedgerLineError };

const outcome = (read: () => LedgerEntry): Outcome => {
  try {
    return { ok: true, entry: read() };
  } catch (error) {
    if (error instanceof LedgerLineError) return { ok: false, error };
    throw error;
  }
};

/** A value that is sometimes right for its field and often not: the checks must agree on both. */
const either = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

const hex = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });
const uuid = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
/** Strings of the right length from a few characters more than a uuid allows: every place of the test is tried. */
const almost = (length: number, prefix = '') => fc.string({ unit: fc.constantFrom(...'0123456789abcdefgA-'.split('')), minLength: length, maxLength: length }).map((s) => prefix + s);
const nearUuid = fc.oneof({ weight: 12, arbitrary: uuid }, uuid.map((id) => id.toUpperCase()), uuid.map((id) => id.slice(1)), uuid.map((id) => `${id} `), almost(36));
const someDate = fc.tuple(fc.integer({ min: 0, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
  ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
);
const realDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const date = fc.oneof({ weight: 8, arbitrary: realDate }, { weight: 2, arbitrary: someDate });
const time = fc.tuple(date, fc.oneof({ weight: 6, arbitrary: fc.constantFrom('T08:00:00.000Z', 'T23:59:59+08:00', 'T00:00:00.123456789-05:30') }, fc.constantFrom('T24:00:00Z', 'T08:00:00', ' 08:00:00Z', 'T08:00:00.1234567891Z')));
const id = fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/) }, fc.constantFrom('', '-x', 'a b', 'x'.repeat(128), 'y'.repeat(129), '东风'));
const eventType = fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:-]{0,12}$/) }, fc.stringMatching(/^[A-Za-z0-9_.:\- 入账]{0,6}$/), fc.constantFrom('收入入账', '1Type', 'T'.repeat(100), 'T'.repeat(101), 'A b'));
const text = fc.oneof({ weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\ufeff', 'x', '会'), maxLength: 4 }), fc.constantFrom('', ' ', '\t\n', '会计', '\u3000'));
const schemaVersion = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, fc.constantFrom(0, -1, 1.5, 2 ** 53, '1'));
const chainHash = fc.oneof({ weight: 6, arbitrary: hex(64).map((h) => `sha256:${h}`) }, almost(64, 'sha256:'), almost(71), hex(63).map((h) => `sha256:${h}`), hex(64).map((h) => `SHA256:${h}`));

const OPTIONAL: readonly (readonly [string, fc.Arbitrary<unknown>])[] = [
  ['recordedAt', either(time.map(([d, t]) => d + t))],
  ['commandId', either(text)],
  ['correlationId', either(text)],
  ['causationId', either(text)],
  ['commandDigest', either(text)],
  ['hash', either(chainHash)],
];

/** Metadata with each required key usually present, optional ones sometimes, now and then a key the format does not know. */
const metadata = fc
  .tuple(
    fc.record(
      {
        eventId: either(nearUuid),
        occurredOn: either(date),
        actor: either(text),
        schemaVersion: either(schemaVersion),
        ...Object.fromEntries(OPTIONAL),
        extra: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    ),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([m, odds]) => (odds === 0 ? m : Object.fromEntries(Object.entries(m).filter(([key]) => key !== 'extra'))));

const line = fc.record(
  {
    streamId: either(id),
    type: either(eventType),
    data: either(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })),
    metadata: fc.oneof({ weight: 8, arbitrary: metadata }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
  },
  { requiredKeys: ['streamId', 'type', 'data', 'metadata'] },
);

/** A line whose fields are all valid (optional ones present or not): the accepting side, where a wrong "no" would hide. */
const validMetadata = fc.record(
  {
    eventId: uuid,
    occurredOn: realDate,
    actor: fc.string({ minLength: 1, maxLength: 6 }).filter((a) => /\S/.test(a)),
    schemaVersion: fc.integer({ min: 1, max: 9 }),
    recordedAt: fc.tuple(realDate, fc.constantFrom('T08:00:00.000Z', 'T23:59:59+08:00')).map(([d, t]) => d + t),
    commandId: fc.constantFrom('c-1', '命令', ' x'),
    hash: hex(64).map((h) => `sha256:${h}`),
  },
  { requiredKeys: ['eventId', 'occurredOn', 'actor', 'schemaVersion'] },
);
const validLines = fc.record({ streamId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/), type: fc.constantFrom('VoucherPosted', '收入入账', 'a.b:c-d_1'), data: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), metadata: validMetadata });

/** Mostly lines, sometimes anything JSON: what JSON.parse returns for any line of a file. */
const value = fc.oneof({ weight: 9, arbitrary: line }, { weight: 2, arbitrary: validLines }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** A line that is certainly valid, to check the generator reaches the accepting side often. */
const validLine = (n: number) => ({
  streamId: 'ledger-v001-2024',
  type: 'VoucherPosted',
  data: { amount: '1.00' },
  metadata: { eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, occurredOn: '2024-02-29', recordedAt: '2024-03-01T08:00:00.000Z', actor: '会计', schemaVersion: 1 },
});

describe('the hand-written envelope check', () => {
  it('gives the codec’s verdict and, on a refusal, its error naming the line and the field, for random lines', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 10_000_000 }), (v, lineNumber) => {
        const reference = outcome(() => ledgerEntryByCodec(v, lineNumber));
        const fast = outcome(() => ledgerEntryOf(v, lineNumber));
        expect(isLedgerEnvelope(v)).toBe(reference.ok);
        expect(fast.ok).toBe(reference.ok);
        if (fast.ok && reference.ok) {
          accepted += 1;
          expect(fast.entry).toEqual(reference.entry);
        } else if (!fast.ok && !reference.ok) {
          refused += 1;
          expect(fast.error.message).toBe(reference.error.message);
          expect(fast.error.message.startsWith(`line ${lineNumber}: `)).toBe(true);
          expect(fast.error.issues).toEqual(reference.error.issues);
        }
      }),
      { numRuns: 5_000 },
    );
    // Both sides were reached often enough to mean something.
    expect(accepted).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(1_000);
  });

  it('accepts a valid line as the codec does, and reads it from text the same way', () => {
    const text = JSON.stringify(validLine(7));
    expect(parseLedgerEnvelope(text, 3)).toEqual(ledgerEntryByCodec(JSON.parse(text), 3));
    expect(parseLedgerEnvelope(text, 3).event.metadata.eventId).toBe('00000000-0000-4000-8000-000000000007');
  });

  it.each([
    ['an unknown top-level key', { ...validLine(1), extra: 1 }, 'line 9: extra: unknown key (a line has streamId, type, data, metadata)'],
    ['an unknown metadata key', { ...validLine(1), metadata: { ...validLine(1).metadata, note: 'x' } }, 'line 9: metadata.note: unknown metadata key'],
    ['a missing actor', { ...validLine(1), metadata: { ...validLine(1).metadata, actor: undefined } }, 'line 9: metadata.actor: expected a non-empty string, got nothing'],
    ['an upper-case event id', { ...validLine(1), metadata: { ...validLine(1).metadata, eventId: '0B7C2F4E-2D1A-4C53-9A4E-6F0A3C1D2E5F' } }, /^line 9: metadata\.eventId: expected a UUID in lower case/],
    ['a data array', { ...validLine(1), data: [] }, 'line 9: data: expected a JSON object, got []'],
  ])('refuses %s with the codec’s message', (_, v, message) => {
    const parsed = JSON.parse(JSON.stringify(v)) as unknown;
    expect(isLedgerEnvelope(parsed)).toBe(false);
    expect(() => ledgerEntryOf(parsed, 9)).toThrow(message);
  });
});
