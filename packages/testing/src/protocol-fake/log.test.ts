import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeLog, type FakeExpectation, type ProposedRecord } from './log.js';

const proposed = (id: string = crypto.randomUUID()): ProposedRecord => ({
  id,
  type: 'ThingHappened',
  contentType: 'application/json',
  data: new TextEncoder().encode('{"n":1}'),
  metadata: new Uint8Array(),
});

const exact = (revision: bigint): FakeExpectation => ({ kind: 'revision', revision });

describe("the protocol fake's log (the server's decisions, without gRPC)", () => {
  it('checks each expectation as the server does', () => {
    const log = new FakeLog();
    const refused = (expected: FakeExpectation) => log.append('s', expected, [proposed()]).kind === 'wrong_expected_version';
    expect([refused({ kind: 'stream_exists' }), refused(exact(0n))]).toEqual([true, true]);
    expect(refused({ kind: 'no_stream' })).toBe(false);
    expect([refused({ kind: 'no_stream' }), refused(exact(1n)), refused(exact(0n))]).toEqual([true, true, false]);
    expect([refused({ kind: 'any' }), refused({ kind: 'stream_exists' })]).toEqual([false, false]);
    expect(log.stream('s')?.map((record) => record.revision)).toEqual([0n, 1n, 2n, 3n]);
  });

  it('answers a batch already written where its expectation puts it with the same success, writing nothing', () => {
    const log = new FakeLog();
    const batch = [proposed(), proposed()];
    const first = log.append('s', { kind: 'no_stream' }, batch);
    log.append('s', exact(1n), [proposed()]);
    for (const expected of [{ kind: 'no_stream' }, { kind: 'any' }, { kind: 'stream_exists' }] as const) {
      expect(log.append('s', expected, batch)).toEqual({ ...first, idempotent: true });
    }
    expect(log.append('s', exact(0n), batch.slice(1))).toMatchObject({ kind: 'success', revision: 1n, idempotent: true });
    // Part of a batch matching is not a retry: the expectation decides.
    expect(log.append('s', { kind: 'no_stream' }, [batch[0]!, proposed()]).kind).toBe('wrong_expected_version');
    expect(log.stream('s')).toHaveLength(3);
  });

  it('gives every record a position greater than the one before, never one more', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', '$stats'), fc.integer({ min: 1, max: 4 })), { maxLength: 20 }), (appends) => {
        const log = new FakeLog();
        for (const [stream, count] of appends) log.append(stream, { kind: 'any' }, Array.from({ length: count }, () => proposed()));
        const positions = log.all.map((record) => record.position);
        expect(positions.slice(1).every((position, i) => position > (positions[i] ?? 0n) + 1n)).toBe(true);
      }),
    );
  });

  it('tells listeners of each record written, in order', () => {
    const log = new FakeLog();
    const seen: bigint[] = [];
    const stop = log.listen((record) => seen.push(record.position));
    log.append('s', { kind: 'any' }, [proposed(), proposed()]);
    stop();
    log.writeSystem('$settings', 'update-default-acl');
    expect(seen).toEqual(log.all.slice(0, 2).map((record) => record.position));
  });
});
