import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@collective-ledger/cli';
import { buildDistrictBooks, ledgerText } from './books.js';

interface Count {
  readonly count: number;
  readonly share: { readonly numerator: string; readonly denominator: string; readonly percent: string } | null;
  readonly percent: string | null;
}

interface TiersJson {
  readonly district: {
    readonly name: string;
    readonly villages: number;
    readonly atOrAbove: readonly (Count & { readonly threshold: string })[];
    readonly weak: Count;
    readonly shell: Count;
  };
  readonly townships: readonly { readonly name: string; readonly villages: number; readonly atOrAbove: readonly Count[] }[];
  readonly villages: readonly { readonly name: string; readonly income: string; readonly tier: string; readonly weak: boolean; readonly shell: boolean }[];
}

let dir = '';
let store = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shanxi-district-'));
  store = join(dir, 'ledger.ndjson');
  await writeFile(store, await ledgerText(await buildDistrictBooks()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const report = async (...argv: string[]): Promise<string> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', 'income-tiers', '--store', store, '--year', '2022', ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
};

const tiers = async (...argv: string[]): Promise<TiersJson> => JSON.parse(await report('--format', 'json', ...argv)) as TiersJson;

describe('the Shanxi district example, 2022', () => {
  it('reproduces the article: 32 (34.0%), 57 (60.6%) and 92 (97.9%) of 94 villages', async () => {
    const { district } = await tiers();
    expect(district.villages).toBe(94);
    expect(district.atOrAbove.map((t) => [t.threshold, t.count, t.percent])).toEqual([
      ['100000.00', 92, '97.9%'],
      ['500000.00', 57, '60.6%'],
      ['1000000.00', 32, '34.0%'],
    ]);
    expect(district.atOrAbove[2]?.share).toEqual({ numerator: '32', denominator: '94', percent: '34.0' });
    expect([district.weak.count, district.shell.count]).toEqual([2, 1]);
  });

  it('holds the article’s single villages, computed from their vouchers', async () => {
    const byName = new Map((await tiers()).villages.map((v) => [v.name, v]));
    expect(BigInt(byName.get('桃花沟村')?.income.replace('.', '') ?? '0')).toBeGreaterThan(5_000_000_000n);
    expect(byName.get('南岭村')).toMatchObject({ income: '150000.00', tier: '100000.00' });
    expect(byName.get('新民村')?.tier).toBe('500000.00');
    expect(byName.get('程家坪村')?.tier).toBe('100000.00');
  });

  it('rolls the 94 villages up into six townships', async () => {
    const { townships } = await tiers();
    expect(townships.map((t) => [t.name, t.villages])).toEqual([
      ['东坪镇', 16],
      ['桃源镇', 16],
      ['红岭乡', 16],
      ['河湾镇', 16],
      ['西山乡', 15],
      ['北川乡', 15],
    ]);
    const sum = (i: number): number => townships.reduce((n, t) => n + (t.atOrAbove[i]?.count ?? 0), 0);
    expect([sum(0), sum(1), sum(2)]).toEqual([92, 57, 32]);
  });

  it('counts at least as many villages on the total basis, which adds subsidies and other income', async () => {
    const operating = await tiers();
    const total = await tiers('--basis', 'total');
    total.district.atOrAbove.forEach((t, i) => {
      expect(t.count).toBeGreaterThanOrEqual(operating.district.atOrAbove[i]?.count ?? 0);
    });
    expect(total.district.shell.count).toBe(0);
  });

  it('prints the statistic as a table', async () => {
    const table = await report();
    expect(table).toContain('村集体经济收入分档 2022年度');
    expect(table).toMatch(/示范郊区\s+94\s+32\s+34\.0%\s+57\s+60\.6%\s+92\s+97\.9%/);
  });
});
