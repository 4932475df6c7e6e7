import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, statementLedgers } from './reports/test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(async () => {
  await ledgers.remove();
});

/** The closed ledger with `change` applied to its lines, written beside it. */
const changed = async (name: string, change: (lines: string[]) => string[]): Promise<string> => {
  const lines = (await readFile(ledgers.closed, 'utf8')).trimEnd().split('\n');
  const path = ledgers.closed.replace('closed.ndjson', name);
  await writeFile(path, `${change(lines).join('\n')}\n`);
  return path;
};

const isVoucher = (line: string, voucherNo: string): boolean => line.includes('"type":"VoucherPosted"') && line.includes(`"voucherNo":"${voucherNo}"`);

describe('collective-ledger verify', () => {
  it('finds nothing in books written by the commands, and says how much it read', async () => {
    const result = await cli('verify', '--store', ledgers.closed);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^seal: \d+:sha256:[0-9a-f]{64}\n\d+ events in \d+ streams: 0 rules broken, 0 warnings\n$/);
  });

  it('finds a voucher of a closed year whose amount was edited on both lines, naming the stream, position, rule and values', async () => {
    const edited = await changed('edited.ndjson', (lines) => {
      const i = lines.findIndex((l) => isVoucher(l, '记-2'));
      const amount = /"amount":"([\d.]+)"/.exec(lines[i] ?? '')?.[1] ?? '';
      return lines.map((l, j) => (j === i ? l.replaceAll(`"amount":"${amount}"`, '"amount":"1.00"') : l));
    });
    const result = await cli('verify', '--store', edited, '--format', 'json');
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as { errors: number; findings: { severity: string; streamId: string; rule: string; type: string; streamPosition: number; message: string }[] };
    expect(found.errors).toBe(2);
    expect(found.findings[0]).toMatchObject({ severity: 'error', rule: 'CHAIN_BROKEN', type: 'VoucherPosted', streamPosition: 1 });
    expect(found.findings[1]).toMatchObject({ severity: 'error', rule: 'YEAR_CLOSE_MISMATCH', type: 'YearClosed' });
    expect(found.findings[1]?.message).toMatch(/^the close of 20\d\d of \S+: data\.\S+: recorded "[\d.-]+", the rules give "[\d.-]+"$/);
  });

  it('lists a gap in voucher numbers as a warning and exits 3 when nothing else is found', async () => {
    // Renumber the last voucher of a village's year past a gap, in books kept before hashes (unsealed, so no chain to break):
    // the books still hold, the numbering does not.
    const gap = await changed('gap.ndjson', (plain) => {
      const lines = plain.map((l) => l.replace(/,"hash":"sha256:[0-9a-f]{64}"/, ''));
      const i = lines.findIndex((l) => l.includes('"type":"YearClosed"'));
      const before = lines.slice(0, i).map((l, k) => [l, k] as const).filter(([l]) => l.includes('"type":"VoucherPosted"') && l.includes('"voucherNo":"记-'));
      const j = before.at(-1)?.[1];
      return lines.map((l, k) => (k === j ? l.replace(/"voucherNo":"记-(\d+)"/, '"voucherNo":"记-900"') : l));
    });
    const result = await cli('verify', '--store', gap);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^severity +stream +position +global +event +rule +found\nwarning +ledger-v-2022 +VOUCHER_NUMBER_GAP +2022 of v: \d+ numbers? of the series 记- missing: /);
    expect(result.stdout).toMatch(/\nseal: \d+:sha256:[0-9a-f]{64} \(\d+ events stored before hashes, unsealed\)\n\d+ events in \d+ streams: 0 rules broken, 1 warning\n$/);
  });

  it('refuses a format it does not know', async () => {
    expect(await cli('verify', '--store', ledgers.closed, '--format', 'csv')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --format must be table or json for verify, got "csv"\n',
    });
  });
});

describe('collective-ledger seal', () => {
  it('prints a seal that verify takes: a shorter ledger\'s seal passes (the books only grew), another ledger\'s fails', async () => {
    const lines = (await readFile(ledgers.closed, 'utf8')).trimEnd().split('\n');
    const shorter = await changed('shorter.ndjson', (all) => all.slice(0, all.length - 2));
    const sealed = await cli('seal', '--store', shorter);
    expect(sealed.code).toBe(0);
    const [token = '', summary] = sealed.stdout.trimEnd().split('\n');
    expect(token).toMatch(new RegExp(`^${lines.length - 2}:sha256:[0-9a-f]{64}$`));
    expect(summary).toMatch(/^\d+ events in \d+ streams$/);
    const grown = await cli('verify', '--store', ledgers.closed, '--seal', token);
    expect(grown.code).toBe(0);
    expect(grown.stdout).toContain(`the books up to the seal (${lines.length - 2} events) are unchanged; 2 events recorded since\n`);
    const other = await cli('seal', '--store', ledgers.open);
    const against = await cli('verify', '--store', ledgers.closed, '--seal', other.stdout.split('\n')[0] ?? '');
    expect(against.code).toBe(1);
    expect(against.stdout).toMatch(/SEAL_MISMATCH +the books up to the seal's \d+ events give sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}: they were changed since it was taken\n/);
  });

  it('refuses a seal that is not one', async () => {
    expect(await cli('verify', '--store', ledgers.closed, '--seal', 'abc')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --seal must be a seal as collective-ledger seal prints it, <events>:sha256:<64 hex digits>, got "abc"\n',
    });
  });
});
