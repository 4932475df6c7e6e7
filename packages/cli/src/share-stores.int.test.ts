import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlFrom } from '@collective-ledger/postgres';
// The share books of core's tests (a test helper of core's sources): a closed year, its distribution and a payment.
import { booksOf2023, plan } from '../../core/src/domain/shares/test-shares.js';
import { cli, report } from './reports/test-ledgers.js';

const url = postgresUrlFrom();
const schema = `cl_test_shares_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let dir = '';
let stores: { readonly ndjson: string; readonly pglite: string; readonly server: string };

beforeAll(async () => {
  process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = schema;
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-share-stores-'));
  const books = await booksOf2023();
  await books.ok('distribute', plan());
  await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  const file = join(dir, 'shares.ndjson');
  await writeFile(file, text);
  stores = { ndjson: file, pglite: join(dir, 'books'), server: url };
  for (const store of [stores.pglite, stores.server]) {
    const result = await cli('import', file, '--store', store);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
  delete process.env['COLLECTIVE_LEDGER_PG_SCHEMA'];
});

const asked: readonly (readonly string[])[] = [
  ['dividends', '--village', 'v', '--year', '2023', '--format', 'json'],
  ['dividends', '--village', 'v', '--year', '2023', '--lang', 'en'],
  ['distribution', '--village', 'v', '--year', '2023', '--format', 'json'],
  ['shares', '--village', 'v', '--as-of', '2023-12-31', '--format', 'csv'],
  ['income-statement', '--year', '2024', '--village', 'v', '--format', 'json'],
];

describe('the share reports from an .ndjson file, a PGlite directory and a PostgreSQL server', () => {
  it.each(asked)('report %s gives byte-identical output from each', { timeout: 60_000 }, async (name, ...options) => {
    const fromFile = await report(name, stores.ndjson, ...options);
    expect(fromFile.length).toBeGreaterThan(0);
    expect(await report(name, stores.pglite, ...options)).toBe(fromFile);
    expect(await report(name, stores.server, ...options)).toBe(fromFile);
  });
});
