import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built `collective-ledger` binary, as a user would. */
const cli = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { ...process.env, COLLECTIVE_LEDGER_DEBUG: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });

const PARENT_OF: Readonly<Record<string, string | undefined>> = { district: undefined, township: 'd01', village: 't01' };

const line = (n: number, id: string, kind: string, name: string): string =>
  `${JSON.stringify({
    streamId: `organization-${id}`,
    type: 'OrganizationRegistered',
    data: { organizationId: id, kind, code: `11010100${n}`, name, ...(PARENT_OF[kind] === undefined ? {} : { parentId: PARENT_OF[kind] }) },
    metadata: {
      eventId: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
      occurredOn: '2024-01-02',
      recordedAt: '2024-01-02T08:00:00.000Z',
      actor: '会计',
      schemaVersion: 1,
    },
  })}\n`;

/** A posted voucher of the real catalog, with its amounts given as text. */
const voucher = (n: number, debit: string, credit: string): string =>
  `${JSON.stringify({
    streamId: 'ledger-v001-2024',
    type: 'VoucherPosted',
    data: {
      organizationId: 'v001',
      voucherNo: `记-${n}`,
      date: '2024-03-15',
      summary: '收到土地发包租金',
      lines: [
        { account: '102', side: 'debit', amount: debit },
        { account: '501', side: 'credit', amount: credit },
      ],
    },
    metadata: {
      eventId: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
      occurredOn: '2024-03-15',
      actor: '会计',
      schemaVersion: 1,
    },
  })}\n`;

const hash = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

let dir = '';
let store = '';

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` before the int tests`);
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-bin-'));
  store = join(dir, 'store.ndjson');
  const input = join(dir, 'villages.ndjson');
  await writeFile(input, line(0, 'd01', 'district', '示范区') + line(1, 't01', 'township', '城关镇') + line(2, 'v001', 'village', '东风村'));
  const result = await cli('import', input, '--store', store);
  expect(result).toEqual({ code: 0, stdout: `imported 3 events in 3 streams into ${store}\n`, stderr: '' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the built collective-ledger binary', () => {
  it('refuses a bad ledger with one line on stderr and leaves the store unchanged', async () => {
    const before = await hash(store);
    const bad = join(dir, 'bad.ndjson');
    const wrongDate = line(4, 'v003', 'village', '向阳村').replace('"occurredOn":"2024-01-02"', '"occurredOn":"2023-02-30"');
    await writeFile(bad, line(3, 'v002', 'village', '红旗村') + wrongDate);
    const result = await cli('import', bad, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: line 2: metadata.occurredOn: expected a date YYYY-MM-DD, got "2023-02-30"\n');
    expect(await hash(store)).toBe(before);
    expect(existsSync(`${store}.lock`)).toBe(false);
  });

  it.each([
    ['bad JSON', `${voucher(10, '5.00', '5.00')}{"streamId": "ledger-v001-2024", "type": \n`, 'error: line 2: (line): '],
    ['an unknown event type', voucher(10, '5.00', '5.00').replace('VoucherPosted', 'VoucherInvented'), 'error: line 1: type: unknown event type "VoucherInvented"'],
    ['a bad amount', voucher(10, '5.00', '5.00') + voucher(11, '12.345', '12.345'), 'error: line 2: data.lines[0].amount: expected a yuan amount with at most 2 decimals, got "12.345"'],
    ['an unbalanced voucher', voucher(10, '100.00', '99.99'), 'error: line 1: data.lines: debits 100.00 differ from credits 99.99'],
  ])('refuses a ledger with %s, naming the line and field, and imports nothing', async (_label, text, message) => {
    const before = await hash(store);
    const bad = join(dir, 'malformed.ndjson');
    await writeFile(bad, text);
    const result = await cli('import', bad, '--store', store);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await hash(store)).toBe(before);
  });

  it('prints the events report', async () => {
    const result = await cli('report', 'events', '--store', store, '--format', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      report: 'events',
      asOf: null,
      village: null,
      total: 3,
      byType: [{ type: 'OrganizationRegistered', events: 3 }],
      byOrganization: [
        { organization: 'd01', events: 1 },
        { organization: 't01', events: 1 },
        { organization: 'v001', events: 1 },
      ],
    });
  });

  it('exits 2 on an unknown option', async () => {
    expect(await cli('export', '--store', store, '--nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: unknown option --nope (see: collective-ledger export --help)\n',
    });
  });
});
