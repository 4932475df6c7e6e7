import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, open, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateEventError, ledgerLine, type NewEvent, type RecordedEvent, type StreamWrite } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import { indexPathOf } from './file-index-file.js';
import { LedgerBuild, ledgerFingerprint } from './file-load.js';
import { FileEventStore } from './file-store.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-store-index-'));
  path = join(dir, 'ledger.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const event = (commandId?: string): NewEvent => {
  counter += 1;
  return {
    type: 'IncomeRecorded',
    data: { amount: '1.00', memo: '收入' },
    metadata: {
      eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`,
      occurredOn: '2024-03-15',
      actor: '会计',
      schemaVersion: 1,
      ...(commandId === undefined ? {} : { commandId }),
    },
  };
};

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const list: RecordedEvent[] = [];
  for await (const e of events) list.push(e);
  return list;
};
const placed = (events: readonly RecordedEvent[]) => events.map((e) => [e.streamId, e.streamPosition, e.globalPosition]);

async function* writesOf(...writes: StreamWrite[]): AsyncIterable<StreamWrite> {
  yield* writes;
}

/** Overwrite line `lineNumber` (1-based) in place with bytes that are not JSON, keeping its length. */
const scribbleOver = async (lineNumber: number): Promise<void> => {
  const text = await readFile(path);
  let start = 0;
  for (let line = 1; line < lineNumber; line += 1) start = text.indexOf(0x0a, start) + 1;
  const end = text.indexOf(0x0a, start);
  const handle = await open(path, 'r+');
  await handle.write(Buffer.alloc(end - start, '#'), 0, end - start, start);
  await handle.close();
};

/** A ledger of `streams` streams, `each` events each, appended in turns, a command id per append; closed. */
const ledgerOf = async (streams: number, each: number): Promise<void> => {
  const store = await FileEventStore.open(path, { create: true });
  const writes: StreamWrite[] = [];
  for (let i = 0; i < each; i += 1) for (let s = 0; s < streams; s += 1) writes.push({ streamId: `s-${s}`, events: [event(`cmd-${i}`)] });
  await store.importAll(writesOf(...writes));
  await store.close();
};

describe('the index file beside a ledger', () => {
  it('is written by the store; a store opened later reads lines through it, without scanning the file', async () => {
    await ledgerOf(3, 40);
    expect(existsSync(indexPathOf(path))).toBe(true);
    const store = await FileEventStore.open(path);
    expect(store.size).toBe(120);
    // Loaded from the index: every line but those read below may be unreadable now.
    for (let line = 1; line <= 120; line += 1) if (![4, 5, 6, 119].includes(line)) await scribbleOver(line);
    const [last] = await collect(store.readStream('s-1', { direction: 'backward', maxCount: 1 }));
    expect(last && [last.streamPosition, last.globalPosition]).toEqual([39n, 119n]);
    expect(placed(await store.readCommand('cmd-1'))).toEqual([
      ['s-0', 1n, 4n],
      ['s-1', 1n, 5n],
      ['s-2', 1n, 6n],
    ]);
    // An event id is looked up on its line: the line decides.
    await expect(store.append('s-9', [{ ...event(), metadata: { ...event().metadata, eventId: last?.metadata.eventId ?? '' } }])).rejects.toThrow(DuplicateEventError);
    await store.close();
  });

  it('is rebuilt when the ledger changed since it was written, and the file decides: an edited line is refused', async () => {
    await ledgerOf(2, 10);
    const before = await stat(indexPathOf(path));
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"1.00"', '"9.00"'));
    const store = await FileEventStore.open(path);
    await expect(collect(store.readAll())).rejects.toThrow(/ledger\.ndjson: line 1: metadata\.hash: the chain is broken/);
    await store.close();
    await writeFile(path, text);
    // Only touched: the same bytes, but the index no longer matches the file's times, so the file is scanned again.
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    const again = await FileEventStore.open(path);
    expect((await collect(again.readAll())).length).toBe(20);
    await again.close();
    expect((await stat(indexPathOf(path))).ino).not.toBe(before.ino);
  });

  it('is never taken from another ledger: one copied beside this ledger is rebuilt', async () => {
    await ledgerOf(2, 5);
    const otherIndex = await readFile(indexPathOf(path));
    const store = await FileEventStore.open(path);
    await store.append('s-0', [event()]);
    await store.close();
    await writeFile(indexPathOf(path), otherIndex);
    const again = await FileEventStore.open(path);
    expect(placed(await collect(again.readStream('s-0', { direction: 'backward', maxCount: 1 })))).toEqual([['s-0', 5n, 11n]]);
    await again.close();
  });

  it('is rebuilt when missing or torn', async () => {
    await ledgerOf(2, 5);
    await rm(indexPathOf(path));
    const store = await FileEventStore.open(path);
    expect(store.size).toBe(10);
    await store.close();
    expect(existsSync(indexPathOf(path))).toBe(true);
    await writeFile(indexPathOf(path), (await readFile(indexPathOf(path))).subarray(0, 300));
    const again = await FileEventStore.open(path);
    expect(placed(await collect(again.readStream('s-1', { fromRevision: 3n })))).toEqual([
      ['s-1', 3n, 8n],
      ['s-1', 4n, 10n],
    ]);
    await again.close();
  });

  it('covers lines appended by hand after it only by a new scan, which checks them', async () => {
    await ledgerOf(1, 3);
    await appendFile(path, '{"streamId":"s-0","type":"IncomeRecorded","data":{},"metadata":{"eventId":"x"}}\n');
    const store = await FileEventStore.open(path);
    await expect(store.append('s-0', [event()])).rejects.toThrow(CorruptLedgerError);
    await expect(store.append('s-0', [event()])).rejects.toThrow(/line 4: metadata\.eventId: expected a UUID in lower case/);
    await store.close();
  });

  it('is written again with the lines since (every FOLD_LINES), and a later open reads it whole', async () => {
    const store = await FileEventStore.open(path, { create: true });
    await store.append('s-0', [event('first')]);
    const many = Array.from({ length: 17_000 }, (_, i) => ({ streamId: `s-${i % 3}`, events: [event(`cmd-${i % 7}`)] }));
    await store.importAll(writesOf(...many));
    await store.append('s-1', [event('last')]);
    await store.close();
    const again = await FileEventStore.open(path);
    expect(again.size).toBe(17_002);
    expect(placed(await again.readCommand('last'))).toEqual([['s-1', 5667n, 17_002n]]);
    expect((await again.readCommand('cmd-3')).length).toBe(2_429);
    expect(placed(await collect(again.readStream('s-0', { direction: 'backward', maxCount: 1 })))).toEqual([['s-0', 5667n, 17_000n]]);
    await again.close();
  });
});

describe('the scan of a ledger without an index', () => {
  /** A ledger written by hand, one line per id given, without chain hashes (as stored before hashes existed). */
  const handWritten = async (ids: readonly number[]): Promise<void> => {
    const lines = ids.map((id, i) => {
      const e = event();
      const metadata = { ...e.metadata, eventId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, recordedAt: '2024-03-15T08:00:00.000Z' };
      return ledgerLine({ streamId: `s-${i % 4}`, type: e.type, data: e.data, metadata });
    });
    await writeFile(path, lines.join(''));
  };

  it('finds an event id stored twice across sorted runs, naming the later line', async () => {
    await handWritten([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 3, 12, 13, 9]);
    const scan = new LedgerBuild(path, (await stat(path)).size, ledgerFingerprint(path), 3);
    expect(() => scan.complete()).toThrow(/ledger\.ndjson: line 11: metadata\.eventId: event id 00000000-0000-4000-8000-000000000003 is stored twice/);
    // The store, whose runs are large, says the same.
    const store = await FileEventStore.open(path);
    await expect(store.append('s-0', [event()])).rejects.toThrow(/line 11: metadata\.eventId: event id 00000000-0000-4000-8000-000000000003 is stored twice/);
    await store.close();
  });

  it('names a twice-stored id before a broken line, as a line-by-line reading meets it first', async () => {
    await handWritten([1, 2, 3, 2, 5, 6]);
    await appendFile(path, '{"streamId":"s-1"}\n');
    const store = await FileEventStore.open(path);
    await expect(collect(store.readAll())).rejects.toThrow(/line 4: metadata\.eventId: event id \S+ is stored twice/);
    await store.close();
  });

  it('is one read: the first readAll hands out events as it checks them and writes the index', async () => {
    await handWritten([1, 2, 3, 4, 5]);
    const store = await FileEventStore.open(path);
    const events = await collect(store.readAll());
    expect(events.map((e) => e.globalPosition)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(existsSync(indexPathOf(path))).toBe(true);
    await store.close();
  });

  it('lets an append made while the first readAll is under way go first, and the read still hands out each event once', async () => {
    await handWritten(Array.from({ length: 30 }, (_, i) => i + 1));
    const store = await FileEventStore.open(path);
    const seen: RecordedEvent[] = [];
    for await (const batch of store.readAllBatches({ batchSize: 4 })) {
      seen.push(...batch);
      if (seen.length === 4) await store.append('s-new', [event()]);
    }
    expect(seen.map((e) => e.globalPosition)).toEqual(Array.from({ length: 31 }, (_, i) => BigInt(i + 1)));
    expect(seen.at(-1)?.streamId).toBe('s-new');
    await store.close();
  });
});
