import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, RecordedEvent } from '../kernel/event.js';
import { building, testAssets } from '../domain/assets/test-assets.js';
import { parseSeal, sealBatches, sealStore } from './seal.js';
import { verifyEvents } from './verify.js';

/** The events as a store gave them, with positions recounted as a file store would after an edit. */
const recounted = (events: readonly RecordedEvent[]): RecordedEvent[] => {
  const positions = new Map<string, bigint>();
  return events.map((e, i) => {
    const streamPosition = positions.get(e.streamId) ?? 0n;
    positions.set(e.streamId, streamPosition + 1n);
    return { ...e, streamPosition, globalPosition: BigInt(i + 1) };
  });
};

async function* batches(events: readonly RecordedEvent[]): AsyncIterable<readonly RecordedEvent[]> {
  yield events;
}

const verify = async (events: readonly RecordedEvent[], seal?: string) => {
  const given = seal === undefined ? undefined : parseSeal(seal);
  const result = await verifyEvents(batches(recounted(events)), given === undefined ? {} : { seal: given });
  return { ...result, rules: result.findings.filter((f) => f.severity === 'error').map((f) => `${f.streamId} ${f.rule}`) };
};

const isVoucher = (no: string) => (e: RecordedEvent) => e.type === 'VoucherPosted' && e.data['voucherNo'] === no;

describe('tamper evidence: every change an auditor fears is found by name', () => {
  let events: RecordedEvent[];
  let books: Awaited<ReturnType<typeof testAssets>>;

  beforeAll(async () => {
    books = await testAssets();
    await books.voucher('记-001', '2023-01-10', [['102', 'debit', '120000.00'], ['501', 'credit', '120000.00']]);
    await books.voucher('记-002', '2023-02-10', [['511', 'debit', '3000.00'], ['102', 'credit', '3000.00']]);
    await books.ok('acquire', building('b1', '24000.00', 120, { acquiredOn: '2023-03-15', creditAccount: '102' }));
    for (let m = 4; m <= 12; m += 1) await books.ok('depreciate', { month: `2023-${String(m).padStart(2, '0')}` });
    await books.close(2023);
    await books.voucher('记-001', '2024-01-05', [['102', 'debit', '500.00'], ['501', 'credit', '500.00']]);
    events = [];
    for await (const e of books.store.readAll()) events.push(e);
  });

  it('finds nothing in untouched books, and seals them', async () => {
    const result = await verify(events);
    expect(result.rules).toEqual([]);
    expect(result.seal).toEqual(await sealStore(books.store));
    expect(result.seal.token).toMatch(/^\d+:sha256:[0-9a-f]{64}$/);
    expect(result.seal.unsealed).toBe(0);
  });

  it('finds an amount changed on both lines of a closed year\'s voucher: the chain, and the close that no longer adds up', async () => {
    const i = events.findIndex(isVoucher('记-001'));
    const edited = events.map((e, j) =>
      j === i ? { ...e, data: { ...e.data, lines: (e.data['lines'] as JsonObject[]).map((l) => ({ ...l, amount: '100000.00' })) } } : e,
    );
    expect((await verify(edited)).rules).toEqual(['ledger-v-2023 CHAIN_BROKEN', 'ledger-v-2023 YEAR_CLOSE_MISMATCH']);
  });

  it('finds an event deleted, two events swapped, and one inserted in the middle of a stream', async () => {
    const i = events.findIndex(isVoucher('记-002'));
    expect((await verify(events.filter((_, j) => j !== i))).rules).toContain('ledger-v-2023 CHAIN_BROKEN');
    const swapped = [...events];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1] as RecordedEvent, swapped[i] as RecordedEvent];
    expect((await verify(swapped)).rules).toContain('ledger-v-2023 CHAIN_BROKEN');
    const copy = events[i] as RecordedEvent;
    const inserted = [...events.slice(0, i), { ...copy, metadata: { ...copy.metadata, eventId: '00000000-0000-4000-8000-0000000000ff' } }, ...events.slice(i)];
    expect((await verify(inserted)).rules).toContain('ledger-v-2023 CHAIN_BROKEN');
  });

  it('finds a stream copied from another village', async () => {
    const copied = events.filter((e) => e.streamId === 'ledger-v-2024').map((e) => ({ ...e, streamId: 'ledger-w-2024', globalPosition: e.globalPosition + 1000n }));
    const rules = (await verify([...events, ...copied])).rules;
    expect(rules).toContain('ledger-w-2024 CHAIN_BROKEN');
    expect(rules).toContain('ledger-w-2024 STREAM_ORGANIZATION');
  });

  it('passes a seal from a shorter ledger (the books only grew) and fails one from a different ledger', async () => {
    const shorter = await sealBatches(batches(events.slice(0, events.length - 3)));
    const grown = await verify(events, shorter.token);
    expect(grown.rules).toEqual([]);
    expect(grown.sealed).toEqual({ events: events.length - 3, root: shorter.root, unchanged: true, since: 3 });
    const other = await testAssets();
    await other.voucher('记-001', '2023-01-10', [['102', 'debit', '1.00'], ['501', 'credit', '1.00']]);
    const foreign = await sealStore(other.store);
    const against = await verify(events, foreign.token);
    expect(against.rules).toEqual(['(all) SEAL_MISMATCH']);
    expect(against.findings.at(-1)?.message).toMatch(/^the books up to the seal's \d+ events give sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}: they were changed since it was taken$/);
  });

  it('fails a seal of more events than the store holds: events were removed from the end', async () => {
    const full = await sealStore(books.store);
    const cut = await verify(events.slice(0, -2), full.token);
    expect(cut.rules).toEqual(['(all) SEAL_MISMATCH']);
    expect(cut.findings.at(-1)?.message).toBe(`the seal covers ${events.length} events and the store holds ${events.length - 2}: events were removed`);
  });

  it('counts events stored before hashes as unsealed, and seals them by the hashes computed for them', async () => {
    const old: RecordedEvent[] = events.map(({ metadata: { hash: _hash, ...metadata }, ...e }) => ({ ...e, metadata }));
    const result = await verify(old);
    expect(result.rules).toEqual([]);
    expect(result.seal.unsealed).toBe(events.length);
    const edited = old.map((e, j) => (j === 3 ? { ...e, metadata: { ...e.metadata, actor: '别人' } } : e));
    expect((await verify(edited, result.seal.token)).rules).toEqual(['(all) SEAL_MISMATCH']);
  });

  it('any single-character change to an event\'s data breaks its line or is found by verify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), async (which, where, code) => {
        const i = which % events.length;
        const event = events[i] as RecordedEvent;
        const text = JSON.stringify(event.data);
        const at = where % text.length;
        const replacement = String.fromCharCode(code === text.charCodeAt(at) ? (code === 0x7e ? 0x20 : code + 1) : code);
        let data: JsonObject;
        try {
          data = JSON.parse(`${text.slice(0, at)}${replacement}${text.slice(at + 1)}`) as JsonObject;
        } catch {
          return; // no longer JSON: the line is refused before any rule is read
        }
        if (JSON.stringify(data) === text) return; // the same JSON written another way (an escape): nothing changed
        const tampered = events.map((x, j) => (j === i ? { ...x, data } : x));
        expect((await verify(tampered)).errors).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
