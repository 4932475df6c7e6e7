import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// The ledger-file test catalog of core (a Yuan amount, a date, Chinese names): this package has no io-ts of its own.
import {
  income,
  ledgerText,
  sampleLines,
  sealedLines,
  testCatalog,
  testLine,
  village,
} from '../../core/src/kernel/ndjson/test-catalog.js';
import { runCli } from './cli.js';
import { InterruptedError, OutputClosedError } from './errors.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const cli = async (...argv: string[]): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    catalog: testCatalog,
    env: {},
  });
  return { code, stdout, stderr };
};

const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

const hash = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

const sample = ledgerText(sampleLines());
/** The sample as a store holds and exports it: each event with its chain hash. */
const sealed = ledgerText(sealedLines(sampleLines()));

/** A store holding the sample ledger. */
const sampleStore = async (): Promise<string> => {
  const store = join(dir, 'store.ndjson');
  expect((await cli('import', await file('sample.ndjson', sample), '--store', store)).code).toBe(0);
  return store;
};

describe('import', () => {
  it('imports a valid ledger and prints one summary line', async () => {
    const input = await file('in.ndjson', sample);
    const store = join(dir, 'store.ndjson');
    expect(await cli('import', input, '--store', store)).toEqual({
      code: 0,
      stdout: `imported 6 events in 4 streams into ${store}\n`,
      stderr: '',
    });
    expect(await readFile(store, 'utf8')).toBe(sealed);
  });

  it('refuses a ledger with a bad last line: exit 1, one line naming line and field, store unchanged', async () => {
    const store = await sampleStore();
    const before = await hash(store);
    const lines = [village(11, 'v003', '向阳村'), income(12, 'v003', '5.00'), income(13, 'v003', '12.345')];
    const result = await cli('import', await file('bad.ndjson', ledgerText(lines)), '--store', store);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: line 3: data.amount: expected a yuan amount with at most 2 decimals, got "12.345"\n',
    });
    expect(await hash(store)).toBe(before);
  });

  it('creates no store when the ledger is refused', async () => {
    const store = join(dir, 'new.ndjson');
    const result = await cli('import', await file('bad.ndjson', '{"oops"\n'), '--store', store);
    expect(result.code).toBe(1);
    expect(existsSync(store)).toBe(false);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('names an unknown event type', async () => {
    const lines = [...sampleLines().slice(0, 2), testLine(3, 'x-1', 'MoneyVanished', {})];
    const result = await cli('import', await file('in.ndjson', ledgerText(lines)), '--store', join(dir, 's.ndjson'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: line 3: type: unknown event type "MoneyVanished"\n');
  });

  it('names a line that is not JSON', async () => {
    const text = `${ledgerText(sampleLines().slice(0, 1))}{"streamId": "x-1", "type": \n`;
    const result = await cli('import', await file('in.ndjson', text), '--store', join(dir, 's.ndjson'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: line 2: \(line\): not valid JSON \(.+\)\n$/);
  });

  it('lists several problems on one error line, up to --max-errors', async () => {
    const lines = [income(1, 'v001', '1.001'), 'nope', income(3, 'v001', 'abc'), '[]'];
    const result = await cli('import', await file('in.ndjson', ledgerText(lines)), '--store', join(dir, 's.ndjson'), '--max-errors', '2');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^error: line 1: data\.amount: expected a yuan amount with at most 2 decimals, got "1\.001"; line 2: \(line\): not valid JSON.*; and 2 more problems$/,
      ) as string,
      '',
    ]);
  });

  it('refuses events already in the store, naming the line, and writes nothing', async () => {
    const store = await sampleStore();
    const before = await hash(store);
    const again = ledgerText([village(20, 'v009', '新村'), ...sampleLines().slice(2, 3)]);
    const result = await cli('import', await file('again.ndjson', again), '--store', store);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: line 2: metadata.eventId: event id 00000000-0000-4000-8000-000000000003 is already in the store\n',
    );
    expect(await hash(store)).toBe(before);
  });

  it('says which input file cannot be read', async () => {
    const result = await cli('import', join(dir, 'missing.ndjson'), '--store', join(dir, 's.ndjson'));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^error: cannot read .*missing\.ndjson: no such file/);
  });
});

describe('export', () => {
  it('round-trips: export, import into a new store, export again gives the same bytes', async () => {
    const store = await sampleStore();
    const first = await cli('export', '--store', store);
    expect(first).toEqual({ code: 0, stdout: sealed, stderr: '' });

    const copy = join(dir, 'copy.ndjson');
    expect((await cli('import', await file('exported.ndjson', first.stdout), '--store', copy)).code).toBe(0);
    const second = await cli('export', '--store', copy);
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes to --out, reporting on stderr, and refuses to overwrite the store', async () => {
    const store = await sampleStore();
    const out = join(dir, 'out.ndjson');
    const result = await cli('export', '--store', store, '--out', out);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `exported 6 events to ${out}\n` });
    expect(await readFile(out, 'utf8')).toBe(sealed);
    expect((await cli('export', '--store', store, '--out', store)).code).toBe(2);
  });

  it('refuses a ledger file changed since it was written before writing a line of it', async () => {
    const store = join(dir, 'store.ndjson');
    // More than a chunk of output ahead of the changed line: none of it may reach stdout.
    const many = Array.from({ length: 1_000 }, (_, i) => income(100 + i, 'v001', '1.00', '承包费'.repeat(20)));
    expect((await cli('import', await file('many.ndjson', ledgerText([...sampleLines(), ...many])), '--store', store)).code).toBe(0);
    const lines = (await readFile(store, 'utf8')).split('\n');
    await writeFile(store, [...lines.slice(0, -2), (lines.at(-2) ?? '').replace('"actor":"', '"actor":"x')].join('\n') + '\n');
    const result = await cli('export', '--store', store);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: .*store\.ndjson: line 1006: metadata\.hash: the chain is broken/);
  });

  it('says when the store does not exist', async () => {
    const missing = join(dir, 'none.ndjson');
    expect(await cli('export', '--store', missing)).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: no ledger at ${missing} (an import creates one)\n`,
    });
  });
});

describe('report events', () => {
  it('prints aligned columns with a header', async () => {
    const result = await cli('report', 'events', '--store', await sampleStore());
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'by            key                events',
        'type          IncomeRecorded          4',
        'type          VillageRegistered       2',
        'organization  v001                    4',
        'organization  v002                    2',
        'total                                 6',
        '',
      ].join('\n'),
    );
  });

  it('prints stable JSON, keys in the documented order', async () => {
    const result = await cli('report', 'events', '--store', await sampleStore(), '--format', 'json');
    expect(result.stdout).toBe(
      `${JSON.stringify(
        {
          report: 'events',
          asOf: null,
          village: null,
          total: 6,
          byType: [
            { type: 'IncomeRecorded', events: 4 },
            { type: 'VillageRegistered', events: 2 },
          ],
          byOrganization: [
            { organization: 'v001', events: 4 },
            { organization: 'v002', events: 2 },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('prints CSV with a header line', async () => {
    const result = await cli('report', 'events', '--store', await sampleStore(), '--format', 'csv');
    expect(result.stdout).toBe(
      'by,key,events\ntype,IncomeRecorded,4\ntype,VillageRegistered,2\norganization,v001,4\norganization,v002,2\ntotal,,6\n',
    );
  });

  it('keeps one village with --village and stops at a business date with --as-of', async () => {
    const store = await sampleStore();
    const village = await cli('report', 'events', '--store', store, '--village', 'v002', '--format', 'csv');
    expect(village.stdout).toBe('by,key,events\ntype,IncomeRecorded,1\ntype,VillageRegistered,1\norganization,v002,2\ntotal,,2\n');
    const before = await cli('report', 'events', '--store', store, '--as-of', '2024-03-14', '--format', 'json');
    expect(JSON.parse(before.stdout)).toMatchObject({ asOf: '2024-03-14', total: 0 });
    expect((await cli('report', 'events', '--store', store, '--as-of', '2024-02-30')).code).toBe(2);
  });

  it('refuses a village no event names, and one whose events all come after --as-of, saying when they start', async () => {
    const store = await sampleStore();
    expect(await cli('report', 'events', '--store', store, '--village', 'nosuch')).toEqual({ code: 2, stdout: '', stderr: 'error: --village: no village nosuch is registered\n' });
    expect(await cli('report', 'events', '--store', store, '--village', 'v002', '--as-of', '2024-03-14')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --village: the village v002 exists, but its first event is on 2024-03-15, after 2024-03-14\n',
    });
  });

  it('refuses the options it does not take, saying why or whose they are', async () => {
    const store = await sampleStore();
    for (const [option, stderr] of [
      [['--year', '2024'], 'error: --year is not an option of events: it counts events up to a date; give --as-of\n'],
      [['--township', 't01'], 'error: --township is not an option of events: it counts the events of one village (--village) or of all\n'],
      [['--basis', 'total'], 'error: --basis is not an option of events: it is an option of income-tiers\n'],
      [['--since', '2024-01-01'], 'error: --since is not an option of events: it is an option of resource-income\n'],
    ] as const) {
      expect(await cli('report', 'events', '--store', store, ...option)).toEqual({ code: 2, stdout: '', stderr });
    }
  });

  it('refuses an unknown report or format as a usage error', async () => {
    const store = await sampleStore();
    expect(await cli('report', 'nope', '--store', store)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown report "nope" (reports: events, accounts, trial-balance, balance-sheet, income-statement, income-tiers, members, assets, appreciation, resource-income, shares, dividends, distribution, debts, contracts, contract-cleanup, arrears, land-transfers, household-income, warnings)\n',
    });
    expect((await cli('report', 'events', '--store', store, '--format', 'xml')).stderr).toBe(
      'error: --format must be table, json or csv, got "xml"\n',
    );
  });
});

describe('command line', () => {
  it.each([[], ['import'], ['export'], ['report']])('--help %j prints usage on stdout and exits 0', async (...command) => {
    for (const flag of ['--help', '-h']) {
      const result = await cli(...command, flag);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/Usage: collective-ledger/);
    }
  });

  it('lists the reports in report --help', async () => {
    expect((await cli('report', '--help')).stdout).toMatch(/\n {2}events +event counts by type and by organization\n/);
  });

  it('refuses an unknown option with exit 2 and one line on stderr', async () => {
    expect(await cli('import', 'x.ndjson', '--store', 's.ndjson', '--nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown option --nope (see: collective-ledger import --help)\n',
    });
    expect((await cli('--nope')).stderr).toBe('error: unknown option --nope (see: collective-ledger --help)\n');
  });

  it('refuses an unknown command, a missing command, a missing argument or value', async () => {
    expect(await cli('balance')).toEqual({ code: 2, stdout: '', stderr: 'error: unknown command balance (commands: import, export, report, project, verify, seal)\n' });
    expect((await cli()).code).toBe(2);
    expect((await cli('import', '--store', 's.ndjson')).stderr).toBe(
      'error: import needs <file.ndjson> (see: collective-ledger import --help)\n',
    );
    expect((await cli('export')).stderr).toBe('error: export needs --store (see: collective-ledger export --help)\n');
    expect((await cli('export', '--store')).stderr).toBe(
      'error: option --store needs a value (see: collective-ledger export --help)\n',
    );
  });

  it('names a store kind it does not know, without repeating the URL', async () => {
    const result = await cli('report', 'events', '--store', 'mongodb://ledger:secret@db:27017');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: --store: unknown store kind mongodb://; give a postgres:// URL, an esdb:// URL (EventStoreDB), a directory (PGlite) or an .ndjson ledger file\n',
    );
    const papers = join(dir, 'papers');
    await mkdir(papers, { recursive: true });
    await writeFile(join(papers, 'notes.txt'), '账簿\n');
    expect((await cli('export', '--store', papers)).stderr).toMatch(/papers is a directory but not a PGlite database/);
  });

  it('names a PGlite directory whose creation a crash interrupted (an older version), and says what to do', async () => {
    const books = join(dir, 'half-made');
    await mkdir(join(books, 'base'), { recursive: true });
    await writeFile(join(books, 'postgresql.conf'), '');
    const result = await cli('export', '--store', books);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: --store: ${books} is an unfinished PGlite database (no PG_VERSION: its creation was interrupted by a crash, in an older version); it holds no events: delete ${books} and import again\n`,
    );
  });

  it('reads a directory that does not exist as a PGlite store that is not there yet', async () => {
    const result = await cli('export', '--store', join(dir, 'no-such-books'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: no ledger at .*no-such-books \(an import creates one\)\n$/);
  });

  it('prints a stack trace only with COLLECTIVE_LEDGER_DEBUG=1', async () => {
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, catalog: testCatalog };
    await runCli(['export', '--store', join(dir, 'none.ndjson')], { ...io, env: { COLLECTIVE_LEDGER_DEBUG: '1' } });
    expect(stderr).toMatch(/^error: no ledger at .*\nLedgerNotFoundError: .*\n\s+at /);
  });
});

describe('stopping', () => {
  it('stops quietly with success when stdout is closed, and releases the store', async () => {
    const store = await sampleStore();
    const controller = new AbortController();
    let stderr = '';
    const stuck = {
      write: () => {
        // The reader went away: the pipe never drains, and the process learns it from an EPIPE.
        setTimeout(() => {
          controller.abort(new OutputClosedError());
        }, 1);
        return false;
      },
      once: () => undefined,
    };
    const io = { stdout: stuck, stderr: { write: (t: string) => (stderr += t) }, catalog: testCatalog, env: {} };
    expect(await runCli(['export', '--store', store], { ...io, signal: controller.signal })).toBe(0);
    expect(stderr).toBe('');
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it('exits 130 on Ctrl-C, leaving the store unchanged', async () => {
    const store = await sampleStore();
    const before = await hash(store);
    const controller = new AbortController();
    controller.abort(new InterruptedError());
    let stderr = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, catalog: testCatalog };
    const input = await file('more.ndjson', ledgerText([village(30, 'v030', '新村')]));
    expect(await runCli(['import', input, '--store', store], { ...io, env: {}, signal: controller.signal })).toBe(130);
    expect(stderr).toBe('error: interrupted\n');
    expect(await hash(store)).toBe(before);
  });
});
