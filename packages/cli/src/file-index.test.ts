import { open, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent, RecordedEvent, StreamWrite } from '@collective-ledger/core';
import { CorruptLedgerError } from './file-errors.js';
import { FileEventStore } from './file-store.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-index-'));
  path = join(dir, 'ledger.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const event = (commandId?: string, data: NewEvent['data'] = { memo: '收入 1.00' }): NewEvent => {
  counter += 1;
  return {
    type: 'IncomeRecorded',
    data,
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

async function* writesOf(...writes: StreamWrite[]): AsyncIterable<StreamWrite> {
  yield* writes;
}

describe('FileEventStore reads by its index', () => {
  it('reads the last event of a stream, and a command, without reading any other line', async () => {
    const store = await FileEventStore.open(path, { create: true });
    for (let i = 0; i < 50; i += 1) {
      await store.append('ledger-v001-2024', [event(`cmd-${i}`), event(`cmd-${i}`)]);
      await store.append('ledger-v002-2024', [event()]);
    }
    // Every line but the last of ledger-v001-2024 (line 149) and cmd-7's (lines 22, 23) is unreadable now.
    for (let line = 1; line <= 150; line += 1) if (![22, 23, 149].includes(line)) await scribbleOver(line);

    const [last] = await collect(store.readStream('ledger-v001-2024', { direction: 'backward', maxCount: 1 }));
    expect(last && [last.streamPosition, last.globalPosition, last.metadata.commandId]).toEqual([99n, 149n, 'cmd-49']);
    expect(placed(await store.readCommand('cmd-7'))).toEqual([
      ['ledger-v001-2024', 14n, 22n],
      ['ledger-v001-2024', 15n, 23n],
    ]);
    await expect(collect(store.readStream('ledger-v001-2024'))).rejects.toBeInstanceOf(CorruptLedgerError);
    await store.close();
  });

  it('finds the lines of a hand-edited file with a byte order mark, blank lines and CRLF', async () => {
    const store = await FileEventStore.open(path, { create: true });
    await store.append('s-1', [event('cmd-a', { memo: '东风村' }), event('cmd-b')]);
    await store.append('s-2', [event('cmd-a')]);
    await store.close();
    const [a, b, c] = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, `\uFEFF${a}\r\n\r\n${b}\r\n\n${c}\r\n`);

    const again = await FileEventStore.open(path);
    const backward = await collect(again.readStream('s-1', { direction: 'backward' }));
    expect(placed(backward)).toEqual([
      ['s-1', 1n, 3n],
      ['s-1', 0n, 1n],
    ]);
    expect(backward[1]?.data).toEqual({ memo: '东风村' });
    expect(placed(await again.readCommand('cmd-a'))).toEqual([
      ['s-1', 0n, 1n],
      ['s-2', 0n, 5n],
    ]);
    await again.append('s-2', [event('cmd-a')]);
    expect(placed(await again.readCommand('cmd-a')).at(-1)).toEqual(['s-2', 1n, 6n]);
    expect(placed(await collect(again.readStream('s-2', { direction: 'backward', maxCount: 1 })))).toEqual([['s-2', 1n, 6n]]);
    await again.close();
  });

  it('indexes what an import writes, and forgets what a failed import wrote', async () => {
    const store = await FileEventStore.open(path, { create: true });
    await store.append('s-1', [event('cmd-1')]);
    await store.importAll(writesOf({ streamId: 's-1', events: [event('cmd-2'), event()] }, { streamId: 's-2', events: [event('cmd-2')] }));
    const taken = event('cmd-3');
    await store.append('s-3', [taken]);
    await expect(
      store.importAll(writesOf({ streamId: 's-1', events: [event('cmd-3')] }, { streamId: 's-4', events: [taken] })),
    ).rejects.toThrow(/already stored/);
    expect(placed(await store.readCommand('cmd-2'))).toEqual([
      ['s-1', 1n, 2n],
      ['s-2', 0n, 4n],
    ]);
    expect(placed(await store.readCommand('cmd-3'))).toEqual([['s-3', 0n, 5n]]);
    expect(placed(await collect(store.readStream('s-1', { direction: 'backward' })))).toEqual([
      ['s-1', 2n, 3n],
      ['s-1', 1n, 2n],
      ['s-1', 0n, 1n],
    ]);
    await store.append('s-1', [event()]);
    expect(placed(await collect(store.readStream('s-1', { direction: 'backward', maxCount: 1 })))).toEqual([['s-1', 3n, 6n]]);
    await store.close();
  });

  it('reads a long stream in pages, forward and backward, the same events', async () => {
    const store = await FileEventStore.open(path, { create: true });
    const writes = Array.from({ length: 700 }, (_, i) => ({ streamId: i % 3 === 0 ? 'other' : 'long', events: [event(`cmd-${i % 5}`)] }));
    await store.importAll(writesOf(...writes));
    const forward = await collect(store.readStream('long'));
    expect(forward).toHaveLength(466);
    expect(forward.map((e) => e.streamPosition)).toEqual(forward.map((_, i) => BigInt(i)));
    expect(await collect(store.readStream('long', { direction: 'backward' }))).toEqual([...forward].reverse());
    expect(await collect(store.readStream('long', { fromRevision: 300n, maxCount: 100 }))).toEqual(forward.slice(300, 400));
    expect((await store.readCommand('cmd-1')).map((e) => e.globalPosition)).toEqual(
      Array.from({ length: 140 }, (_, i) => BigInt(5 * i + 2)),
    );
    await store.close();
  });
});
