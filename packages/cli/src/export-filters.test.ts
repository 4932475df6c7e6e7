import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, recordedLedgers, report } from './reports/test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;
let n = 0;

beforeAll(async () => {
  ledgers = await recordedLedgers();
});

afterAll(() => ledgers.remove());

const exported = async (...filters: string[]): Promise<string> => {
  const result = await cli('export', '--store', ledgers.amended, ...filters);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

/** `text` imported into a new, empty file store; its path. */
const importedStore = async (text: string): Promise<string> => {
  const source = join(ledgers.dir, `filtered-${(n += 1)}.ndjson`);
  await writeFile(source, text);
  const store = join(ledgers.dir, `store-${n}.ndjson`);
  const result = await cli('import', source, '--store', store);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return store;
};

const streamsOf = (text: string): string[] => [...new Set(text.trimEnd().split('\n').map((line) => (JSON.parse(line) as { streamId: string }).streamId))];

describe('export filters', () => {
  it('--to-position and --recorded-before write the log as it stood: the signed ledger, byte for byte', async () => {
    const signed = await readFile(ledgers.signed, 'utf8');
    expect(await exported('--to-position', String(ledgers.signedEvents))).toBe(signed);
    expect(await exported('--recorded-before', ledgers.lateAt)).toBe(signed);
    expect(await exported('--to-position', '0')).toBe('');
  });

  it('--village keeps the village, its township and district registrations; imported alone it reports the village the same', async () => {
    const text = await exported('--village', 'v');
    expect(streamsOf(text)).toEqual(['organization-d', 'organization-t', 'organization-v', 'chart-v', 'ledger-v-2022', 'ledger-v-2023']);
    const store = await importedStore(text);
    for (const asked of [
      ['balance-sheet', '--year', '2023', '--village', 'v', '--format', 'json'],
      ['trial-balance', '--year', '2023', '--village', 'v'],
      ['income-tiers', '--year', '2023', '--village', 'v', '--format', 'csv'],
    ]) {
      const [name = '', ...options] = asked;
      expect(await report(name, store, ...options)).toBe(await report(name, ledgers.amended, ...options));
    }
    // And a second export of what was imported gives the same bytes again.
    expect((await cli('export', '--store', store)).stdout).toBe(text);
  });

  it('--year keeps the fiscal years up to it; --as-of the events dated up to a day; together, both', async () => {
    expect(streamsOf(await exported('--year', '2022')).filter((s) => s.startsWith('ledger-'))).toEqual(['ledger-v-2022']);
    const march = await exported('--as-of', '2023-03-31');
    const store = await importedStore(march);
    expect(await report('trial-balance', store, '--as-of', '2023-03-31', '--format', 'json')).toBe(
      await report('trial-balance', ledgers.amended, '--as-of', '2023-03-31', '--format', 'json'),
    );
    const both = await exported('--village', 'w', '--year', '2023', '--as-of', '2023-03-31', '--to-position', '1000');
    expect(both.trimEnd().split('\n').map((line) => (JSON.parse(line) as { streamId: string; type: string }).type)).toEqual([
      'OrganizationRegistered',
      'OrganizationRegistered',
      'OrganizationRegistered',
      'VoucherPosted',
    ]);
  });

  it('writes a filtered export to --out, counting the events it kept', async () => {
    const out = join(ledgers.dir, 'village-w.ndjson');
    const result = await cli('export', '--store', ledgers.amended, '--village', 'w', '--out', out);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `exported 5 events to ${out}\n` });
  });

  it.each([
    [['--village', 'x'], 'error: --village: no village x is registered'],
    [['--village', 't'], 'error: --village: t is a township, not a village'],
    [['--year', '23'], 'error: --year: expected a four-digit year from 1949 to 2100, got "23"'],
    [['--year', '-1'], 'error: --year: expected a four-digit year from 1949 to 2100, got "-1"'],
    [['--to-position', '-1'], 'error: --to-position must be a global position, a whole number 0 or more, got "-1"'],
    [['--as-of', '2023-02-30'], 'error: --as-of: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "2023-02-30"'],
    [['--to-position', 'first'], 'error: --to-position must be a global position, a whole number 0 or more, got "first"'],
    [['--recorded-before', '2024-01-15 08:00'], 'error: --recorded-before must be a timestamp with seconds and a zone, e.g. 2024-03-31T18:00:00+08:00 or 2024-03-31T10:00:00Z, got "2024-01-15 08:00"'],
  ])('refuses %j with exit 2, writing nothing', async (filter, message) => {
    const out = join(ledgers.dir, `refused-${(n += 1)}.ndjson`);
    expect(await cli('export', '--store', ledgers.amended, ...filter)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    expect((await cli('export', '--store', ledgers.amended, ...filter, '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
