import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '@collective-ledger/core';
import { ImportJournalError } from './file-errors.js';
import { FileEventStore } from './file-store.js';

// Every state a crash can leave `<file>.import` in, written as the crash leaves
// it: the next open rolls the import back, or clears a journal that was never
// finished (the import writes nothing before its journal is whole), or refuses
// one it cannot read, naming it and saying what to do.
let dir = '';
let path = '';
let before = Buffer.alloc(0);
const tail = Buffer.from('{"streamId":"s-2","type":"Half","data":{}}\n');

let counter = 0;
const event = (): NewEvent => {
  counter += 1;
  return {
    type: 'IncomeRecorded',
    data: { amount: '1.00' },
    metadata: { eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`, occurredOn: '2024-03-15', actor: '会计', schemaVersion: 1 },
  };
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-journal-'));
  path = join(dir, 'ledger.ndjson');
  const store = await FileEventStore.open(path, { create: true });
  await store.append('s-1', [event(), event()]);
  await store.close();
  before = await readFile(path);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reopen = async (): Promise<{ store: FileEventStore; warnings: string[] }> => {
  const warnings: string[] = [];
  const store = await FileEventStore.open(path, { onWarning: (warning) => warnings.push(warning) });
  return { store, warnings };
};

const expectUsable = async (store: FileEventStore): Promise<void> => {
  try {
    expect(store.size).toBe(2);
    expect((await store.append('s-1', [event()], { expectedRevision: 1n })).nextExpectedRevision).toBe(2n);
  } finally {
    await store.close();
  }
  expect(existsSync(`${path}.import`)).toBe(false);
  expect(existsSync(`${path}.import.tmp`)).toBe(false);
};

describe('the import journal a crash left', () => {
  it('absent: the ledger opens as it is, without a word', async () => {
    const { store, warnings } = await reopen();
    expect(warnings).toEqual([]);
    await expectUsable(store);
  });

  it('complete, with lines of the import after it: they are cut off, with a warning naming the file', async () => {
    await writeFile(`${path}.import`, JSON.stringify({ length: before.length }));
    await writeFile(path, Buffer.concat([before, tail]));
    const { store, warnings } = await reopen();
    expect(warnings).toEqual([`${path}: rolled back an import that did not finish (${tail.length} bytes removed)`]);
    expect(await readFile(path)).toEqual(before);
    await expectUsable(store);
  });

  it.each([
    ['empty', ''],
    ['cut short in its key', '{"len'],
    ['cut short in its number', `{"length":${before.length}`.slice(0, -1)],
  ])('%s: it is removed with a warning, and the ledger is left as it is', async (_, text) => {
    await writeFile(`${path}.import`, text);
    const { store, warnings } = await reopen();
    expect(warnings).toEqual([`${path}.import: removed the journal of an import that stopped before writing anything to ${path}`]);
    expect(await readFile(path)).toEqual(before);
    await expectUsable(store);
  });

  it('a draft never renamed into place: removed, the ledger left as it is', async () => {
    await writeFile(`${path}.import.tmp`, '');
    const { store, warnings } = await reopen();
    expect(warnings).toEqual([]);
    await expectUsable(store);
  });

  it.each([
    ['not JSON', 'garbage\n', '"garbage\\n"'],
    ['JSON of another shape', '{"length":"12"}', '"{\\"length\\":\\"12\\"}"'],
  ])('%s: the store does not open, and the error names the journal and what to do', async (_, text, shown) => {
    await writeFile(`${path}.import`, text);
    await writeFile(path, Buffer.concat([before, tail]));
    const error = await FileEventStore.open(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportJournalError);
    expect((error as Error).message).toBe(
      `${path}.import: this import journal holds ${shown}, not the {"length":<bytes>} an import writes, so where the interrupted import began in ${path} is unknown; ` +
        `nothing was changed: if no import was running, delete ${path}.import; otherwise cut ${path} back to its length before that import, then delete ${path}.import`,
    );
    expect(await readFile(path)).toEqual(Buffer.concat([before, tail]));
    expect(await readFile(`${path}.import`, 'utf8')).toBe(text);
    // The lock was released: once the user has done as told, the ledger opens.
    await writeFile(path, before);
    await rm(`${path}.import`);
    const { store } = await reopen();
    await store.close();
  });
});
