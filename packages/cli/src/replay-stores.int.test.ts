import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlFrom } from '@collective-ledger/postgres';
import { cli, recordedLedgers, report } from './reports/test-ledgers.js';

// The amended books (a voucher dated back into March, recorded last) in the three kinds of store.
const url = postgresUrlFrom();
const schema = `cl_test_replay_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;
let stores: { readonly ndjson: string; readonly pglite: string; readonly server: string };

const imported = async (file: string, store: string): Promise<void> => {
  const result = await cli('import', file, '--store', store);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
};

beforeAll(async () => {
  process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = schema;
  ledgers = await recordedLedgers();
  await imported(ledgers.amended, url);
  // PostgreSQL gives data keys back in jsonb's order: the file store gets the ledger in that order
  // too, so that exports from all three can be compared byte for byte.
  const canonical = join(ledgers.dir, 'canonical.ndjson');
  await writeFile(canonical, (await cli('export', '--store', url)).stdout);
  stores = { ndjson: join(ledgers.dir, 'books.ndjson'), pglite: join(ledgers.dir, 'books'), server: url };
  await imported(canonical, stores.ndjson);
  await imported(canonical, stores.pglite);
}, 120_000);

afterAll(async () => {
  await ledgers.remove();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
  delete process.env['COLLECTIVE_LEDGER_PG_SCHEMA'];
});

const cut = (): readonly (readonly string[])[] => [
  ['--to-position', String(ledgers.signedEvents)],
  ['--recorded-before', ledgers.lateAt],
];

describe('replaying as recorded on an .ndjson file, PGlite and a PostgreSQL server', () => {
  it.each([
    ['balance-sheet', '--as-of', '2023-06-30', '--village', 'v', '--format', 'json'],
    ['trial-balance', '--year', '2023', '--format', 'csv'],
    ['income-tiers', '--year', '2023', '--lang', 'en'],
  ])('report %s gives the signed figures from each, byte for byte', { timeout: 60_000 }, async (name, ...options) => {
    const signed = await report(name, ledgers.signed, ...options);
    for (const replay of cut()) {
      expect(await report(name, stores.ndjson, ...options, ...replay)).toBe(signed);
      expect(await report(name, stores.pglite, ...options, ...replay)).toBe(signed);
      expect(await report(name, stores.server, ...options, ...replay)).toBe(signed);
    }
  });

  it.each([
    ['--village', 'v'],
    ['--village', 'w', '--as-of', '2023-03-31'],
    ['--year', '2022'],
    ['--as-of', '2023-03-31'],
    ['--to-position', '12'],
    ['--recorded-before', '2024-01-15T16:10:00+08:00'],
  ])('export %s %s gives the same bytes from each', { timeout: 60_000 }, async (...filter) => {
    const fromFile = await cli('export', '--store', stores.ndjson, ...filter);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout.length).toBeGreaterThan(0);
    expect((await cli('export', '--store', stores.pglite, ...filter)).stdout).toBe(fromFile.stdout);
    expect((await cli('export', '--store', stores.server, ...filter)).stdout).toBe(fromFile.stdout);
  });
});
