import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The land books of core's report tests: village v with a direct transfer to a kiwi company and land shares through the collective, in 2021.
import { testLandBooks } from '../../../core/src/reports/test-land-books.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-land-'));
  const books = await testLandBooks();
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  ledger = join(dir, 'land.ndjson');
  await writeFile(ledger, text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rows = (text: string): string[][] => text.trimEnd().split('\n').map((line) => line.trim().split(/\s{2,}/));

describe('report land-transfers (土地流转)', () => {
  it('prints the scope, townships and villages, then each operator with its kind in the report’s language', async () => {
    const zh = rows(await report('land-transfers', ledger, '--as-of', '2021-12-31'));
    expect(zh[0]).toEqual(['土地流转', '示范区', '截至 2021-12-31']);
    expect(zh.find((r) => r[0] === '张家村')).toEqual(['张家村', '1', '9.5000', '9.5000', '100.0%', '6,700.00', '6,100.00', '600.00']);
    expect(zh.filter((r) => r[0] === 'v').map((r) => r.slice(1, 3))).toEqual([['果业合作社', '合作社'], ['猕猴桃公司', '企业']]);
    const en = rows(await report('land-transfers', ledger, '--as-of', '2021-12-31', '--lang', 'en'));
    expect(en.filter((r) => r[0] === 'v').map((r) => r[2])).toEqual(['cooperative', 'company']);
  });

  it('lists the operators in CSV, kinds as codes and amounts without separators', async () => {
    const csv = await report('land-transfers', ledger, '--as-of', '2021-12-31', '--format', 'csv', '--lang', 'en');
    expect(csv.split('\n')).toEqual(['village,operator,kind,transfers,transferred (mu),due,paid,owed', 'v,果业合作社,cooperative,1,3.0000,1500.00,1500.00,0.00', 'v,猕猴桃公司,company,1,6.5000,5200.00,4600.00,600.00', '']);
  });
});

describe('report household-income (农户收入)', () => {
  it('prints each household’s parts, total and per capita', async () => {
    const zh = rows(await report('household-income', ledger, '--year', '2021'));
    expect(zh.find((r) => r[1] === 'h1')).toEqual(['v', 'h1', '张一', '2', '7,100.00', '3,600.00', '0.00', '0.00', '0.00', '10,700.00', '5,350.00']);
  });

  it('refuses --as-of, saying to give --year', async () => {
    const run = await cli('report', 'household-income', '--store', ledger, '--as-of', '2021-12-31');
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'error: --as-of is not an option of household-income: it covers a calendar year; give --year\n' });
  });
});
