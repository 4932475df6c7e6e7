import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CHAIN_HASH_PATTERN, chainedText, eventHash, type ChainedEvent } from './chain.js';
import { ChainBrokenError } from './errors.js';
import type { NewEvent } from './event.js';
import { EMPTY_CHAIN, sealEvents } from './seal.js';

/** The obvious encoder, written apart from the fast one: entries sorted by UTF-16 code units, then JSON.stringify each part. */
const reference = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  // undefined, here only an array item or the whole value, is written as JSON.stringify writes it in an array.
  if (value === undefined) return 'null';
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${reference(inner)}`).join(',')}}`;
};

/** The example of docs/tamper-evidence.md, checked with Python 3: json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False), then hashlib.sha256. */
const golden: ChainedEvent = {
  streamId: 'organization-v001',
  streamPosition: 0n,
  type: 'VillageRegistered',
  data: {
    organizationId: 'v001',
    name: '东风村',
    lines: [{ side: 'debit', amount: '1200.00' }, [1, [2, []]]],
    note: 'tab\there "quoted" \\',
  },
  metadata: {
    eventId: '00000000-0000-4000-8000-000000000001',
    occurredOn: '2024-03-15',
    recordedAt: '2024-03-15T08:00:00.000Z',
    actor: '会计-张三',
    schemaVersion: 1,
  },
};
const DOCUMENTED_TEXT =
  '{"data":{"lines":[{"amount":"1200.00","side":"debit"},[1,[2,[]]]],"name":"东风村","note":"tab\\there \\"quoted\\" \\\\","organizationId":"v001"},' +
  '"metadata":{"actor":"会计-张三","eventId":"00000000-0000-4000-8000-000000000001","occurredOn":"2024-03-15","recordedAt":"2024-03-15T08:00:00.000Z","schemaVersion":1},' +
  '"previous":null,"streamId":"organization-v001","streamPosition":"0","type":"VillageRegistered"}';
const GOLDEN_HASH = 'sha256:6f18c5dddb76eb2fc9d765c3f491e7c353130874a30dac0c204020e6617c159c';

describe('canonicalJson', () => {
  it('sorts keys at every depth by UTF-16 code units, keeps arrays in order, writes no white space', () => {
    const value = { b: [3, { z: 1, a: null }, []], a: { '10': true, '2': false, B: '' }, 甲: '乙' };
    expect(canonicalJson(value)).toBe('{"a":{"10":true,"2":false,"B":""},"b":[3,{"a":null,"z":1},[]],"甲":"乙"}');
  });

  it('orders a key beyond U+FFFF by its surrogates, before U+E000 to U+FFFF (code point order would not)', () => {
    expect(canonicalJson({ 'ｚ': 1, '😀': 2, 'a': 3 })).toBe('{"a":3,"😀":2,"ｚ":1}');
  });

  it('writes strings and numbers exactly as JSON.stringify does, and leaves out undefined as it does', () => {
    const strings = ['"quoted"', 'back\\slash', 'tab\tnew\nline\r\f\b', '\u0001\u001f\u007f', '\u2028\u2029', '村集体 🌾'];
    for (const s of strings) expect(canonicalJson(s)).toBe(JSON.stringify(s));
    for (const n of [0, -0, 7, -12, 2024, 9007199254740991, 1e21]) expect(canonicalJson(n)).toBe(JSON.stringify(n));
    expect(canonicalJson({ kept: 1, gone: undefined })).toBe('{"kept":1}');
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('agrees with the obvious encoder on any JSON value, and with JSON.stringify on any string (lone surrogates too)', () => {
    fc.assert(fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => canonicalJson(value) === reference(value)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => canonicalJson(text) === JSON.stringify(text)), { numRuns: 2_000 });
  });
});

describe('eventHash', () => {
  it('is sha256: and the lowercase hex SHA-256 of the documented canonical text', () => {
    const text = chainedText(golden, null);
    expect(text).toBe(reference({ ...golden, streamPosition: '0', previous: null }));
    expect(text).toBe(DOCUMENTED_TEXT);
    expect(eventHash(golden, null)).toBe(`sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`);
    expect(eventHash(golden, null)).toBe(GOLDEN_HASH);
    expect(eventHash(golden, null)).toMatch(CHAIN_HASH_PATTERN);
  });

  it('covers the data, every metadata field, the previous hash, the stream, the position and the type', () => {
    const base = eventHash(golden, null);
    const variants: ChainedEvent[] = [
      { ...golden, data: { ...golden.data, name: '东风村 ' } },
      { ...golden, metadata: { ...golden.metadata, recordedAt: '2024-03-15T08:00:00.001Z' } },
      { ...golden, metadata: { ...golden.metadata, commandId: 'c-1' } },
      { ...golden, streamId: 'organization-v002' },
      { ...golden, streamPosition: 1n },
      { ...golden, type: 'VillageRenamed' },
    ];
    const hashes = [...variants.map((event) => eventHash(event, null)), eventHash(golden, GOLDEN_HASH)];
    expect(new Set([base, ...hashes]).size).toBe(hashes.length + 1);
  });

  it('leaves the hash itself out of what it hashes, and does not depend on key order', () => {
    const reordered: ChainedEvent = { ...golden, metadata: { hash: GOLDEN_HASH, schemaVersion: 1, ...golden.metadata } };
    expect(eventHash(reordered, null)).toBe(GOLDEN_HASH);
  });
});

const event = (n: number, extra: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  type: 'IncomeRecorded',
  data: { organizationId: 'v001', amount: `${n}.00` },
  metadata: { eventId: `00000000-0000-4000-8000-00000000000${n}`, occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1, ...extra },
});

describe('sealEvents', () => {
  it('stamps recordedAt unless carried, then chains each event to the one before', () => {
    const first = sealEvents('ledger-v001-2024', [event(1), event(2, { recordedAt: '2020-01-01T00:00:00Z' })], EMPTY_CHAIN, '2024-03-15T08:00:00.000Z');
    const [a, b] = first.metadata;
    expect([a?.recordedAt, b?.recordedAt]).toEqual(['2024-03-15T08:00:00.000Z', '2020-01-01T00:00:00Z']);
    const at = (n: number, position: bigint): ChainedEvent => ({ streamId: 'ledger-v001-2024', streamPosition: position, ...event(n), metadata: n === 1 ? a ?? {} : b ?? {} });
    expect(a?.hash).toBe(eventHash(at(1, 0n), null));
    expect(b?.hash).toBe(eventHash(at(2, 1n), a?.hash ?? null));
    expect(first.head).toEqual({ position: 1n, hash: b?.hash });

    const next = sealEvents('ledger-v001-2024', [event(3)], first.head, '2024-03-16T08:00:00.000Z');
    expect(next.head.position).toBe(2n);
    expect(next.metadata[0]?.hash).toBe(eventHash({ streamId: 'ledger-v001-2024', streamPosition: 2n, ...event(3), metadata: next.metadata[0] ?? {} }, b?.hash ?? null));
  });

  it('continues from null after a head stored before hashes existed', () => {
    const sealed = sealEvents('ledger-v001-2024', [event(4)], { position: 6n, hash: null }, '2024-03-15T08:00:00.000Z');
    const metadata = sealed.metadata[0]!;
    expect(metadata.hash).toBe(eventHash({ streamId: 'ledger-v001-2024', streamPosition: 7n, ...event(4), metadata }, null));
  });

  it('keeps a carried hash that is the one it computes, and refuses one that is not, naming stream, position and event', () => {
    const sealed = sealEvents('s-1', [event(1, { recordedAt: '2024-03-15T08:00:00.000Z' })], EMPTY_CHAIN, 'ignored');
    const hash = sealed.metadata[0]?.hash ?? '';
    expect(sealEvents('s-1', [event(1, { recordedAt: '2024-03-15T08:00:00.000Z', hash })], EMPTY_CHAIN, 'ignored').metadata[0]?.hash).toBe(hash);

    const moved = (): unknown => sealEvents('s-1', [event(2), event(1, { recordedAt: '2024-03-15T08:00:00.000Z', hash })], EMPTY_CHAIN, 'now');
    expect(moved).toThrow(ChainBrokenError);
    expect(moved).toThrow(/^stream s-1, position 1, event 00000000-0000-4000-8000-000000000001: it carries hash sha256:[0-9a-f]{64}, but/);
    try {
      moved();
    } catch (error) {
      expect(error).toMatchObject({ code: 'CHAIN_BROKEN', streamId: 's-1', streamPosition: 1n, carried: hash });
    }
  });
});
