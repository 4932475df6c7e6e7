import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreCatalog, writeLedger } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The share books of core's tests (a test helper of core's sources), built with core's services.
import { booksOf2023, plan, type TestShares } from '../../../core/src/domain/shares/test-shares.js';
import { dividendsReport } from './dividends.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;
let books: TestShares;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-shares-'));
  books = await booksOf2023();
  await books.ok('distribute', plan());
  await books.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  ledger = join(dir, 'shares.ndjson');
  await writeFile(ledger, text);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('report dividends', () => {
  it('prints per household and per member the dividend, paid and unpaid, with the pool and the per-share amount', async () => {
    const out = await report('dividends', ledger, '--village', 'v', '--year', '2023');
    expect(out).toContain('分红明细  张家村  2023年度  宣告日 2024-03-15  股权登记日 2023-12-31');
    expect(out).toContain('分红总额 32,000.00，折算股数 17，每股 1,882.35（精确值 32000.00/17 = 1882.35294118）');
    expect(out).toContain('分给成员 13,176.47，集体股留存 18,823.53；已发放 4,764.71，未领取（仍在应付款）8,411.76');
    expect(out.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toContain('h1 m2 张小 1 1 1.5 2,823.53 1,000.00 1,823.53');
  });

  it('gives JSON with money as decimal strings, byte-identical whether replayed from the store it was built in or from the NDJSON ledger', async () => {
    const fromFile = await report('dividends', ledger, '--village', 'v', '--year', '2023', '--format', 'json');
    const again = await report('dividends', ledger, '--village', 'v', '--year', '2023', '--format', 'json');
    const inMemory = await dividendsReport.run(books.store, coreCatalog, { village: 'v', year: 2023, lang: 'zh', format: 'json' });
    expect(fromFile).toBe(inMemory);
    expect(again).toBe(fromFile);
    const json = JSON.parse(fromFile) as { perShare: unknown; totals: unknown; members: { memberId: string; dividend: string; unpaid: string }[] };
    expect(json.perShare).toEqual({ exact: '32000.00/17', decimal: '1882.35294118', rounded: '1882.35' });
    expect(json.totals).toEqual({ dividend: '13176.47', paid: '4764.71', unpaid: '8411.76' });
    expect(json.members.map((m) => [m.memberId, m.dividend, m.unpaid])).toEqual([
      ['m1', '3764.71', '0.00'],
      ['m2', '2823.53', '1823.53'],
      ['m3', '4705.88', '4705.88'],
      ['m4', '1882.35', '1882.35'],
    ]);
  });

  it('counts only the payments up to --as-of', async () => {
    const json = JSON.parse(await report('dividends', ledger, '--village', 'v', '--year', '2023', '--as-of', '2024-03-31', '--format', 'json')) as { totals: unknown };
    expect(json.totals).toEqual({ dividend: '13176.47', paid: '0.00', unpaid: '13176.47' });
  });
});

describe('report distribution and report shares', () => {
  it('distribution: the statement step by step, in English too', async () => {
    const zh = await report('distribution', ledger, '--village', 'v', '--year', '2023');
    expect(zh).toContain('分配方案 股东代表大会决议〔2024〕1号，2024-03-15 通过；公积公益金提取比例 20%');
    expect(zh.split('\n').filter((l) => /^(提取|成员分红|可分配|集体股|年末)/.test(l.trim())).map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      '可分配收益 80,000.00',
      '提取公积公益金 32201 311 16,000.00',
      '提取福利费 32202 211 4,000.00',
      '成员分红（按股分配） 32204 211 13,176.47',
      '集体股分红（留存集体） 18,823.53',
      '年末未分配收益 46,823.53',
    ]);
    const en = JSON.parse(await report('distribution', ledger, '--village', 'v', '--year', '2023', '--lang', 'en', '--format', 'json')) as { lines: { key: string; name: string; amount: string }[] };
    expect(en.lines.find((l) => l.key === 'reserve')).toEqual({ key: 'reserve', name: 'Accumulation and public-welfare reserve', kind: 'item', debit: '32201', credit: '311', amount: '16000.00' });
  });

  it('shares: the register on a date, by household and holder', async () => {
    const out = await report('shares', ledger, '--village', 'v', '--as-of', '2023-12-31');
    expect(out).toContain('折股量化 2021-06-30：经营性净资产 200,000.00，20 股，每股 10,000.00');
    expect(out).toContain('总股数 20，其中集体股 10');
    const csv = await report('shares', ledger, '--village', 'v', '--year', '2023', '--format', 'csv');
    expect(csv.split('\n').slice(0, 2)).toEqual(['户编号,成员编号,姓名,身份,成员股,劳龄股,合计', 'h1,m1,张大,成员,1,2,3']);
  });

  it('refuse what they cannot answer, naming the option', async () => {
    const cases: [string[], string][] = [
      [['dividends', '--year', '2023'], 'dividends needs --village'],
      [['dividends', '--village', 'v'], 'dividends needs --year'],
      [['dividends', '--village', 'v', '--year', '2022'], 'v declared no dividends for 2022'],
      [['distribution', '--village', 'v', '--year', '2022'], "no distribution of v's 2022 income is on the ledger"],
      [['distribution', '--township', 't', '--year', '2023'], '--township is not an option of distribution: it is about one village'],
      [['shares', '--village', 'v'], 'shares needs --as-of or --year'],
      [['shares', '--village', 'x', '--year', '2023'], 'x'],
    ];
    for (const [args, message] of cases) {
      const [name = '', ...rest] = args;
      const run = await cli('report', name, '--store', ledger, ...rest);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
    }
  });
});
