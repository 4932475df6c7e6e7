import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainBrokenError, DuplicateEventError, eventHash, ledgerLine, type NewEvent, type RecordedEvent, type StreamWrite } from '@collective-ledger/core';
import { LedgerLockedError } from './file-lock.js';
import { CorruptLedgerError } from './file-errors.js';
import { FileEventStore, LedgerNotFoundError } from './file-store.js';

let dir = '';
let path = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-file-store-'));
  path = join(dir, 'ledger.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const event = (type = 'IncomeRecorded', data: NewEvent['data'] = { amount: '1.00' }): NewEvent => {
  counter += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`,
      occurredOn: '2024-03-15',
      actor: '会计',
      schemaVersion: 1,
    },
  };
};

const all = async (store: FileEventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
};

const hash = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');

const openStore = (options: Parameters<typeof FileEventStore.open>[1] = { create: true }) =>
  FileEventStore.open(path, { now: () => new Date('2024-03-15T08:00:00.000Z'), ...options });

async function* writesOf(...writes: StreamWrite[]): AsyncIterable<StreamWrite> {
  for (const write of writes) {
    await Promise.resolve();
    yield write;
  }
}

describe('FileEventStore', () => {
  it('keeps events as NDJSON lines and finds them again after reopening', async () => {
    const store = await openStore();
    await store.append('ledger-v001-2024', [event(), event()]);
    await store.append('organization-v001', [event('VillageRegistered', { name: '东风村' })]);
    await store.close();

    const lines = (await readFile(path, 'utf8')).split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({ streamId: 'organization-v001', data: { name: '东风村' } });

    const again = await openStore({});
    expect(again.size).toBe(3);
    expect((await all(again)).map((e) => [e.streamId, e.streamPosition, e.globalPosition])).toEqual([
      ['ledger-v001-2024', 0n, 1n],
      ['ledger-v001-2024', 1n, 2n],
      ['organization-v001', 0n, 3n],
    ]);
    const result = await again.append('ledger-v001-2024', [event()], { expectedRevision: 1n });
    expect(result).toEqual({ nextExpectedRevision: 2n, lastGlobalPosition: 4n });
    const [first] = await all(again);
    await expect(again.append('other-1', [{ ...event(), metadata: first!.metadata }])).rejects.toThrow(DuplicateEventError);
    await again.close();
  });

  it('takes line numbers as global positions in a hand-edited file with blank lines and CRLF', async () => {
    const store = await openStore();
    await store.append('s-1', [event(), event()]);
    await store.close();
    const [a, b] = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, `${a}\r\n\r\n${b}\r\n`);
    const again = await openStore({});
    expect((await all(again)).map((e) => [e.streamPosition, e.globalPosition])).toEqual([
      [0n, 1n],
      [1n, 3n],
    ]);
    expect((await again.append('s-1', [event()])).lastGlobalPosition).toBe(4n);
    await again.close();
  });

  it('refuses a missing ledger unless asked to create one, and creates it only on the first write', async () => {
    await expect(openStore({})).rejects.toThrow(LedgerNotFoundError);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const store = await openStore();
    expect(existsSync(path)).toBe(false);
    expect(await all(store)).toEqual([]);
    await store.append('s-1', [event()]);
    expect(existsSync(path)).toBe(true);
    await store.close();
  });

  it('cuts off a torn last line on open, keeps its bytes aside, and warns', async () => {
    const store = await openStore();
    await store.append('s-1', [event(), event()]);
    await store.close();
    const whole = await readFile(path, 'utf8');
    await writeFile(path, `${whole}{"streamId":"s-1","type":"Inc`);

    const warnings: string[] = [];
    const again = await openStore({ onWarning: (w) => warnings.push(w) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/removed an incomplete last line \(29 bytes/);
    expect(await readFile(path, 'utf8')).toBe(whole);
    const saved = (await readdir(dir)).find((name) => name.startsWith('ledger.ndjson.torn-'));
    expect(await readFile(join(dir, saved ?? ''), 'utf8')).toBe('{"streamId":"s-1","type":"Inc');
    expect((await again.append('s-1', [event()], { expectedRevision: 1n })).lastGlobalPosition).toBe(3n);
    await again.close();
  });

  it('rolls back an import that a crash left unfinished', async () => {
    const store = await openStore();
    await store.append('s-1', [event()]);
    await store.close();
    const before = await readFile(path);
    await writeFile(`${path}.import`, JSON.stringify({ length: before.length }));
    await writeFile(path, Buffer.concat([before, Buffer.from('{"half":"of an import"}\n')]));

    const warnings: string[] = [];
    const again = await openStore({ onWarning: (w) => warnings.push(w) });
    expect(warnings[0]).toMatch(/rolled back an import that did not finish/);
    expect(await readFile(path)).toEqual(before);
    expect(existsSync(`${path}.import`)).toBe(false);
    await again.close();
  });

  it('names the file, line and field of a corrupt line, at the first read and at the first append (opening reads nothing)', async () => {
    await writeFile(path, '{"streamId":"s-1","type":"X","data":{},"metadata":{}}\n');
    const store = await openStore({});
    await expect(all(store)).rejects.toThrow(CorruptLedgerError);
    await expect(all(store)).rejects.toThrow(/ledger\.ndjson: line 1: metadata\.eventId: expected a UUID in lower case/);
    await store.close();
    const again = await openStore({});
    await expect(again.append('s-1', [event()])).rejects.toThrow(/ledger\.ndjson: line 1: metadata\.eventId: expected a UUID in lower case/);
    await again.close();
    expect(await readFile(path, 'utf8')).toBe('{"streamId":"s-1","type":"X","data":{},"metadata":{}}\n');
  });

  describe('importAll', () => {
    it('writes every stream write, in order, and returns the count', async () => {
      const store = await openStore();
      await store.append('s-1', [event()]);
      const result = await store.importAll(writesOf({ streamId: 's-2', events: [event()] }, { streamId: 's-1', events: [event()] }));
      expect(result).toEqual({ events: 2n });
      expect((await all(store)).map((e) => [e.streamId, e.streamPosition])).toEqual([
        ['s-1', 0n],
        ['s-2', 0n],
        ['s-1', 1n],
      ]);
      await store.close();
    });

    it('leaves the file byte for byte as it was when an event is already stored', async () => {
      const store = await openStore();
      const stored = event();
      await store.append('s-1', [stored]);
      const before = await hash(path);
      const many = Array.from({ length: 3_000 }, () => event('Big', { text: '村'.repeat(200) }));
      const writes = writesOf({ streamId: 's-2', events: many }, { streamId: 's-3', events: [event(), stored] });
      await expect(store.importAll(writes)).rejects.toThrow(DuplicateEventError);
      expect(await hash(path)).toBe(before);
      expect(existsSync(`${path}.import`)).toBe(false);
      expect((await store.append('s-1', [event()], { expectedRevision: 0n })).lastGlobalPosition).toBe(2n);
      expect(store.size).toBe(2);
      await store.close();
    });

    it('removes the file it created when the import fails', async () => {
      const store = await openStore();
      async function* failing(): AsyncIterable<StreamWrite> {
        yield { streamId: 's-1', events: [event()] };
        throw new Error('the input broke');
      }
      await expect(store.importAll(failing())).rejects.toThrow('the input broke');
      expect(existsSync(path)).toBe(false);
      await store.close();
    });
  });

  describe('chain hashes', () => {
    /** Each event's hash recomputed from the stored events of its stream, in file order. */
    const recomputed = (events: readonly RecordedEvent[]): (string | null)[] => {
      const previous = new Map<string, string | null>();
      return events.map((e) => {
        const hash = eventHash(e, previous.get(e.streamId) ?? null);
        previous.set(e.streamId, e.metadata.hash ?? null);
        return hash;
      });
    };

    it('seals every line, and after reopening continues each chain from the head its scan recomputed', async () => {
      const store = await openStore();
      await store.append('s-1', [event(), event()]);
      await store.append('s-2', [event()]);
      await store.close();
      const again = await openStore({});
      await again.append('s-1', [event()], { expectedRevision: 1n });
      await again.importAll(writesOf({ streamId: 's-2', events: [event()] }));
      const events = await all(again);
      expect(events.map((e) => e.metadata.hash)).toEqual(recomputed(events));
      expect((await readFile(path, 'utf8')).match(/,"hash":"sha256:[0-9a-f]{64}"\}\}\n/g)).toHaveLength(5);
      await again.close();
    });

    it('refuses a ledger with a line changed after it was sealed, at its first use, naming the file, the line and the event', async () => {
      const store = await openStore();
      await store.append('s-1', [event(), event('IncomeRecorded', { amount: '350.50' }), event()]);
      await store.close();
      await writeFile(path, (await readFile(path, 'utf8')).replace('"350.50"', '"35.50"'));
      const again = await openStore({});
      const error: unknown = await all(again).catch((e: unknown) => e);
      await expect(again.append('s-1', [event()])).rejects.toThrow(CorruptLedgerError);
      await again.close();
      expect(error).toBeInstanceOf(CorruptLedgerError);
      expect((error as Error).message).toMatch(
        /ledger\.ndjson: line 2: metadata\.hash: the chain is broken: event \S+ \(stream s-1, position 1\) carries sha256:[0-9a-f]{64}, but its content/,
      );
    });

    it('continues a stream stored before hashes existed from null: those events stay unsealed', async () => {
      const old = [event(), event()].map((e, i) =>
        ledgerLine({ streamId: 's-1', ...e, metadata: { ...e.metadata, recordedAt: `2019-12-31T16:00:0${i}.000Z` } }),
      );
      await writeFile(path, old.join(''));
      const store = await openStore({});
      await store.append('s-1', [event(), event()], { expectedRevision: 1n });
      const events = await all(store);
      expect(events.map((e) => e.metadata.hash)).toEqual([undefined, undefined, eventHash(events[2]!, null), eventHash(events[3]!, events[2]!.metadata.hash!)]);
      expect((await readFile(path, 'utf8')).startsWith(old.join(''))).toBe(true);
      await store.close();
      await (await openStore({})).close();
    });

    it('refuses an append or an import carrying a wrong hash, leaving the file byte for byte', async () => {
      const store = await openStore();
      await store.append('s-1', [event()]);
      const before = await hash(path);
      const forged = (): NewEvent => {
        const e = event();
        return { ...e, metadata: { ...e.metadata, hash: `sha256:${'1'.repeat(64)}` } };
      };
      await expect(store.append('s-1', [event(), forged()])).rejects.toThrow(ChainBrokenError);
      await expect(store.importAll(writesOf({ streamId: 's-2', events: [event()] }, { streamId: 's-1', events: [forged()] }))).rejects.toThrow(
        /^stream s-1, position 1, event \S+: it carries hash sha256:1{64}/,
      );
      expect(await hash(path)).toBe(before);
      expect((await store.append('s-1', [event()], { expectedRevision: 0n })).nextExpectedRevision).toBe(1n);
      await store.close();
    });
  });

  describe('lock', () => {
    it('refuses a second open while the ledger is open, naming the lock file', async () => {
      const store = await openStore();
      const error = await openStore().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerLockedError);
      expect((error as Error).message).toContain(`${path}.lock`);
      await store.close();
      expect(existsSync(`${path}.lock`)).toBe(false);
      await (await openStore()).close();
    });

    it('takes over a lock left by a process that is gone', async () => {
      const gone = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(`${path}.lock`, `${gone}\n`);
      const store = await openStore();
      expect((await readFile(`${path}.lock`, 'utf8')).trim()).toBe(String(process.pid));
      await store.close();
    });
  });
});
