import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { debtsReport, reportJsonText, runReport, writeLedger, type EventStore, type EventCatalog } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Village books with debts, built with core's services (a test helper of core's sources).
import { bankLoan, testDebts } from '../../../core/src/domain/debts/test-debts.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;
let memory: { store: EventStore; catalog: EventCatalog };

/** Village v (张家村): a bank loan of 10,000.00 and 3,000.00 owed for construction, recorded in 2023; resolved in part in 2023 and 2024. */
const buildLedger = async (): Promise<string> => {
  const books = await testDebts();
  await books.ok('record', bankLoan('d1'));
  await books.ok('record', bankLoan('d2', { creditor: { name: '宏达建筑公司', kind: 'company' }, origin: 'construction', account: '211', amount: '3000.00', recognition: 'new', debitAccount: '153' }));
  await books.ok('repay', { debtId: 'd1', resolvedOn: '2023-03-01', amount: '4000.00' });
  await books.close(2023);
  await books.ok('writeOff', { debtId: 'd2', resolvedOn: '2024-06-01', amount: '3000.00', approval: { body: 'members-assembly', approvedOn: '2024-05-20', resolution: '成员大会决议〔2024〕1号' } });
  await books.ok('restructure', { debtId: 'd1', resolvedOn: '2024-07-01', amount: '1000.00', toAccount: '221', terms: '展期两年' });
  memory = { store: books.store, catalog: books.context.catalog };
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  const path = join(dir, 'debts.ndjson');
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-debts-'));
  ledger = await buildLedger();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report debts (不良债务化解)', () => {
  it('prints recorded, resolved by method, outstanding and the rate, in Chinese, then each debt', async () => {
    const out = (await report('debts', ledger, '--year', '2024', '--village', 'v')).split('\n');
    expect(out[0]).toBe('不良债务化解  张家村  2024-01-01 至 2024-12-31');
    expect(out[1]).toBe('债务笔数 2，其中尚未化解 1');
    const row = (label: string) => out.find((l) => l.startsWith(label))?.trim().split(/ {2,}/);
    expect(row('不良债务登记')).toEqual(['不良债务登记', '13,000.00', '0.00']);
    expect(row('已化解')).toEqual(['已化解', '8,000.00', '4,000.00']);
    expect(row('尚未化解')).toEqual(['尚未化解', '5,000.00']);
    // 8,000.00 / 13,000.00 = 61.538…%
    expect(row('化解率')).toEqual(['化解率', '61.5%']);
  });

  it('as of a date, in English: only what was recorded and resolved by then', async () => {
    const out = (await report('debts', ledger, '--as-of', '2023-12-31', '--lang', 'en')).split('\n');
    expect(out[0]).toBe('Non-performing debts and their resolution  示范区  as of 2023-12-31');
    expect(out.find((l) => l.startsWith('resolution rate'))?.trim().split(/ {2,}/)).toEqual(['resolution rate', '30.8%']);
  });

  it('writes the same JSON bytes replayed from the ledger file as from the books in memory', async () => {
    const text = await report('debts', ledger, '--year', '2024', '--format', 'json');
    const fromMemory = reportJsonText(await runReport(memory.store, memory.catalog, debtsReport, { year: 2024 }));
    expect(text.trimEnd()).toBe(fromMemory.trimEnd());
    const json = JSON.parse(text) as { total: { rate: unknown }; debts: { debtId: string; resolutions: unknown[]; outstanding: string }[] };
    expect(Object.keys(json)).toEqual(['report', 'lang', 'from', 'to', 'scope', 'total', 'townships', 'villages', 'debts']);
    expect(json.total.rate).toEqual({ numerator: '8000.00', denominator: '13000.00', percent: '61.5', display: '61.5%' });
    expect(json.debts.map((d) => [d.debtId, d.resolutions.length, d.outstanding])).toEqual([['d1', 2, '5000.00'], ['d2', 1, '0.00']]);
  });

  it('writes the debts as CSV', async () => {
    const csv = (await report('debts', ledger, '--year', '2024', '--format', 'csv', '--lang', 'en')).split('\n');
    expect(csv[0]).toBe('village,debt,creditor,account,recorded on,amount,resolutions,resolved,outstanding');
    expect(csv[2]).toBe('v,d2,宏达建筑公司,211,2023-02-01,3000.00,2024-06-01 written off 3000.00,3000.00,0.00');
  });

  it('refuses an option it does not take, an unknown village, and a period that ends before it starts', async () => {
    const since = await cli('report', 'debts', '--store', ledger, '--year', '2024', '--since', '2024-01-01');
    expect([since.code, since.stderr.trim()]).toEqual([2, expect.stringContaining('--since is not an option of debts')]);
    const unknown = await cli('report', 'debts', '--store', ledger, '--year', '2024', '--village', 'zz');
    expect([unknown.code, unknown.stderr.trim()]).toEqual([2, expect.stringContaining('--village: no village zz is registered')]);
    const backwards = await cli('report', 'debts', '--store', ledger, '--as-of', '2024-01-01', '--from', '2024-02-01');
    expect([backwards.code, backwards.stderr.trim()]).toEqual([2, expect.stringContaining("--from 2024-02-01 is after the period's last day 2024-01-01")]);
  });
});
