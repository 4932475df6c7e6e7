import { appendFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subscribe, type NewEvent, type RecordedEvent } from '@collective-ledger/core';
import { LedgerChangedError, ReadOnlyLedgerError } from './file-errors.js';
import { indexPathOf } from './file-index-file.js';
import { FileEventStore } from './file-store.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-follow-'));
  path = join(dir, 'ledger.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const events = (n: number): NewEvent[] =>
  Array.from({ length: n }, () => {
    counter += 1;
    return {
      type: 'IncomeRecorded',
      data: { amount: '1.00' },
      metadata: { eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`, occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1 },
    };
  });

const collect = async (all: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const list: RecordedEvent[] = [];
  for await (const e of all) list.push(e);
  return list;
};

const ids = (list: readonly { readonly metadata: { readonly eventId: string } }[]): string[] => list.map((e) => e.metadata.eventId);

describe('a read-only store (a follower of a ledger another store writes)', () => {
  it('takes no lock, reads what the writer committed and what it commits later, and refuses to write', async () => {
    const writer = await FileEventStore.open(path, { create: true });
    const first = events(3);
    await writer.append('s-1', first);
    const reader = await FileEventStore.open(path, { readOnly: true });
    expect(ids(await collect(reader.readAll()))).toEqual(ids(first));
    const later = events(2);
    await writer.append('s-2', later);
    expect(ids(await collect(reader.readAll({ fromPosition: 4n })))).toEqual(ids(later));
    expect((await collect(reader.readStream('s-2'))).map((e) => [e.streamPosition, e.globalPosition])).toEqual([
      [0n, 4n],
      [1n, 5n],
    ]);
    await expect(reader.append('s-1', events(1))).rejects.toThrow(ReadOnlyLedgerError);
    await writer.close();
    // With the writer gone, another writer opens while the reader still reads.
    const next = await FileEventStore.open(path);
    await next.append('s-1', events(1), { expectedRevision: 2n });
    expect((await collect(reader.readAll())).length).toBe(6);
    await next.close();
    await reader.close();
  });

  it('follows with subscribe: woken by each append of this process at once, every event once, in order', async () => {
    const writer = await FileEventStore.open(path, { create: true });
    await writer.append('s-1', events(2));
    const reader = await FileEventStore.open(path, { readOnly: true });
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const appended: NewEvent[] = [];
    const following = (async () => {
      for await (const batch of subscribe(reader, { signal: controller.signal, pollMs: 60_000 })) {
        seen.push(...batch.events);
        if (seen.length === 2 + 15) controller.abort();
      }
    })();
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) {
      const batch = events(3);
      await writer.append(`s-${i % 2}`, batch);
      appended.push(...batch);
    }
    await following;
    // A poll of a minute was never waited for: each append woke the follower.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(seen.map((e) => e.globalPosition)).toEqual(Array.from({ length: 17 }, (_, i) => BigInt(i + 1)));
    expect(ids(seen.slice(2))).toEqual(ids(appended));
    await writer.close();
    await reader.close();
  });

  it('never reads what is not committed: a line still without its line end, an import under way', async () => {
    const writer = await FileEventStore.open(path, { create: true });
    await writer.append('s-1', events(2));
    await writer.close();
    const committed = await readFile(path);
    const [line] = committed.toString('utf8').split('\n');
    await writeFile(`${path}.import`, JSON.stringify({ length: committed.length }));
    await appendFile(path, `${(line ?? '').replace('000000000001', '000000000901')}\n{"streamId":"s-1"`);
    const reader = await FileEventStore.open(path, { readOnly: true });
    expect((await collect(reader.readAll())).length).toBe(2);
    await rm(`${path}.import`);
    // The journal gone, the import's whole line counts; the torn one still does not.
    expect((await collect(reader.readAll())).length).toBe(3);
    await reader.close();
  });

  it('waits, rather than waking at once, when only blank lines follow the last event', async () => {
    const writer = await FileEventStore.open(path, { create: true });
    await writer.append('s-1', events(1));
    await writer.close();
    await appendFile(path, '\n\n');
    const reader = await FileEventStore.open(path, { readOnly: true });
    const started = Date.now();
    await reader.waitForEvents(1n, { timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    const at = Date.now();
    await reader.waitForEvents(0n, { timeoutMs: 10_000 });
    expect(Date.now() - at).toBeLessThan(5_000);
    await reader.close();
  });

  it('reads a ledger without an index, and says so when the file it follows is cut back', async () => {
    const writer = await FileEventStore.open(path, { create: true });
    await writer.append('s-1', events(3));
    await writer.close();
    await rm(indexPathOf(path));
    const reader = await FileEventStore.open(path, { readOnly: true });
    expect((await collect(reader.readStream('s-1', { direction: 'backward', maxCount: 1 }))).map((e) => e.globalPosition)).toEqual([3n]);
    const text = await readFile(path, 'utf8');
    await truncate(path, text.indexOf('\n') + 1);
    await expect(collect(reader.readAll())).rejects.toThrow(LedgerChangedError);
    await reader.close();
  });
});
