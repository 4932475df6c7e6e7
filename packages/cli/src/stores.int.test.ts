import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlFrom } from '@collective-ledger/postgres';
import { cli, report, statementLedgers } from './reports/test-ledgers.js';

// The same hand-worked books in the three kinds of store `--store` opens.
const url = postgresUrlFrom();
const schema = `cl_test_cli_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
let dir = '';
let stores: { readonly ndjson: string; readonly pglite: string; readonly server: string };

const dropSchema = async (): Promise<void> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
};

beforeAll(async () => {
  process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = schema;
  ledgers = await statementLedgers();
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-stores-'));
  // A directory that does not exist yet: the import creates a PGlite database in it.
  stores = { ndjson: join(dir, 'books.ndjson'), pglite: join(dir, 'books'), server: url };
  for (const store of Object.values(stores)) {
    const result = await cli('import', ledgers.closed, '--store', store);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
});

afterAll(async () => {
  await ledgers.remove();
  await rm(dir, { recursive: true, force: true });
  await dropSchema();
  delete process.env['COLLECTIVE_LEDGER_PG_SCHEMA'];
});

const asked: readonly (readonly string[])[] = [
  ['events', '--format', 'json'],
  ['accounts', '--village', 'v'],
  ['trial-balance', '--year', '2023', '--format', 'csv'],
  ['balance-sheet', '--year', '2023', '--lang', 'en'],
  ['balance-sheet', '--as-of', '2023-03-31', '--village', 'v', '--format', 'json'],
  ['income-statement', '--year', '2023', '--format', 'json'],
  ['income-tiers', '--year', '2023'],
  ['income-tiers', '--year', '2023', '--format', 'json', '--lang', 'en'],
];

describe('--store: an .ndjson file, a PGlite directory and a PostgreSQL server hold the same ledger', () => {
  it.each(asked)('report %s gives byte-identical output from each', { timeout: 60_000 }, async (name, ...options) => {
    const fromFile = await report(name, stores.ndjson, ...options);
    expect(fromFile.length).toBeGreaterThan(0);
    expect(await report(name, stores.pglite, ...options)).toBe(fromFile);
    expect(await report(name, stores.server, ...options)).toBe(fromFile);
  });

  it('says where it imported to without printing a password', async () => {
    const result = await cli('import', ledgers.closed, '--store', 'postgres://ledger:s3cret@127.0.0.1:1/books');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: cannot connect to PostgreSQL at postgres://ledger:***@127.0.0.1:1/books: connect ECONNREFUSED 127.0.0.1:1\n');
  });

  it.each(['pglite', 'server'] as const)('import into %s is all or nothing: a stored event id refuses the whole file', { timeout: 60_000 }, async (kind) => {
    const store = stores[kind];
    const before = (await cli('export', '--store', store)).stdout;
    const lines = (await readFile(ledgers.closed, 'utf8')).trimEnd().split('\n');
    // Two new organizations (new events: no chain hash of their own yet), each keeping the rules; the second reuses an event id already stored: nothing of the file may stay.
    const first = JSON.parse(lines[0] ?? '{}') as { data: object; metadata: { eventId: string } };
    const registration = (id: string, eventId: string): string =>
      JSON.stringify({ ...first, streamId: `organization-${id}`, data: { ...first.data, organizationId: id }, metadata: { ...first.metadata, eventId, hash: undefined } });
    const again = join(dir, `again-${kind}.ndjson`);
    await writeFile(again, `${registration('new', randomUUID())}\n${registration('new2', first.metadata.eventId)}\n`);
    const result = await cli('import', again, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: line 2: metadata\.eventId: event id [0-9a-f-]+ is already in the store/);
    expect((await cli('export', '--store', store)).stdout).toBe(before);
  });
});

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const built = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, COLLECTIVE_LEDGER_DEBUG: '' } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });

describe('the built binary', () => {
  it('imports into a new PGlite directory and reports from it as from the file', { timeout: 60_000 }, async () => {
    const books = join(dir, 'built-books');
    const imported = await built('import', ledgers.closed, '--store', books);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(new RegExp(`^imported \\d+ events in \\d+ streams into ${books}\n$`));
    const fromDir = await built('report', 'trial-balance', '--store', books, '--year', '2023', '--format', 'json');
    const fromFile = await built('report', 'trial-balance', '--store', stores.ndjson, '--year', '2023', '--format', 'json');
    expect(fromDir.code).toBe(0);
    expect(fromDir.stdout).toBe(fromFile.stdout);
  });
});
