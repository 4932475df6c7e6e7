import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryEventStore, coreCatalog, ledger, organization, writeLedger } from '@collective-ledger/core';
import { runCli } from '../cli.js';

type Line = readonly [account: string, side: 'debit' | 'credit', amount: string];

type Outcome<A> = { readonly _tag: 'Left'; readonly left: { readonly message: string } } | { readonly _tag: 'Right'; readonly right: A };

const orFail = async <A>(result: Promise<Outcome<A>>): Promise<A> => {
  const settled = await result;
  if (settled._tag === 'Left') throw new Error(settled.left.message);
  return settled.right;
};

/**
 * District d (示范区) with townships t1 (东镇: 张家村, 李家村, 王家村) and t2
 * (西乡: 赵家村, 刘家村); 2022 vouchers at the tier boundaries, a reversal, a closed year and a 2023 voucher that must not count.
 */
const buildLedger = async (): Promise<string> => {
  const store = new InMemoryEventStore();
  const context = { store, catalog: coreCatalog };
  let n = 0;
  const envelope = () => ({ commandId: `c-${(n += 1)}`, actor: 'test' });
  const register = (organizationId: string, kind: organization.RegisterOrganizationInput['kind'], name: string, parentId?: string) =>
    orFail(
      organization.registerOrganization(context, {
        ...envelope(),
        occurredOn: '2022-01-01',
        input: { organizationId, kind, code: organizationId, name, ...(parentId === undefined ? {} : { parentId }) },
      }),
    );
  const post = (village: string, voucherNo: string, date: string, lines: readonly Line[]) =>
    orFail(
      ledger.postVoucher(context, {
        ...envelope(),
        input: { organizationId: village, voucherNo, date, summary: voucherNo, lines: lines.map(([account, side, amount]) => ({ account, side, amount })) },
      }),
    );
  const reverse = (village: string, voucherNo: string, { date, reverses, lines }: { date: string; reverses: string; lines: readonly Line[] }) =>
    orFail(
      ledger.postVoucher(context, {
        ...envelope(),
        input: { organizationId: village, voucherNo, date, summary: `冲销 ${reverses}`, reverses, lines: lines.map(([account, side, amount]) => ({ account, side, amount })) },
      }),
    );
  await register('d', 'district', '示范区');
  await register('t1', 'township', '东镇', 'd');
  await register('t2', 'township', '西乡', 'd');
  await register('v1', 'village', '张家村', 't1');
  await register('v2', 'village', '李家村', 't1');
  await register('v3', 'village', '王家村', 't1');
  await register('v4', 'village', '赵家村', 't2');
  await register('v5', 'village', '刘家村', 't2');
  await post('v1', '记-001', '2022-03-10', [['102', 'debit', '600000.00'], ['501', 'credit', '600000.00']]);
  await post('v1', '记-002', '2022-06-30', [['102', 'debit', '400000.00'], ['502', 'credit', '400000.00']]);
  await post('v1', '记-003', '2022-07-01', [['511', 'debit', '250000.00'], ['102', 'credit', '250000.00']]);
  await orFail(ledger.closeYear(context, { ...envelope(), input: { organizationId: 'v1', year: 2022 } }));
  await post('v1', '记-001', '2023-02-01', [['102', 'debit', '9000000.00'], ['501', 'credit', '9000000.00']]);
  await post('v2', '记-001', '2022-05-05', [['101', 'debit', '500000.00'], ['501', 'credit', '500000.00']]);
  await post('v2', '记-002', '2022-05-06', [['101', 'debit', '500.00'], ['501', 'credit', '500.00']]);
  await reverse('v2', '记-003', { date: '2022-05-07', reverses: '记-002', lines: [['501', 'debit', '500.00'], ['101', 'credit', '500.00']] });
  await post('v3', '记-001', '2022-08-08', [['102', 'debit', '99999.99'], ['502', 'credit', '99999.99']]);
  await post('v3', '记-002', '2022-09-09', [['102', 'debit', '200000.00'], ['503', 'credit', '200000.00']]);
  await post('v4', '记-001', '2022-10-10', [['102', 'debit', '120000.00'], ['501', 'credit', '120000.00']]);
  await post('v5', '记-001', '2022-11-11', [['102', 'debit', '30000.00'], ['504', 'credit', '30000.00']]);
  const lines: string[] = [];
  for await (const line of writeLedger(store.readAll())) lines.push(line);
  return lines.join('');
};

let dir = '';
let store = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-tiers-'));
  store = join(dir, 'ledger.ndjson');
  await writeFile(store, await buildLedger());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['report', 'income-tiers', '--store', store, ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
  });
  return { code, stdout, stderr };
};

interface Json {
  readonly district: { villages: number; income: string; atOrAbove: { threshold: string; count: number; percent: string }[]; weak: object; shell: object };
  readonly townships: { id: string; villages: number; atOrAbove: { count: number }[] }[];
  readonly villages: { id: string; income: string; tier: string; weak: boolean; shell: boolean }[];
}

const json = async (...argv: string[]): Promise<Json> => {
  const run = await cli('--year', '2022', '--format', 'json', ...argv);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
};

describe('report income-tiers', () => {
  it('prints the statistic, the villages, the weak and the shell villages as a table', async () => {
    const run = await cli('--year', '2022');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`村集体经济收入分档 2022年度
口径：经营性收入（501 经营收入 + 502 投资收益）；“以上”含本数

单位    村数  100万元以上   占比  50万元以上   占比  10万元以上   占比  薄弱村   占比  空壳村   占比
示范区     5            1  20.0%           2  40.0%           3  60.0%       2  40.0%       1  20.0%
东镇       3            1  33.3%           2  66.7%           2  66.7%       1  33.3%       0   0.0%
西乡       2            0   0.0%           0   0.0%           1  50.0%       1  50.0%       1  50.0%

各村收入
代码  村      乡镇    收入（元）  档次
v1    张家村  东镇  1,000,000.00  100万元以上
v2    李家村  东镇    500,000.00  50万元以上
v3    王家村  东镇     99,999.99  不足10万元
v4    赵家村  西乡    120,000.00  10万元以上
v5    刘家村  西乡          0.00  不足10万元

薄弱村（收入不足10万元）
代码  村      乡镇  收入（元）
v3    王家村  东镇   99,999.99
v5    刘家村  西乡        0.00

空壳村（无收入或收入不足5万元）
代码  村      乡镇  收入（元）
v5    刘家村  西乡        0.00
`);
  });

  it('gives JSON with money as strings and shares as exact rates with a percent', async () => {
    const result = await json();
    expect(Object.keys(result)).toEqual([
      'report',
      'year',
      'asOf',
      'basis',
      'accounts',
      'thresholds',
      'shellLimit',
      'scope',
      'district',
      'townships',
      'villages',
    ]);
    expect(result.district).toEqual({
      id: 'd',
      code: 'd',
      name: '示范区',
      villages: 5,
      income: '1719999.99',
      atOrAbove: [
        { threshold: '100000.00', count: 3, share: { numerator: '3', denominator: '5', percent: '60.0' }, percent: '60.0%' },
        { threshold: '500000.00', count: 2, share: { numerator: '2', denominator: '5', percent: '40.0' }, percent: '40.0%' },
        { threshold: '1000000.00', count: 1, share: { numerator: '1', denominator: '5', percent: '20.0' }, percent: '20.0%' },
      ],
      weak: { count: 2, share: { numerator: '2', denominator: '5', percent: '40.0' }, percent: '40.0%' },
      shell: { count: 1, share: { numerator: '1', denominator: '5', percent: '20.0' }, percent: '20.0%' },
    });
    expect(result.villages[0]).toEqual({ id: 'v1', code: 'v1', name: '张家村', township: 't1', income: '1000000.00', tier: '1000000.00', weak: false, shell: false });
  });

  it('adds 503 and 504 on the total basis', async () => {
    const result = await json('--basis', 'total');
    expect(result.villages.map((v) => [v.id, v.income, v.tier])).toEqual([
      ['v1', '1000000.00', '1000000.00'],
      ['v2', '500000.00', '500000.00'],
      ['v3', '299999.99', '100000.00'],
      ['v4', '120000.00', '100000.00'],
      ['v5', '30000.00', 'below'],
    ]);
  });

  it('takes custom thresholds and scopes to a township', async () => {
    const result = await json('--thresholds', '50000,120000', '--township', 't2', '--lang', 'en');
    expect(result.district.atOrAbove.map((t) => [t.threshold, t.count, t.percent])).toEqual([
      ['50000.00', 1, '50.0%'],
      ['120000.00', 1, '50.0%'],
    ]);
    expect(result.townships.map((t) => t.id)).toEqual(['t2']);
    expect(result.villages.map((v) => [v.id, v.tier, v.weak, v.shell])).toEqual([
      ['v4', '120000.00', false, false],
      ['v5', 'below', true, true],
    ]);
  });

  it('labels the table in English', async () => {
    const run = await cli('--year', '2022', '--lang', 'en', '--village', 'v3');
    expect(run.stdout.split('\n').slice(0, 6)).toEqual([
      'Village collective income tiers, 2022',
      'Basis: operating income (501 operating income + 502 investment income); "at or above" includes the threshold',
      '',
      'unit    villages  >= 1,000,000  share  >= 500,000  share  >= 100,000  share  weak   share  shell  share',
      '示范区         1             0   0.0%           0   0.0%           0   0.0%     1  100.0%      0   0.0%',
      '东镇           1             0   0.0%           0   0.0%           0   0.0%     1  100.0%      0   0.0%',
    ]);
  });

  it('writes CSV rows for the district, the townships and the villages', async () => {
    const run = await cli('--year', '2022', '--format', 'csv', '--thresholds', '100000');
    expect(run.stdout.split('\n')).toEqual([
      'level,id,code,name,township,villages,income,tier,at_or_above_100000.00,percent_100000.00,weak,weak_percent,shell,shell_percent',
      'district,d,d,示范区,,5,1719999.99,,3,60.0%,2,40.0%,1,20.0%',
      'township,t1,t1,东镇,,3,1599999.99,,2,66.7%,1,33.3%,0,0.0%',
      'township,t2,t2,西乡,,2,120000.00,,1,50.0%,1,50.0%,1,50.0%',
      'village,v1,v1,张家村,t1,1,1000000.00,100000.00,1,,0,,0,',
      'village,v2,v2,李家村,t1,1,500000.00,100000.00,1,,0,,0,',
      'village,v3,v3,王家村,t1,1,99999.99,below,0,,1,,0,',
      'village,v4,v4,赵家村,t2,1,120000.00,100000.00,1,,0,,0,',
      'village,v5,v5,刘家村,t2,1,0.00,below,0,,1,,1,',
      '',
    ]);
  });

  it('counts only what was posted by --as-of', async () => {
    const result = await json('--as-of', '2022-06-01');
    expect(result.villages.map((v) => v.income)).toEqual(['600000.00', '500000.00', '0.00', '0.00', '0.00']);
  });

  it.each([
    [[], 'error: income-tiers needs --year, e.g. --year 2022\n'],
    [['--year', '2022', '--basis', 'gross'], 'error: --basis: expected operating (501 + 502) or total (501 to 504), got "gross"\n'],
    [['--year', '2022', '--thresholds', '100000,1e6'], 'error: --thresholds: item 2: expected a yuan amount'],
    [['--year', '2022', '--thresholds', '100000,100000.00'], 'error: --thresholds: 100000.00 is given twice\n'],
    [['--year', '2022', '--thresholds=-1'], 'error: --thresholds: -1.00 is negative; a threshold is a yuan amount of zero or more\n'],
    [['--year', '2022', '--township', 'v1'], 'error: --township: v1 is a village, not a township\n'],
    [['--year', '2022', '--township', 't1', '--village', 'v1'], 'error: --village and --township cannot be combined: give one (or neither, for every village)\n'],
    [['--year', '2022', '--as-of', '2023-01-31'], 'error: --as-of 2023-01-31 is not in --year 2022: give a date of 2022, or leave one out\n'],
  ])('refuses %j with exit code 2', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
