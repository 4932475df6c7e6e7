import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventStore, ledgerLine, writeLedger, type EventStore, type JsonObject, type NewEvent, type RecordedEvent, type StreamWrite } from '@collective-ledger/core';
import { openPgliteStore } from '@collective-ledger/postgres';
import { FileEventStore } from './file-store.js';

// The auditor's program of docs/tamper-evidence.md, run as the page gives it.
const doc = await readFile(new URL('../../../docs/tamper-evidence.md', import.meta.url), 'utf8');
const snippet = /```python\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const noPython = python.error === undefined && python.status === 0 ? undefined : `python3 is not on PATH (${python.error?.message ?? python.stderr})`;

let dir = '';
let program = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-audit-'));
  program = join(dir, 'check.py');
  await writeFile(program, snippet);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
const event = (type: string, data: JsonObject, commandId?: string): NewEvent => {
  counter += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `00000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`,
      occurredOn: '2024-03-15',
      actor: '会计-张三',
      schemaVersion: 1,
      ...(commandId === undefined ? {} : { commandId, commandDigest: `sha256:${'ab'.repeat(32)}` }),
    },
  };
};

/** Chinese text, nested arrays, every kind of JSON value, and the characters escaping is about. */
const voucher = (n: number): JsonObject => ({
  organizationId: 'v001',
  voucherNo: `记-${String(n).padStart(3, '0')}`,
  summary: '收到鱼塘承包费（第一期）',
  lines: [
    { account: '101', side: 'debit', amount: '1200.00', tags: [['承包', '鱼塘'], [], [['深']]] },
    { account: '511', side: 'credit', amount: '1200.00', memo: null },
  ],
  year: 2024,
  offset: -3,
  months: 0,
  approved: true,
  voided: false,
  note: '引号 " 反斜杠 \\ 制表\t换行\n回车\r \u0001 \u001f \u007f \u2028 🌾 ｚ',
  空: {},
});

const writes = (streamId: string, events: readonly NewEvent[]): AsyncIterable<StreamWrite> =>
  (async function* () {
    yield { streamId, events };
  })();

/** Write the store's export to a file, run the program on it, and return its exit code and lines. */
const audit = async (store: EventStore, name: string): Promise<{ code: number | null; lines: string[]; events: RecordedEvent[] }> => {
  const events: RecordedEvent[] = [];
  let text = '';
  for await (const e of store.readAll()) events.push(e);
  for await (const line of writeLedger(store.readAll())) text += line;
  const file = join(dir, name);
  await writeFile(file, text);
  const run = spawnSync('python3', [program, file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return { code: run.status, lines: run.stdout.trimEnd().split('\n'), events };
};

const expected = (events: readonly RecordedEvent[]): string[] => events.map((e) => e.metadata.hash ?? 'unsealed');

describe('the Python 3 program of docs/tamper-evidence.md', () => {
  it('is on the page', () => {
    expect(snippet).toContain('json.dumps(value, sort_keys=True, separators=(\',\', \':\'), ensure_ascii=False)');
  });

  it('recomputes every hash of a file store, unsealed events before them included, and finds a changed line', async (test) => {
    if (noPython !== undefined) return test.skip(noPython);
    // Two events stored before hashes existed, as an older version wrote them.
    const path = join(dir, 'books.ndjson');
    const old = [event('VoucherPosted', voucher(1)), event('VoucherPosted', voucher(2))];
    await writeFile(path, old.map((e) => ledgerLine({ streamId: 'ledger-v001-2024', ...e, metadata: { ...e.metadata, recordedAt: '2019-12-31T16:00:00.000Z' } })).join(''));
    const store = await FileEventStore.open(path);
    try {
      await store.append('ledger-v001-2024', [event('VoucherPosted', voucher(3), 'c-3'), event('VoucherPosted', voucher(4), 'c-3')]);
      await store.append('organization-v001', [event('VillageRegistered', { organizationId: 'v001', name: '东风村', households: [['h1', ['m1', 'm2']], []] })]);
      await store.append('ledger-v001-2024', [event('VoucherPosted', voucher(5))], { expectedRevision: 3n });
      await store.importAll(writes('ledger-v002-2024', [event('VoucherPosted', { ...voucher(6), organizationId: 'v002' })]));
      const { code, lines, events } = await audit(store, 'export.ndjson');
      expect(events).toHaveLength(7);
      expect(lines).toEqual(expected(events));
      expect(lines.slice(0, 2)).toEqual(['unsealed', 'unsealed']);
      expect(code).toBe(0);

      // One amount changed by hand on line 4: reported there, and only there.
      const file = join(dir, 'export.ndjson');
      const text = (await readFile(file, 'utf8')).split('\n');
      text[3] = (text[3] ?? '').replace('"1200.00"', '"120.00"');
      await writeFile(file, text.join('\n'));
      const run = spawnSync('python3', [program, file], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      const reported = run.stdout.trimEnd().split('\n');
      expect(reported[3]).toMatch(/^line 4: stored sha256:[0-9a-f]{64}, recomputed sha256:[0-9a-f]{64}$/);
      expect(reported.filter((line) => line.startsWith('line '))).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('recomputes every hash of PGlite, whose jsonb reorders keys, sealed by append and by import', { timeout: 60_000 }, async (test) => {
    if (noPython !== undefined) return test.skip(noPython);
    const memory = new InMemoryEventStore();
    await memory.append('ledger-v003-2024', [event('VoucherPosted', voucher(7)), event('VoucherPosted', voucher(8))]);
    const exported: NewEvent[] = [];
    for await (const e of memory.readAll()) exported.push({ type: e.type, data: e.data, metadata: e.metadata });
    const store = await openPgliteStore(join(dir, 'pglite'));
    try {
      await store.importAll(writes('ledger-v003-2024', exported));
      await store.append('ledger-v003-2024', [event('VoucherPosted', voucher(9), 'c-9')], { expectedRevision: 1n });
      await store.append('organization-v003', [event('VillageRegistered', { organizationId: 'v003', name: '红旗村', households: [['h9', []]] })]);
      const { code, lines, events } = await audit(store, 'pglite.ndjson');
      expect(events.slice(0, 2).map((e) => e.metadata.hash)).toEqual(exported.map((e) => e.metadata.hash));
      expect(lines).toEqual(expected(events));
      expect(code).toBe(0);
    } finally {
      await store.close();
    }
  });
});
