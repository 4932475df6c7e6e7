import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Id } from '../../codecs/primitives.js';
import { Yuan } from '../../codecs/money-codecs.js';
import { defineEvent, EventCatalog } from '../catalog.js';
import type { LedgerEntry } from './envelope.js';
import { LedgerLineError } from './errors.js';
import { readLedger } from './read.js';
import { chunksOf, income, ledgerText, sampleLines, testCatalog, testLine, village, withMetadata } from './test-catalog.js';

const read = async (text: string, catalog: EventCatalog = testCatalog): Promise<LedgerEntry[]> => {
  const entries: LedgerEntry[] = [];
  for await (const entry of readLedger(chunksOf(text), catalog)) entries.push(entry);
  return entries;
};

const failure = async (text: string, catalog: EventCatalog = testCatalog): Promise<LedgerLineError> => {
  try {
    await read(text, catalog);
  } catch (error) {
    if (error instanceof LedgerLineError) return error;
    throw error;
  }
  throw new Error('expected the ledger to be refused');
};

const good = ledgerText(sampleLines().slice(0, 2));

describe('readLedger', () => {
  it('returns each event with its line number and stream, data as written', async () => {
    const entries = await read(`${good}\n${ledgerText([income(9, 'v001', '5.00')])}`);
    expect(entries.map((e) => [e.lineNumber, e.streamId, e.event.type])).toEqual([
      [1, 'organization-v001', 'VillageRegistered'],
      [2, 'ledger-v001-2024', 'IncomeRecorded'],
      [4, 'ledger-v001-2024', 'IncomeRecorded'],
    ]);
    expect(entries[0]?.event.data).toEqual({ organizationId: 'v001', name: '东风村' });
    expect(entries[1]?.event.metadata.actor).toBe('会计-张三');
  });

  it('names the line of bad JSON', async () => {
    const error = await failure(`${good}{"streamId": "x",\n`);
    expect(error.lineNumber).toBe(3);
    expect(error.path).toBe('(line)');
    expect(error.message).toMatch(/^line 3: \(line\): not valid JSON/);
  });

  it('refuses a line that is JSON but not an object', async () => {
    expect((await failure(`${good}[1,2]\n`)).message).toBe('line 3: (line): expected a JSON object, got [1,2]');
  });

  it('refuses an unknown event type', async () => {
    const error = await failure(ledgerText([...sampleLines().slice(0, 2), testLine(3, 's-1', 'MoneyVanished', {})]));
    expect(error.message).toBe('line 3: type: unknown event type "MoneyVanished"');
    expect(error.path).toBe('type');
  });

  it('names the line, cut short, of an unknown type a million characters long', async () => {
    const error = await failure(ledgerText([...sampleLines().slice(0, 2), testLine(3, 's-1', `T${'x'.repeat(1_000_000)}`, {})]));
    expect(error.lineNumber).toBe(3);
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toMatch(/^line 3: type: expected an event type name .*, got "Txxx+\.\.\.$/);
  });

  it('refuses a key the type does not know, in data and deeper, naming the line and the field', async () => {
    const line = income(2, 'v001', '5.00');
    const error = await failure(ledgerText([village(1, 'v001', '东风村'), { ...line, data: { ...line.data, amonut: '5.00' } }]));
    expect(error.message).toBe('line 2: data.amonut: unknown field; did you mean amount?');
  });

  it('refuses data nested 5,000 deep with its line and path, not a stack overflow', async () => {
    // Written as text: JSON.stringify itself would overflow the stack this deep.
    const deep = `${'{"d":'.repeat(5_000)}{}${'}'.repeat(5_000)}`;
    const line = JSON.stringify(testLine(2, 's-1', 'VillageRegistered', { organizationId: 'v2', name: '村', deep: 'DEEP' })).replace('"DEEP"', deep);
    const error = await failure(ledgerText([village(1, 'v001', '东风村'), line]));
    expect(error.lineNumber).toBe(2);
    expect(error.message).toBe(`line 2: data.deep${'.d'.repeat(31)}: nested deeper than the store's limit of 32 levels`);
  });

  it('refuses U+0000 and a lone surrogate in a string, and an amount "-0.00", naming the line and the field', async () => {
    const zero = await failure(ledgerText([village(1, 'v001', '东风\u0000村')]));
    expect(zero.message).toBe('line 1: data.name: contains U+0000 at character 3');
    const lone = await failure(ledgerText([village(1, 'v001', '东风\ud800村')]));
    expect(lone.message).toBe('line 1: data.name: contains an unpaired surrogate at character 3 (not valid Unicode text)');
    const signed = await failure(ledgerText([village(1, 'v001', '东风村'), income(2, 'v001', '-0.00')]));
    expect(signed.message).toBe('line 2: data.amount: expected a yuan amount without a minus sign on zero, got "-0.00"');
  });

  it('refuses an amount with three decimals at data.amount', async () => {
    const error = await failure(ledgerText([village(1, 'v001', '东风村'), income(2, 'v001', '12.345')]));
    expect(error.lineNumber).toBe(2);
    expect(error.path).toBe('data.amount');
    expect(error.message).toBe('line 2: data.amount: expected a yuan amount with at most 2 decimals, got "12.345"');
  });

  it('refuses a date that does not exist, in metadata and in data', async () => {
    const badMeta = withMetadata(testLine(2, 'organization-v9', 'VillageRegistered', { organizationId: 'v9', name: '新村' }), {
      occurredOn: '2023-02-30',
    });
    expect((await failure(ledgerText([village(1, 'v001', '东风村'), badMeta]))).message).toBe(
      'line 2: metadata.occurredOn: expected a date YYYY-MM-DD, got "2023-02-30"',
    );
    const badData = income(1, 'v001', '1.00');
    const line = { ...badData, data: { ...badData.data, receivedOn: '2023-02-30' } };
    expect((await failure(ledgerText([line]))).message).toBe(
      'line 1: data.receivedOn: expected a date YYYY-MM-DD, got "2023-02-30"',
    );
  });

  it('refuses missing fields, naming each', async () => {
    const { actor: _actor, ...metadata } = village(1, 'v001', '东风村').metadata;
    const noActor = { ...village(1, 'v001', '东风村'), metadata };
    const error = await failure(ledgerText([noActor]));
    expect(error.message).toBe('line 1: metadata.actor: expected a non-empty string, got nothing');
    const noAmount = income(2, 'v001', '1.00');
    const { amount: _amount, ...data } = noAmount.data;
    expect((await failure(ledgerText([{ ...noAmount, data }]))).path).toBe('data.amount');
    expect((await failure('{"type":"VillageRegistered","data":{},"metadata":{}}\n')).path).toBe('streamId');
  });

  it('refuses keys the format does not know, rather than dropping them', async () => {
    const line = { ...village(1, 'v001', '东风村'), streamPosition: 0 };
    expect((await failure(ledgerText([line]))).message).toMatch(/^line 1: streamPosition: unknown key/);
  });

  it('upcasts an old schema version to validate it, and keeps the line as written', async () => {
    const feeV2 = defineEvent({
      type: 'FeePaid',
      codec: t.type({ organizationId: Id, amount: Yuan }),
      schemaVersion: 2,
      // Version 1 called the organization `village`.
      upcasters: {
        1: ({ village: organizationId, ...rest }) => ({ ...rest, organizationId: organizationId ?? null }),
      },
      organizationOf: (data) => data.organizationId,
    });
    const catalog = new EventCatalog([feeV2]);
    const v1 = withMetadata(testLine(1, 'fees-v001', 'FeePaid', { village: 'v001', amount: '30.00' }), { schemaVersion: 1 });
    const v2 = withMetadata(testLine(2, 'fees-v001', 'FeePaid', { organizationId: 'v001', amount: '31.00' }), { schemaVersion: 2 });
    const entries = await read(ledgerText([v1, v2]), catalog);
    expect(entries[0]?.event.data).toEqual({ village: 'v001', amount: '30.00' });
    expect(entries[0]?.event.metadata.schemaVersion).toBe(1);

    const badV1 = withMetadata(testLine(3, 'fees-v001', 'FeePaid', { village: 'v001', amount: '1.234' }), { schemaVersion: 1 });
    expect((await failure(ledgerText([v1, badV1]), catalog)).message).toBe(
      'line 2: data.amount: expected a yuan amount with at most 2 decimals, got "1.234"',
    );
    const future = withMetadata(testLine(4, 'fees-v001', 'FeePaid', { organizationId: 'v001', amount: '1.00' }), { schemaVersion: 3 });
    expect((await failure(ledgerText([future]), catalog)).path).toBe('metadata.schemaVersion');
  });
});
