import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolFake } from '@collective-ledger/testing/protocol-fake';
import { cli, recordedLedgers, report } from './reports/test-ledgers.js';

// The hand-worked books, imported into EventStoreDB (here the protocol fake) and read from the ledger file.
let fake: ProtocolFake;
let ledgers: Awaited<ReturnType<typeof recordedLedgers>>;

beforeAll(async () => {
  fake = await ProtocolFake.start();
  ledgers = await recordedLedgers();
  const imported = await cli('import', ledgers.amended, '--store', fake.url);
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await ledgers.remove();
  await fake.stop();
});

describe('--store esdb://', () => {
  it.each([
    ['balance-sheet', '--as-of', '2023-06-30', '--village', 'v', '--format', 'json'],
    ['trial-balance', '--year', '2023', '--format', 'csv'],
    ['income-tiers', '--year', '2023', '--lang', 'en'],
    ['events', '--format', 'json'],
  ])('report %s gives the bytes the ledger file gives', { timeout: 60_000 }, async (name, ...options) => {
    expect(await report(name, fake.url, ...options)).toBe(await report(name, ledgers.amended, ...options));
  });

  it('exports the ledger it was given, byte for byte, hashes and all, and verify finds nothing wrong', { timeout: 60_000 }, async () => {
    const exported = await cli('export', '--store', fake.url);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(ledgers.amendedText);
    const verified = await cli('verify', '--store', fake.url);
    expect([verified.code, verified.stderr]).toEqual([0, '']);
  });

  it('replays as recorded before a moment, as the file does', { timeout: 60_000 }, async () => {
    const options = ['--year', '2023', '--format', 'csv', '--recorded-before', ledgers.lateAt];
    expect(await report('trial-balance', fake.url, ...options)).toBe(await report('trial-balance', ledgers.signed, '--year', '2023', '--format', 'csv'));
  });

  it('says in one line that a server is not reachable, naming it', { timeout: 60_000 }, async () => {
    const down = await ProtocolFake.start();
    const url = down.url;
    await down.stop();
    const result = await cli('report', 'events', '--store', url);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^error: EventStoreDB at ${url.replace(/[?.]/g, '\\$&')} is not reachable: .+\\n$`));
  });
});
