import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, report, statementLedgers } from './test-ledgers.js';

let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(async () => {
  await ledgers.remove();
});

describe('report accounts', () => {
  it('lists the 42 standard accounts as a table, in Chinese', async () => {
    const lines = (await report('accounts', ledgers.open)).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '代码  名称                    类别            余额方向  备抵  余额可在两方  末级',
      '101   库存现金                资产类          借                            是',
      '102   银行存款                资产类          借                            是',
    ]);
    expect(lines).toHaveLength(42 + 2);
    expect(lines).toContain('152   累计折旧                资产类          贷        是                  是');
  });

  it("lists a village's chart with its sub-accounts, in English, indented under their parent", async () => {
    const lines = (await report('accounts', ledgers.open, '--village', 'v', '--lang', 'en')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('113 '));
    expect(lines.slice(at, at + 3).map((l) => l.split(/ {2,}/))).toEqual([
      ['113', 'internal accounts', 'asset', 'debit', 'yes'],
      ['11301', 'Group 1', 'asset', 'debit', 'yes', 'yes'],
      ['11302', 'Group 2', 'asset', 'debit', 'yes', 'yes'],
    ]);
    expect(lines[at + 1]?.startsWith('11301    Group 1')).toBe(true);
  });

  it('writes CSV and JSON', async () => {
    const csv = (await report('accounts', ledgers.open, '--village', 'v', '--format', 'csv', '--lang', 'en')).split('\n');
    expect(csv.slice(0, 2)).toEqual(['code,name,category,normal balance,contra,either side,leaf', '101,cash on hand,asset,debit,,,yes']);
    expect(csv).toContain('32203,Undistributed income,equity,credit,,yes,yes');
    const json = JSON.parse(await report('accounts', ledgers.open, '--village', 'v', '--format', 'json')) as Record<string, unknown> & {
      accounts: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['report', 'lang', 'asOf', 'village', 'accounts']);
    expect(json.accounts).toHaveLength(42 + 5);
    expect(json.accounts.find((a) => a.code === '322')).toEqual({
      code: '322',
      name: '收益分配',
      category: 'equity',
      normalBalance: 'credit',
      contra: false,
      eitherSide: true,
      standard: true,
      leaf: false,
      level: 1,
    });
  });

  it('replays up to --as-of: before the village was registered, it is refused, saying when it is registered', async () => {
    const json = JSON.parse(await report('accounts', ledgers.open, '--village', 'v', '--as-of', '2020-01-01', '--format', 'json')) as { accounts: unknown[] };
    expect(json.accounts).toHaveLength(47);
    expect((await cli('report', 'accounts', '--store', ledgers.open, '--village', 'v', '--as-of', '2019-12-31')).stderr).toBe(
      'error: --village: the village v exists, but is registered on 2020-01-01, after 2019-12-31\n',
    );
  });

  it.each([
    [['--township', 't'], 'error: --township is not an option of accounts: a chart of accounts belongs to one village; use --village\n'],
    [['--year', '2023'], 'error: --year is not an option of accounts: the chart of accounts is not per year; use --as-of for the chart at a date\n'],
    [['--village', 'x'], 'error: --village: no village x is registered\n'],
    [['--thresholds', '1'], 'error: --thresholds is not an option of accounts: it is an option of income-tiers\n'],
  ])('refuses %j with exit code 2', async (options, stderr) => {
    expect(await cli('report', 'accounts', '--store', ledgers.open, ...options)).toEqual({ code: 2, stdout: '', stderr });
  });
});
