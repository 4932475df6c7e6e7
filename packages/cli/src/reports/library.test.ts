import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreCatalog, Money, reportJsonText, reports, runReport, writeLedger, type AnyReportDefinition, type EventStore, type ReportName } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The share, contract and land books of core's tests and the hand-worked books of docs/reports.md (test helpers of core's sources).
import { booksOf2023, plan } from '../../../core/src/domain/shares/test-shares.js';
import { contractBooks } from '../../../core/src/reports/test-contract-books.js';
import { testLandBooks } from '../../../core/src/reports/test-land-books.js';
import { handWorkedBooks, reportsCatalog } from '../../../core/src/reports/test-statements.js';
import { report } from './test-ledgers.js';

let dir: string;
const stores: Record<'books' | 'shares' | 'contracts' | 'land', { store: EventStore; file: string }> = {} as never;

const toFile = async (store: EventStore, name: string): Promise<string> => {
  let text = '';
  for await (const line of writeLedger(store.readAll())) text += line;
  const path = join(dir, `${name}.ndjson`);
  await writeFile(path, text);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-library-'));
  const books = await handWorkedBooks({ close: true });
  const shares = await booksOf2023();
  await shares.ok('distribute', plan());
  await shares.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
  stores.books = { store: books.store, file: await toFile(books.store, 'books') };
  stores.shares = { store: shares.store, file: await toFile(shares.store, 'shares') };
  const contracts = await contractBooks();
  stores.contracts = { store: contracts.store, file: await toFile(contracts.store, 'contracts') };
  const land = await testLandBooks();
  stores.land = { store: land.store, file: await toFile(land.store, 'land') };
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** A library call and the command line that asks the same: the core options, then the command line's. */
interface Case {
  readonly name: ReportName;
  readonly books: 'books' | 'shares' | 'contracts' | 'land';
  readonly options: Record<string, unknown>;
  readonly argv: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'income-tiers', books: 'books', options: { year: 2023 }, argv: ['--year', '2023'] },
  {
    name: 'income-tiers',
    books: 'books',
    options: { year: 2023, basis: 'total', thresholds: [Money.of('10000'), Money.of('1000')], township: 't' },
    argv: ['--year', '2023', '--basis', 'total', '--thresholds', '10000,1000', '--township', 't'],
  },
  { name: 'trial-balance', books: 'books', options: { year: 2023, village: 'v' }, argv: ['--year', '2023', '--village', 'v'] },
  { name: 'trial-balance', books: 'books', options: { year: 2023, from: '2023-03-01', lang: 'en' }, argv: ['--year', '2023', '--from', '2023-03-01', '--lang', 'en'] },
  { name: 'balance-sheet', books: 'books', options: { asOf: '2023-12-31', township: 't2', lang: 'en' }, argv: ['--as-of', '2023-12-31', '--township', 't2', '--lang', 'en'] },
  { name: 'income-statement', books: 'books', options: { year: 2023, village: 'v' }, argv: ['--year', '2023', '--village', 'v'] },
  { name: 'accounts', books: 'books', options: { village: 'v', lang: 'en' }, argv: ['--village', 'v', '--lang', 'en'] },
  { name: 'events', books: 'books', options: { asOf: '2023-06-30' }, argv: ['--as-of', '2023-06-30'] },
  { name: 'members', books: 'shares', options: { village: 'v', asOf: '2023-12-31' }, argv: ['--village', 'v', '--as-of', '2023-12-31'] },
  { name: 'assets', books: 'books', options: { year: 2023 }, argv: ['--year', '2023'] },
  { name: 'appreciation', books: 'books', options: { year: 2023, lang: 'en' }, argv: ['--year', '2023', '--lang', 'en'] },
  { name: 'resource-income', books: 'books', options: { year: 2023, since: '2023-06-01' }, argv: ['--year', '2023', '--since', '2023-06-01'] },
  { name: 'shares', books: 'shares', options: { village: 'v', year: 2023 }, argv: ['--village', 'v', '--year', '2023'] },
  { name: 'dividends', books: 'shares', options: { village: 'v', year: 2023 }, argv: ['--village', 'v', '--year', '2023'] },
  { name: 'dividends', books: 'shares', options: { village: 'v', year: 2023, asOf: '2024-03-31', lang: 'en' }, argv: ['--village', 'v', '--year', '2023', '--as-of', '2024-03-31', '--lang', 'en'] },
  { name: 'distribution', books: 'shares', options: { village: 'v', year: 2023 }, argv: ['--village', 'v', '--year', '2023'] },
  { name: 'debts', books: 'books', options: { asOf: '2023-12-31', from: '2023-07-01', lang: 'en' }, argv: ['--as-of', '2023-12-31', '--from', '2023-07-01', '--lang', 'en'] },
  { name: 'contracts', books: 'contracts', options: { village: 'w', year: 2024, lang: 'en' }, argv: ['--village', 'w', '--year', '2024', '--lang', 'en'] },
  { name: 'contract-cleanup', books: 'contracts', options: { asOf: '2024-12-31', from: '2024-07-01', township: 't' }, argv: ['--as-of', '2024-12-31', '--from', '2024-07-01', '--township', 't'] },
  { name: 'arrears', books: 'contracts', options: { from: '2024-07-01', asOf: '2024-11-30', lang: 'en' }, argv: ['--from', '2024-07-01', '--as-of', '2024-11-30', '--lang', 'en'] },
  {
    name: 'warnings',
    books: 'contracts',
    options: { asOf: '2024-11-15', withinDays: 30, minPricePerMu: Money.of('50'), minPricePerM2: Money.of('9.5') },
    argv: ['--as-of', '2024-11-15', '--within-days', '30', '--min-price-per-mu', '50', '--min-price-per-m2', '9.5'],
  },
  { name: 'land-transfers', books: 'land', options: { asOf: '2021-12-31', lang: 'en' }, argv: ['--as-of', '2021-12-31', '--lang', 'en'] },
  { name: 'land-transfers', books: 'land', options: { year: 2022, village: 'v' }, argv: ['--year', '2022', '--village', 'v'] },
  { name: 'household-income', books: 'land', options: { year: 2021 }, argv: ['--year', '2021'] },
  { name: 'household-income', books: 'land', options: { year: 2021, township: 't', lang: 'en' }, argv: ['--year', '2021', '--township', 't', '--lang', 'en'] },
];

describe('a library call to runReport', () => {
  it.each(cases)('gives the JSON `report $name --format json` prints, byte for byte ($argv)', async ({ name, books, options, argv }) => {
    const { store, file } = stores[books];
    const catalog = books === 'books' ? reportsCatalog : coreCatalog;
    const definition: AnyReportDefinition = reports[name];
    const json = await runReport(store, catalog, definition, options);
    const printed = await report(name, file, ...argv, '--format', 'json');
    expect(reportJsonText(json)).toBe(printed);
    // A plain JSON value: nothing but strings, numbers, booleans, null, arrays and objects.
    expect(JSON.parse(printed)).toEqual(json);
  });

  it('covers every report', () => {
    expect(new Set(cases.map((c) => c.name))).toEqual(new Set(Object.keys(reports)));
  });
});
