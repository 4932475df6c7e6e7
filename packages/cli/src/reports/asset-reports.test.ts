import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Village books with assets, built with core's services (a test helper of core's sources).
import { building, testAssets } from '../../../core/src/domain/assets/test-assets.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;

/** Village v (张家村): capital in 2023, closed; in 2024 a purchase, a donation, a transfer out, land found by a stock-take and its rent. */
const buildLedger = async (): Promise<string> => {
  const books = await testAssets();
  await books.voucher('记-1', '2023-01-01', [['102', 'debit', '100000.00'], ['301', 'credit', '100000.00']]);
  await books.ok('acquire', building('b1', '30000.00', 120, { residualRate: '0', acquiredOn: '2023-12-20' }));
  await books.ok('acquire', building('s1', '12000.00', 120, { residualRate: '0', acquiredOn: '2023-12-20', category: 'non-operating', chargeAccount: '514', name: '村小学' }));
  await books.close(2023);
  await books.ok('acquire', building('g1', '5000.00', 50, { residualRate: '0', acquiredOn: '2024-01-10', acquisition: 'donation', name: '捐赠农机' }));
  await books.ok('depreciate', { month: '2024-01' });
  await books.ok('dispose', { assetId: 's1', disposedOn: '2024-02-10', disposal: 'transfer-out' });
  await books.ok('resource', { assetId: 'r1', name: '东山荒坡', kind: 'waste-land', area: '80', registeredOn: '2024-03-01', identifiedBy: 'stock-take' });
  await books.ok('resourceIncome', { assetId: 'r1', receivedOn: '2024-06-30', amount: '16000.00', summary: '东山荒坡承包费' });
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  const path = join(dir, 'assets.ndjson');
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-assets-'));
  ledger = await buildLedger();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report assets (集体资产构成)', () => {
  it('prints the composition on a date, in Chinese, with the register checked against the ledger', async () => {
    const out = (await report('assets', ledger, '--as-of', '2024-06-30')).split('\n');
    expect(out[0]).toBe('集体资产构成  示范区  截至 2024-06-30');
    expect((await report('assets', ledger, '--as-of', '2024-06-30', '--village', 'v')).split('\n')[0]).toBe('集体资产构成  张家村  截至 2024-06-30');
    expect((await report('appreciation', ledger, '--year', '2024', '--township', 't', '--lang', 'en')).split('\n')[0]).toBe(
      'Value preservation and appreciation  北格镇  2024-01-01 to 2024-12-31',
    );
    const row = (label: string) => out.find((l) => l.startsWith(label))?.split(/ {2,}/);
    // b1 30,000.00 less January's 250.00; g1 5,000.00 (not yet depreciated: acquired in January); s1 gone.
    expect(row('经营性固定资产')).toEqual(['经营性固定资产', '2', '35,000.00', '250.00', '34,750.00', '32.0%']);
    expect(row('资源性资产：荒地')).toEqual(['资源性资产：荒地', '1', '80.0000', '0.00']);
    expect(out.find((l) => l.startsWith('账实核对'))).toBe('账实核对（151 原值 35,000.00，152 累计折旧 250.00，141 长期投资 0.00）：一致');
  });

  it('writes JSON with money as strings and shares as exact rates', async () => {
    const json = JSON.parse(await report('assets', ledger, '--year', '2024', '--format', 'json', '--lang', 'en')) as Record<string, unknown> & {
      total: { fixedAssets: { nonOperating: unknown }; shares: { operatingFixedAssets: unknown }; totalAssets: string };
    };
    expect(Object.keys(json)).toEqual(['report', 'lang', 'asOf', 'scope', 'total', 'townships', 'villages']);
    expect(json.asOf).toBe('2024-12-31');
    expect(json.total.fixedAssets.nonOperating).toEqual({ count: 0, cost: '0.00', accumulated: '0.00', net: '0.00' });
    expect(json.total.shares.operatingFixedAssets).toMatchObject({ display: expect.stringMatching(/%$/) as unknown });
  });
});

describe('report appreciation (资产保值增值)', () => {
  it('lists the objective factors of the year and the rate', async () => {
    const json = JSON.parse(await report('appreciation', ledger, '--year', '2024', '--format', 'json')) as {
      total: { openingEquity: string; increases: Record<string, string>; decreases: Record<string, string>; rate: { display: string } | null; verdict: string };
    };
    expect(json.total.openingEquity).toBe('100000.00');
    expect(json.total.increases['donations']).toBe('5000.00');
    expect(json.total.decreases['transfersOut']).toBe('11900.00'); // 12,000.00 less January's 100.00
    // Closing equity 100,000 + 5,000 − 11,900 + 16,000 − 250 − 100 = 108,750.00; less 5,000, plus 11,900: 115,650.00 / 100,000.00.
    expect([json.total.rate?.display, json.total.verdict]).toEqual(['115.7%', 'appreciated']);
    const table = await report('appreciation', ledger, '--year', '2024', '--lang', 'en');
    expect(table.split('\n').find((l) => l.startsWith('preservation and appreciation rate'))).toMatch(/ 115\.7% appreciated$/);
  });
});

describe('report resource-income (资源性资产收入)', () => {
  it('gives the income and the part from newly identified resources, since a date', async () => {
    const json = JSON.parse(await report('resource-income', ledger, '--year', '2024', '--format', 'json')) as {
      since: string;
      total: { total: { income: string }; newlyIdentified: { resources: number; income: string } };
    };
    expect(json.since).toBe('2024-01-01');
    expect([json.total.total.income, json.total.newlyIdentified.resources, json.total.newlyIdentified.income]).toEqual(['16000.00', 1, '16000.00']);
    const later = JSON.parse(await report('resource-income', ledger, '--year', '2024', '--since', '2024-04-01', '--format', 'json')) as typeof json;
    expect(later.total.newlyIdentified.resources).toBe(0);
    expect(await report('resource-income', ledger, '--year', '2024', '--format', 'csv', '--lang', 'en')).toBe(
      ['village,resource,name,kind,area (mu),registered,new,income', '张家村,r1,东山荒坡,waste land,80.0000,2024-03-01,yes,16000.00', ''].join('\n'),
    );
  });
});

describe('asset report options', () => {
  it.each([
    [['assets'], 'error: assets needs --as-of or --year, e.g. --as-of 2022-06-30\n'],
    [['appreciation', '--as-of', '2024-06-30'], 'error: appreciation needs --year, e.g. --year 2022 (and --as-of to cut it short)\n'],
    [['assets', '--year', '2024', '--since', '2024-01-01'], 'error: --since is not an option of assets: it is an option of resource-income\n'],
    [['balance-sheet', '--year', '2024', '--since', '2024-01-01'], 'error: --since is not an option of balance-sheet: it is an option of resource-income\n'],
    [['resource-income', '--year', '2024', '--basis', 'total'], 'error: --basis is not an option of resource-income: it is an option of income-tiers\n'],
    [['appreciation', '--year', '2024', '--from', '2024-02-01'], 'error: --from is not an option of appreciation: it covers a fiscal year; give --year (and --as-of to cut it short)\n'],
  ])('refuses %j with one line naming the option', async (args, stderr) => {
    const [name = '', ...options] = args;
    expect(await cli('report', name, '--store', ledger, ...options)).toEqual({ code: 2, stdout: '', stderr });
  });
});
