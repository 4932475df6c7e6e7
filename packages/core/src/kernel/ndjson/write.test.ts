import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../event.js';
import { InMemoryEventStore } from '../memory-store.js';
import { importLedger } from './import.js';
import { chunksOf, ledgerText, sampleLines, testCatalog } from './test-catalog.js';
import { ledgerLine, writeLedger } from './write.js';

const exportText = async (store: InMemoryEventStore): Promise<string> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  return text;
};

const importText = async (text: string): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  await importLedger(store, () => chunksOf(text), testCatalog);
  return store;
};

describe('ledgerLine', () => {
  it('writes keys in the documented order and leaves absent metadata out', () => {
    const recorded: RecordedEvent = {
      globalPosition: 1n,
      streamPosition: 0n,
      metadata: {
        schemaVersion: 1,
        causationId: 'cmd-0',
        actor: '张三',
        recordedAt: '2024-03-15T08:00:00.000Z',
        occurredOn: '2024-03-15',
        eventId: '00000000-0000-4000-8000-000000000001',
        hash: `sha256:${'0'.repeat(64)}`,
      },
      data: { organizationId: 'v001', amount: '12.50' },
      type: 'IncomeRecorded',
      streamId: 'ledger-v001-2024',
    };
    expect(ledgerLine(recorded)).toBe(
      '{"streamId":"ledger-v001-2024","type":"IncomeRecorded","data":{"organizationId":"v001","amount":"12.50"},' +
        '"metadata":{"eventId":"00000000-0000-4000-8000-000000000001","occurredOn":"2024-03-15",' +
        '"recordedAt":"2024-03-15T08:00:00.000Z","actor":"张三","causationId":"cmd-0","schemaVersion":1,' +
        `"hash":"sha256:${'0'.repeat(64)}"}}\n`,
    );
  });
});

describe('export and import', () => {
  it('round-trips: the export of an import is the file itself with each event sealed, then stays byte-identical', async () => {
    const original = ledgerText(sampleLines());
    const first = await exportText(await importText(original));
    const unsealed = first.replace(/,"hash":"sha256:[0-9a-f]{64}"\}\}\n/g, '}}\n');
    expect(unsealed).toBe(original);
    expect(first.match(/"schemaVersion":1,"hash":"sha256:[0-9a-f]{64}"\}\}\n/g)).toHaveLength(sampleLines().length);
    const second = await exportText(await importText(first));
    expect(second).toBe(first);
  });

  it('keeps events recorded without a recordedAt stable after their first export', async () => {
    const lines = sampleLines().map((line) => {
      const { recordedAt: _recordedAt, ...metadata } = line.metadata;
      return { ...line, metadata };
    });
    const first = await exportText(await importText(ledgerText(lines)));
    expect(first).toMatch(/"recordedAt":"\d{4}-/);
    expect(await exportText(await importText(first))).toBe(first);
  });
});
