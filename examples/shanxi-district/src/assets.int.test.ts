import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@collective-ledger/cli';
import { buildDistrictBooks, ledgerText } from './books.js';

let dir = '';
let store = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shanxi-assets-'));
  store = join(dir, 'ledger.ndjson');
  await writeFile(store, await ledgerText(await buildDistrictBooks()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `report <name> --store <ledger> ...options --format json`, in-process, parsed. */
const report = async <T>(name: string, ...options: string[]): Promise<T> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', name, '--store', store, '--format', 'json', ...options], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  expect([code, stderr]).toEqual([0, '']);
  return JSON.parse(stdout) as T;
};

interface Composition {
  readonly name: string | null;
  readonly fixedAssets: Record<'operating' | 'nonOperating' | 'total', { readonly count: number; readonly cost: string; readonly net: string }>;
  readonly longTermInvestments: { readonly count: number; readonly amount: string };
  readonly totalAssets: string;
  readonly ledger: { readonly agrees: boolean };
}

interface AssetsJson {
  readonly total: Composition;
  readonly villages: readonly Composition[];
}

describe('the Shanxi district example: collective assets', () => {
  it('reproduces the article on 30 June 2022: 6,451,000,000.00 in all, 2,288,000,000.00 non-operating and 444,000,000.00 operating fixed assets at cost', async () => {
    const { total } = await report<AssetsJson>('assets', '--as-of', '2022-06-30');
    expect(total.name).toBe('示范郊区');
    expect(total.totalAssets).toBe('6451000000.00');
    expect(total.fixedAssets.nonOperating.cost).toBe('2288000000.00');
    expect(total.fixedAssets.operating.cost).toBe('444000000.00');
    expect(total.ledger.agrees).toBe(true);
  });

  it('reports 39,770,500.00 of 2022 income from the resources the stock-take found', async () => {
    const income = await report<{ total: { newlyIdentified: { resources: number; income: string } } }>('resource-income', '--year', '2022');
    expect(income.total.newlyIdentified.income).toBe('39770500.00');
    expect(income.total.newlyIdentified.resources).toBeGreaterThan(0);
    const firstHalf = await report<typeof income>('resource-income', '--year', '2022', '--as-of', '2022-06-30');
    expect(firstHalf.total.newlyIdentified.income).toBe('39770500.00');
  });

  it('holds the single villages: the farmhouses revitalised for the clothing workshop, the stake in the property company', async () => {
    const before = await report<AssetsJson>('assets', '--as-of', '2022-02-28', '--village', 'v-0401');
    const after = await report<AssetsJson>('assets', '--as-of', '2022-03-31', '--village', 'v-0401');
    // 程家坪村's idle farmhouses (1,860,000.00 at cost) move from non-operating to operating on 1 March.
    const moved = (c: Composition): bigint => BigInt(c.fixedAssets.operating.cost.replace('.', ''));
    expect(moved(after.total) - moved(before.total)).toBe(186_000_000n);
    expect(after.total.fixedAssets.total.cost).toBe(before.total.fixedAssets.total.cost);
    const property = await report<AssetsJson>('assets', '--as-of', '2022-06-30', '--village', 'v-0402');
    expect(property.total.longTermInvestments).toEqual({ count: 1, amount: '3000000.00' });
  });

  it('computes the year’s value preservation and appreciation, with the subsidies and donations of the autumn as objective increases', async () => {
    const { total } = await report<{ total: { increases: Record<string, string>; rate: { display: string } | null; verdict: string | null } }>('appreciation', '--year', '2022');
    expect(total.increases['donations']).toBe('180000.00');
    expect(BigInt(total.increases['subsidies']?.replace('.', '') ?? '0')).toBeGreaterThan(0n);
    expect(total.rate?.display).toMatch(/^\d+\.\d%$/);
    expect(total.verdict).not.toBeNull();
  });
});
