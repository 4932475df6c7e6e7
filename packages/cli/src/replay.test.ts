import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, recordedLedgers, report } from './reports/test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;

beforeAll(async () => {
  ledgers = await recordedLedgers();
});

afterAll(() => ledgers.remove());

const asked: readonly (readonly string[])[] = [
  ['balance-sheet', '--as-of', '2023-06-30', '--village', 'v'],
  ['trial-balance', '--year', '2023', '--format', 'json'],
  ['income-statement', '--year', '2023', '--format', 'csv', '--lang', 'en'],
  ['income-tiers', '--year', '2023', '--format', 'json'],
  ['events'],
];

describe('report --to-position and --recorded-before: the books as they stood when the statements were signed', () => {
  it.each(asked)('%s: a voucher dated back into March changes it, and the two options give the signed figures again', async (name, ...options) => {
    const signed = await report(name, ledgers.signed, ...options);
    const amended = await report(name, ledgers.amended, ...options);
    expect(amended).not.toBe(signed);
    expect(await report(name, ledgers.amended, ...options, '--to-position', String(ledgers.signedEvents))).toBe(signed);
    expect(await report(name, ledgers.amended, ...options, '--recorded-before', ledgers.lateAt)).toBe(signed);
    // 08:00 UTC is 16:00 in Beijing: the same moment in another zone.
    const beijing = ledgers.lateAt.replace(/T(\d\d)/, (_, hour: string) => `T${String(Number(hour) + 8).padStart(2, '0')}`).replace('Z', '+08:00');
    expect(await report(name, ledgers.amended, ...options, '--recorded-before', beijing)).toBe(signed);
    expect(await report(name, ledgers.amended, ...options, '--to-position', String(ledgers.signedEvents + 1))).toBe(amended);
  });

  it('cuts the log at a position: --to-position 0 counts no events', async () => {
    const json = JSON.parse(await report('events', ledgers.amended, '--format', 'json', '--to-position', '0')) as { total: number };
    expect(json.total).toBe(0);
  });

  it.each([
    ['--recorded-before', '2024-01-15', 'error: --recorded-before must be a timestamp with seconds and a zone, e.g. 2024-03-31T18:00:00+08:00 or 2024-03-31T10:00:00Z, got "2024-01-15"'],
    ['--recorded-before', '2024-01-15T08:00:00', 'error: --recorded-before must be a timestamp with seconds and a zone, e.g. 2024-03-31T18:00:00+08:00 or 2024-03-31T10:00:00Z, got "2024-01-15T08:00:00"'],
    ['--recorded-before', '2024-02-30T08:00:00Z', 'error: --recorded-before must be a timestamp with seconds and a zone, e.g. 2024-03-31T18:00:00+08:00 or 2024-03-31T10:00:00Z, got "2024-02-30T08:00:00Z"'],
    ['--to-position', '-1', 'error: --to-position must be a global position, a whole number 0 or more, got "-1"'],
    ['--to-position', '12.5', 'error: --to-position must be a global position, a whole number 0 or more, got "12.5"'],
    ['--to-position', 'last', 'error: --to-position must be a global position, a whole number 0 or more, got "last"'],
  ])('refuses %s %s with exit 2, naming the option and the value', async (option, value, message) => {
    const result = await cli('report', 'events', '--store', ledgers.amended, `${option}=${value}`);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('lists both options in report --help', async () => {
    const help = (await cli('report', '--help')).stdout;
    expect(help).toContain('--recorded-before <timestamp>');
    expect(help).toContain('--to-position <n>');
  });
});
