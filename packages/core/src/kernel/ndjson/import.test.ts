import { describe, expect, it } from 'vitest';
import { ChainBrokenError, DuplicateEventError } from '../errors.js';
import type { RecordedEvent } from '../event.js';
import { InMemoryEventStore } from '../memory-store.js';
import type { EventStore } from '../store.js';
import { LedgerFormatError } from './errors.js';
import { importLedger, type ImportProgress } from './import.js';
import { chunksOf, income, ledgerText, sampleLines, sealedLines, testCatalog, testEventId, village } from './test-catalog.js';

const all = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

const opener = (text: string) => () => chunksOf(text);

/** A store with a few events already, as an import would find it. */
const storeWithHistory = async (): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore({ now: () => new Date('2024-01-01T00:00:00Z') });
  const line = village(100, 'v900', '老村');
  await store.append(line.streamId, [{ type: line.type, data: line.data, metadata: line.metadata }]);
  return store;
};

describe('importLedger', () => {
  it('stores every event in file order, streams in their order, in one bulk import', async () => {
    const store = new InMemoryEventStore();
    const result = await importLedger(store, opener(ledgerText(sampleLines())), testCatalog);
    expect(result).toEqual({ events: 6, streams: 4, types: { IncomeRecorded: 4, VillageRegistered: 2 }, atomic: true });
    const events = await all(store);
    expect(events.map((e) => e.metadata.eventId)).toEqual(sampleLines().map((l) => l.metadata.eventId));
    expect(events.map((e) => [e.streamId, e.streamPosition])).toEqual([
      ['organization-v001', 0n],
      ['ledger-v001-2024', 0n],
      ['ledger-v001-2024', 1n],
      ['organization-v002', 0n],
      ['ledger-v002-2024', 0n],
      ['ledger-v001-2024', 2n],
    ]);
    expect(events[0]?.metadata.recordedAt).toBe(sampleLines()[0]?.metadata.recordedAt);
  });

  it('writes nothing when the last line of the file is bad', async () => {
    const store = await storeWithHistory();
    const before = await all(store);
    const text = ledgerText([...sampleLines(), income(7, 'v001', '12.345')]);
    await expect(importLedger(store, opener(text), testCatalog)).rejects.toThrow(LedgerFormatError);
    await expect(importLedger(store, opener(text), testCatalog)).rejects.toThrow(/^line 7: data\.amount: /);
    expect(await all(store)).toEqual(before);
  });

  it('writes nothing when an event of the file is already stored', async () => {
    const store = await storeWithHistory();
    const before = await all(store);
    const text = ledgerText([...sampleLines(), village(100, 'v900', '老村')]);
    await expect(importLedger(store, opener(text), testCatalog)).rejects.toThrow(DuplicateEventError);
    await expect(importLedger(store, opener(text), testCatalog)).rejects.toThrow(
      'line 7: metadata.eventId: event id 00000000-0000-4000-8000-000000000100 is already in the store',
    );
    expect(await all(store)).toEqual(before);
  });

  it('writes nothing when a line carries a hash other than the one its place in the store gives, naming the line', async () => {
    const sealed = sealedLines(sampleLines());
    // Line 3 changed after it was sealed: 350.50 became 35.50.
    const tampered = sealed.map((line, i) => (i === 2 ? { ...line, data: { ...line.data, amount: '35.50' } } : line));
    const store = await storeWithHistory();
    const before = await all(store);
    const error: unknown = await importLedger(store, opener(ledgerText(tampered)), testCatalog).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainBrokenError);
    expect(error).toMatchObject({ lineNumber: 3, streamId: 'ledger-v001-2024', streamPosition: 1n, eventId: testEventId(3) });
    expect((error as Error).message).toMatch(/^line 3: metadata\.hash: stream ledger-v001-2024, position 1, event 00000000-0000-4000-8000-000000000003: it carries hash sha256:/);
    expect(await all(store)).toEqual(before);

    // Sealed lines are kept as they are, into an empty store; after history in their streams they would not fit.
    const fresh = new InMemoryEventStore();
    await importLedger(fresh, opener(ledgerText(sealed)), testCatalog);
    expect((await all(fresh)).map((e) => e.metadata.hash)).toEqual(sealed.map((line) => line.metadata.hash));
    await expect(importLedger(fresh, opener(ledgerText(sealedLines([village(101, 'v001', '东风村')]))), testCatalog)).rejects.toThrow(
      /^line 1: metadata\.hash: stream organization-v001, position 1, /,
    );
  });

  it('writes nothing when the file changes between the two passes', async () => {
    const store = new InMemoryEventStore();
    let opened = 0;
    const shrinking = () => {
      opened += 1;
      return chunksOf(ledgerText(opened === 1 ? sampleLines() : sampleLines().slice(0, 3)));
    };
    await expect(importLedger(store, shrinking, testCatalog)).rejects.toThrow(/changed while it was imported/);
    expect(store.size).toBe(0);
  });

  it('splits long runs of one stream into batches of batchSize', async () => {
    const lines = Array.from({ length: 5 }, (_, i) => income(i + 1, 'v001', `${i}.00`));
    const writes: number[] = [];
    const store = new InMemoryEventStore();
    const spy: EventStore = {
      append: (streamId, events, options) => {
        writes.push(events.length);
        return store.append(streamId, events, options);
      },
      readStream: (id, options) => store.readStream(id, options),
      readAll: (options) => store.readAll(options),
      readCommand: (commandId) => store.readCommand(commandId),
      close: () => store.close(),
    };
    const result = await importLedger(spy, opener(ledgerText(lines)), testCatalog, { batchSize: 2 });
    expect(result.atomic).toBe(false);
    expect(writes).toEqual([2, 2, 1]);
    expect((await all(store)).map((e) => e.streamPosition)).toEqual([0n, 1n, 2n, 3n, 4n]);
  });

  it('reports progress for both passes and stops when aborted', async () => {
    const progress: ImportProgress[] = [];
    const store = new InMemoryEventStore();
    await importLedger(store, opener(ledgerText(sampleLines())), testCatalog, { onProgress: (p) => progress.push(p) });
    expect(progress.at(0)).toEqual({ phase: 'validate', events: 6 });
    expect(progress.at(-1)).toEqual({ phase: 'write', events: 6 });

    const controller = new AbortController();
    controller.abort(new Error('stopped by the user'));
    const other = new InMemoryEventStore();
    await expect(
      importLedger(other, opener(ledgerText(sampleLines())), testCatalog, { signal: controller.signal }),
    ).rejects.toThrow('stopped by the user');
    expect(other.size).toBe(0);
  });
});
