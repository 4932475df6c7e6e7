import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore, postgresUrlFrom, redactUrl } from '@collective-ledger/postgres';
import { statementLedgers } from './reports/test-ledgers.js';

// `collective-ledger import --store postgres://…` whose backend is ended in the
// middle of the import, from a second connection: one sentence on stderr, exit 1,
// no stack trace, nothing stored; the next run imports the file.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const application = `cl_cli_lost_${randomUUID().slice(0, 8)}`;
const schema = `cl_test_cli_lost_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const store = (() => {
  const url = new URL(postgresUrlFrom());
  url.searchParams.set('application_name', application);
  return url.toString();
})();
let ledgers: Awaited<ReturnType<typeof statementLedgers>>;

const withClient = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: postgresUrlFrom() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

beforeAll(async () => {
  ledgers = await statementLedgers();
  // The schema exists before the run, so the lock below can be taken on its table.
  await (await openPostgresStore({ url: store, schema })).close();
});

afterAll(async () => {
  await ledgers.remove();
  await withClient((client) => client.query(`drop schema if exists ${schema} cascade`));
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const cli = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const env = { ...process.env, COLLECTIVE_LEDGER_DEBUG: '', COLLECTIVE_LEDGER_PG_SCHEMA: schema };
    execFile(process.execPath, [bin, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The import's backend once it waits to insert (the table is locked), from a connection outside any transaction. */
const importingBackend = async (watcher: pg.Client): Promise<number> => {
  for (let tries = 0; tries < 1_200; tries += 1) {
    const { rows } = await watcher.query<{ pid: number }>(
      "select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock' and query like '%import_events%'",
      [application],
    );
    if (rows[0] !== undefined) return rows[0].pid;
    await sleep(25);
  }
  throw new Error('the import never reached its insert');
};

describe('collective-ledger import into PostgreSQL, its backend ended mid-import', () => {
  it('prints one sentence naming the server, exits 1 without a stack trace, stores nothing; the next run imports', { timeout: 60_000 }, async () => {
    const run = await withClient((holder) =>
      withClient(async (watcher) => {
        // Reads go on; the import's insert waits for this lock, inside its transaction.
        await holder.query('begin');
        await holder.query(`lock table ${schema}.events in share mode`);
        const importing = cli('import', ledgers.closed, '--store', store);
        try {
          await watcher.query('select pg_terminate_backend($1)', [await importingBackend(watcher)]);
        } finally {
          await holder.query('rollback');
        }
        return importing;
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      new RegExp(
        `^error: the connection to PostgreSQL at ${redactUrl(store).replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')} was lost during the import \\(terminating connection due to administrator command\\); [^\\n]+\\n$`,
      ),
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const count = async (): Promise<number> =>
      withClient(async (client) => Number((await client.query<{ n: string }>(`select count(*) as n from ${schema}.events`)).rows[0]?.n));
    expect(await count()).toBe(0);
    const again = await cli('import', ledgers.closed, '--store', store);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(await count()).toBeGreaterThan(0);
  });
});
