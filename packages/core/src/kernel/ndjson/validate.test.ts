import { describe, expect, it } from 'vitest';
import { LedgerFormatError } from './errors.js';
import { chunksOf, income, ledgerText, sampleLines, testCatalog, testLine, village } from './test-catalog.js';
import { validateLedger } from './validate.js';

const failure = async (text: string, maxErrors?: number): Promise<LedgerFormatError> => {
  try {
    await validateLedger(chunksOf(text), testCatalog, maxErrors === undefined ? {} : { maxErrors });
  } catch (error) {
    if (error instanceof LedgerFormatError) return error;
    throw error;
  }
  throw new Error('expected the ledger to be refused');
};

describe('validateLedger', () => {
  it('summarises a valid file: events, streams and counts by type', async () => {
    const summary = await validateLedger(chunksOf(ledgerText(sampleLines())), testCatalog);
    expect(summary).toEqual({ events: 6, streams: 4, types: { IncomeRecorded: 4, VillageRegistered: 2 } });
  });

  it('accepts an empty file', async () => {
    expect(await validateLedger(chunksOf(''), testCatalog)).toEqual({ events: 0, streams: 0, types: {} });
  });

  it('lists every problem, one line each, with line numbers and fields', async () => {
    const text = ledgerText([village(1, 'v001', '东风村'), income(2, 'v001', '12.345'), 'not json', income(4, 'v001', '1.00')]);
    const error = await failure(text);
    expect(error.problems.map((p) => [p.lineNumber, p.path])).toEqual([
      [2, 'data.amount'],
      [3, '(line)'],
    ]);
    expect(error.message.split('\n')[0]).toBe(
      'line 2: data.amount: expected a yuan amount with at most 2 decimals, got "12.345"',
    );
  });

  it('names both lines of an event id used twice', async () => {
    const again = testLine(1, 'organization-v002', 'VillageRegistered', { organizationId: 'v002', name: '红旗村' });
    const error = await failure(ledgerText([village(1, 'v001', '东风村'), income(2, 'v001', '1.00'), again]));
    expect(error.message).toBe(
      'line 3: metadata.eventId: event id 00000000-0000-4000-8000-000000000001 is already used on line 1',
    );
  });

  it('keeps the first maxErrors problems and counts the rest', async () => {
    const text = Array.from({ length: 7 }, () => '{').join('\n');
    const error = await failure(text, 3);
    expect(error.total).toBe(7);
    expect(error.message.split('\n')).toHaveLength(4);
    expect(error.message.split('\n')[3]).toBe('and 4 more problems');
  });

  it('reports an unreadable line with the problems before it', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n'), 0xff, 0x0a]);
    await expect(validateLedger(chunksOf(bytes), testCatalog)).rejects.toThrow(
      /line 1: \(line\): not valid JSON.*\nline 2: \(line\): not valid UTF-8 text$/s,
    );
  });
});
