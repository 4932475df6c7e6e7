import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlFrom } from '@collective-ledger/postgres';
import { runCli } from './cli.js';
import { cli, recordedLedgers, report } from './reports/test-ledgers.js';
import { reportsCatalog } from '../../core/src/reports/test-statements.js';

// The hand-worked books (2023 open) in the three kinds of store that keep read models.
const url = postgresUrlFrom();
const schema = `cl_test_models_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;
let dir = '';
let lateLedger = '';
let stores: Record<'ndjson' | 'pglite' | 'server', string>;

beforeAll(async () => {
  process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = schema;
  ledgers = await recordedLedgers();
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-models-'));
  // The late voucher alone: importing it appends it to a store that holds the signed books.
  lateLedger = join(dir, 'late.ndjson');
  await writeFile(lateLedger, `${ledgers.amendedText.trimEnd().split('\n').at(-1) ?? ''}\n`);
  stores = { ndjson: join(dir, 'books.ndjson'), pglite: join(dir, 'books'), server: url };
  for (const store of Object.values(stores)) expect((await cli('import', ledgers.signed, '--store', store)).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await ledgers.remove();
  await rm(dir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.query(`drop schema if exists ${schema}_follow cascade`);
  await client.end();
  delete process.env['COLLECTIVE_LEDGER_PG_SCHEMA'];
});

const kept: readonly (readonly string[])[] = [
  ['trial-balance', '--year', '2023'],
  ['balance-sheet', '--as-of', '2023-06-30'],
  ['income-statement', '--year', '2023'],
  ['income-tiers', '--year', '2023'],
  ['events', '--as-of', '2023-12-31'],
];

/** The same report asked in other scopes, languages and formats: each reads the model kept for its options. */
const asked: readonly (readonly string[])[] = [
  ['trial-balance', '--year', '2023', '--format', 'csv'],
  ['trial-balance', '--year', '2023', '--village', 'v', '--lang', 'en'],
  ['balance-sheet', '--as-of', '2023-06-30', '--village', 'v', '--format', 'json'],
  ['income-statement', '--year', '2023', '--format', 'json'],
  ['income-tiers', '--year', '2023', '--thresholds', '1000,5000'],
  ['events', '--as-of', '2023-12-31', '--format', 'json'],
];

const expectSameAsReplay = async (store: string): Promise<void> => {
  for (const [name = '', ...options] of asked) {
    const replayed = await report(name, store, ...options, '--replay');
    const fromModel = await cli('report', name, '--store', store, ...options, '--progress');
    expect(fromModel.code).toBe(0);
    expect(fromModel.stderr, `${name} started from its model`).toContain('from its read model at position');
    expect(fromModel.stdout, `${name} ${options.join(' ')}`).toBe(replayed);
  }
};

describe.each(['ndjson', 'pglite', 'server'] as const)('project, then report, on %s', (kind) => {
  it('every report kept reads the same from its read model as from a replay, before and after more events', { timeout: 120_000 }, async () => {
    const store = stores[kind];
    for (const [name = '', ...options] of kept) {
      const run = await cli('project', '--store', store, '--report', name, ...options);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    const listed = await cli('project', '--store', store, '--list');
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(kept.length);
    expect(listed.stdout).toContain(`income-tiers{"year":2023}  position ${ledgers.signedEvents}`);
    await expectSameAsReplay(store);
    // The late voucher arrives: reports fold it after their models, then `project` takes it in.
    expect((await cli('import', lateLedger, '--store', store)).code).toBe(0);
    await expectSameAsReplay(store);
    const caughtUp = await cli('project', '--store', store);
    expect(caughtUp.stdout).toContain(`position ${ledgers.signedEvents + 1}`);
    await expectSameAsReplay(store);
  });
});

describe.each(['ndjson', 'server'] as const)('project --follow on %s', (kind) => {
  it('keeps a model current as events are appended by another command, and stops cleanly when interrupted', { timeout: 60_000 }, async () => {
    // Another command appends while the follower runs: into a second ledger file, or a schema of its own.
    process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = `${schema}_follow`;
    const store = kind === 'server' ? url : join(dir, 'follow.ndjson');
    expect((await cli('import', ledgers.signed, '--store', store)).code).toBe(0);
    const controller = new AbortController();
    let stderr = '';
    const following = runCli(['project', '--store', store, '--report', 'income-tiers', '--year', '2023', '--follow'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      catalog: reportsCatalog,
      env: {},
      signal: controller.signal,
    });
    const waitFor = async (text: string): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!stderr.includes(text) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(stderr).toContain(text);
    };
    await waitFor(`read models current at position ${ledgers.signedEvents}\n`);
    expect((await cli('import', lateLedger, '--store', store)).code).toBe(0);
    await waitFor(`read models current at position ${ledgers.signedEvents + 1}\n`);
    const second = await cli('project', '--store', store);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('are being kept by another runner');
    controller.abort();
    const code = await following;
    expect(stderr).not.toContain("error");
    expect(code).toBe(0);
    const fromModel = await cli('report', 'income-tiers', '--store', store, '--year', '2023', '--progress');
    expect(fromModel.stderr).toContain(`from its read model at position ${ledgers.signedEvents + 1}, and 0 events after it`);
    expect(fromModel.stdout).toBe(await report('income-tiers', store, '--year', '2023', '--replay'));
    process.env['COLLECTIVE_LEDGER_PG_SCHEMA'] = schema;
  });
});
