import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@collective-ledger/cli';
import { Money, coreCatalog, householdIncomeReport, runReport, type InMemoryEventStore, type land } from '@collective-ledger/core';
import { buildCountyBooks, ledgerText } from './books.js';
import { DEPUTY } from './county.js';

let dir = '';
let file = '';
let store: InMemoryEventStore;

beforeAll(async () => {
  store = await buildCountyBooks();
  dir = await mkdtemp(join(tmpdir(), 'guizhou-kiwi-park-'));
  file = join(dir, 'ledger.ndjson');
  await writeFile(file, await ledgerText(store));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} });
  return { code, stdout, stderr };
};

const json = async <T>(...argv: string[]): Promise<T> => {
  const { code, stdout, stderr } = await cli('report', ...argv, '--store', file, '--format', 'json');
  expect([code, stderr]).toEqual([0, '']);
  return JSON.parse(stdout) as T;
};

interface Figures { readonly transferredArea: string; readonly contractedArea: string; readonly due: string; readonly paid: string; readonly owed: string }
interface TransfersJson { readonly total: Figures; readonly villages: readonly (Figures & { readonly id: string })[]; readonly operators: readonly (Figures & { readonly operator: string; readonly transfers: number })[] }
interface Parts { readonly wages: string; readonly rent: string; readonly guaranteedReturn: string; readonly landDividends: string; readonly collectiveDividends: string; readonly total: string; readonly members: number; readonly perCapita: string | null }

const sumOfParts = (p: Parts): string => Money.sum([p.wages, p.rent, p.guaranteedReturn, p.landDividends, p.collectiveDividends].map((a) => Money.of(a))).toString();

describe('the Guizhou kiwi park: land transferred to the company through the collectives', () => {
  it('transfers 4,800 mu of the two villages to the kiwi company, every year of rent and guaranteed return paid on to the households', async () => {
    const r = await json<TransfersJson>('land-transfers', '--as-of', '2018-12-31');
    expect(r.total.transferredArea).toBe('4800.0000');
    expect(Number(r.total.transferredArea)).toBeLessThan(Number(r.total.contractedArea));
    expect(r.villages.map((v) => [v.id, v.transferredArea])).toEqual([['dahong', '2700.0000'], ['zhongba', '2100.0000']]);
    expect(r.operators.map((o) => [o.operator, o.transfers])).toEqual([['贵州中康农业科技有限公司', 2], ['贵州中康农业科技有限公司', 2]]);
    expect([r.total.paid, r.total.owed]).toEqual([r.total.due, '0.00']);
  });

  it('has every household’s written consent on each transfer it is a party to', async () => {
    const transfers: land.LandTransferredData[] = [];
    for await (const e of store.readAll()) if (e.type === 'LandTransferred') transfers.push(e.data as unknown as land.LandTransferredData);
    expect(transfers).toHaveLength(4);
    for (const t of transfers) expect(t.consents.map((c) => c.householdId).sort()).toEqual(t.parcels.map((p) => p.parcelId.replace(/-p\d$/, '')).sort());
  });
});

describe('household income, computed from the recorded wages, rent and dividends', () => {
  it('gives the deputy team head’s household close to 100,000 yuan in 2018, the sum of its parts, with his 12 months at 4,100', async () => {
    const r = await json<{ households: readonly (Parts & { householdId: string; head: string })[] }>('household-income', '--village', 'dahong', '--year', '2018');
    const deputy = r.households.find((h) => h.householdId === DEPUTY.householdId);
    expect(deputy?.head).toBe('任富荣');
    expect(deputy === undefined ? undefined : sumOfParts(deputy)).toBe(deputy?.total);
    expect(Number(deputy?.total)).toBeGreaterThan(90_000);
    expect(Number(deputy?.total)).toBeLessThan(100_000);
    expect(Number(deputy?.landDividends)).toBeGreaterThan(0);
    const pay: string[] = [];
    for await (const e of store.readStream('household-income-dahong-2018')) if (e.data['memberId'] === `${DEPUTY.householdId}-1`) pay.push(e.data['amount'] as string);
    expect(pay).toEqual(Array.from({ length: 12 }, () => '4100.00'));
    for (const h of r.households) expect(sumOfParts(h)).toBe(h.total);
  });

  it('computes Dahong’s per-capita income of 2018 as 15,770.00, nearly double its 2015 figure', async () => {
    const of = async (year: number) => (await runReport(store, coreCatalog, householdIncomeReport, { village: 'dahong', year })).villages[0];
    const [y2015, y2018] = [await of(2015), await of(2018)];
    expect(y2018?.perCapita).toBe('15770.00');
    expect(y2018 === undefined ? undefined : sumOfParts(y2018)).toBe(y2018?.total);
    const ratio = Number(y2018?.perCapita) / Number(y2015?.perCapita);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2);
    expect(y2015?.members).toBe(y2018?.members);
  });
});

describe('the ledger file', () => {
  it('is accepted by `collective-ledger verify`: every rule of the books holds', async () => {
    const { code, stdout } = await cli('verify', '--store', file);
    expect(stdout).toMatch(/0 rules broken, 0 warnings/);
    expect(code).toBe(0);
  });

  it('is accepted by the checked import into an empty store, every event added', async () => {
    const target = join(dir, 'imported.ndjson');
    const { code, stdout, stderr } = await cli('import', file, '--store', target);
    expect([code, stderr]).toEqual([0, '']);
    const lines = (await ledgerText(store)).split('\n').length - 1;
    expect(stdout).toMatch(new RegExp(`imported ${lines} events`));
  });
});
