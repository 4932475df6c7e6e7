import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dividendsReport, runCli } from '@collective-ledger/cli';
import { coreCatalog, type InMemoryEventStore } from '@collective-ledger/core';
import { buildCooperativeBooks, ledgerText } from './books.js';
import { SEED, VILLAGE } from './cooperative.js';
import { plannedHouseholds } from './members.js';
import { seeded } from './random.js';
import { vouchersOf2023 } from './vouchers.js';

interface DividendsJson {
  readonly pool: string;
  readonly weightedShares: string;
  readonly retained: string;
  readonly totals: { readonly dividend: string; readonly paid: string; readonly unpaid: string };
  readonly members: readonly { readonly memberId: string; readonly weightedShares: string; readonly dividend: string; readonly unpaid: string }[];
}

let dir = '';
let ledger = '';
let store: InMemoryEventStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'share-cooperative-'));
  ledger = join(dir, 'ledger.ndjson');
  store = await buildCooperativeBooks();
  await writeFile(ledger, await ledgerText(store));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const report = async (...argv: string[]): Promise<string> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', ...argv, '--store', ledger, '--village', VILLAGE, '--year', '2023'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
  });
  if (code !== 0) throw new Error(stderr);
  return stdout;
};

const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
/** a × p / q half-up, in whole fen: computed here, apart from the library. */
const halfUp = (a: bigint, p: bigint, q: bigint): bigint => (a * p * 2n + q) / (2n * q);

describe('the share-cooperative example', () => {
  it('has a few hundred members in households', () => {
    const members = plannedHouseholds(SEED).flatMap((h) => h.members);
    expect(members.length).toBeGreaterThan(300);
  });

  it('distributes the closed year: a 20% reserve of the net income, then 60% of what is left as the pool', async () => {
    const lines = vouchersOf2023(seeded(SEED + 1)).flatMap((v) => v.lines);
    const net = lines.reduce((sum, l) => (['501', '502'].includes(l.account) ? sum + fen(l.amount) : ['511', '513'].includes(l.account) ? sum - fen(l.amount) : sum), 0n);
    const reserve = halfUp(net, 20n, 100n);
    const pool = halfUp(net - reserve, 60n, 100n);
    const statement = JSON.parse(await report('distribution', '--format', 'json')) as { lines: { key: string; amount: string }[]; undistributed: string };
    const amount = (key: string) => fen(statement.lines.find((l) => l.key === key)?.amount ?? 'missing');
    expect([amount('netIncome'), amount('distributable'), amount('reserve'), amount('welfare')]).toEqual([net, net, reserve, 3_000_000n]);
    const dividends = JSON.parse(await report('dividends', '--format', 'json')) as DividendsJson;
    expect(fen(dividends.pool)).toBe(pool);
    expect(amount('dividends') + fen(dividends.retained)).toBe(pool);
    expect(fen(statement.undistributed)).toBe(net - reserve - 3_000_000n - amount('dividends'));
  });

  it('gives every member a dividend within one fen of their share of the pool, adding up exactly', async () => {
    const dividends = JSON.parse(await report('dividends', '--format', 'json')) as DividendsJson;
    const pool = fen(dividends.pool);
    // Weighted shares in tenths of a share: every share of the register has at most one decimal.
    const tenths = (s: string): bigint => {
      const [whole = '0', part = ''] = s.split('.');
      return BigInt(whole) * 10n + BigInt(part.padEnd(1, '0'));
    };
    const total = tenths(dividends.weightedShares);
    let sum = fen(dividends.retained);
    for (const m of dividends.members) {
      const gap = fen(m.dividend) * total - pool * tenths(m.weightedShares);
      expect(gap < total && -gap < total).toBe(true);
      sum += fen(m.dividend);
    }
    expect(sum).toBe(pool);
    expect(fen(dividends.totals.unpaid)).toBe(dividends.members.reduce((s, m) => s + fen(m.unpaid), 0n));
    expect(fen(dividends.totals.unpaid)).toBeGreaterThan(0n);
  });

  it('prints byte-identical dividends JSON from the NDJSON ledger and from the store it was built in', async () => {
    const fromFile = await report('dividends', '--format', 'json');
    const fromMemory = await dividendsReport.run(store, coreCatalog, { village: VILLAGE, year: 2023, lang: 'zh', format: 'json' });
    expect(fromFile).toBe(fromMemory);
  });
});
