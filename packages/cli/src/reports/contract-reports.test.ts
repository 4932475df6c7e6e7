import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrearsReport, contractCleanupReport, contractsReport, reportJsonText, runReport, warningsReport, writeLedger, type AnyReportDefinition, type EventCatalog, type EventStore } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Contract books of two villages built with core's services (a test helper of core's sources; its comment tells the story).
import { contractBooks } from '../../../core/src/reports/test-contract-books.js';
import { cli, report } from './test-ledgers.js';

let dir: string;
let ledger: string;
let memory: { store: EventStore; catalog: EventCatalog };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collective-ledger-contracts-'));
  const books = await contractBooks();
  memory = { store: books.store, catalog: books.context.catalog };
  let text = '';
  for await (const line of writeLedger(books.store.readAll())) text += line;
  ledger = join(dir, 'contracts.ndjson');
  await writeFile(ledger, text);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const lines = async (...args: string[]): Promise<string[]> => (await report(args[0] ?? '', ledger, ...args.slice(1))).split('\n');
const cells = (out: readonly string[], label: string): string[] | undefined => out.find((l) => l.startsWith(label))?.trim().split(/ {2,}/);

describe('report contract-cleanup on the command line', () => {
  it('prints the counts and the rate with its numerator and denominator named, in Chinese', async () => {
    const out = await lines('contract-cleanup', '--year', '2024');
    expect(out[0]).toBe('合同清理  示范区  2024-01-01 至 2024-12-31');
    expect(cells(out, '登记合同')).toEqual(['登记合同', '6', '6']);
    expect(cells(out, '不规范合同')).toEqual(['不规范合同', '4', '4']);
    expect(cells(out, '需整改')).toEqual(['需整改（不规范合同 − 撤销认定）', '3']);
    expect(cells(out, '整改率')).toEqual(['整改率（已整改 / 需整改）', '33.3%']);
    expect(out).toContain('各乡镇');
  });

  it('in English as of a date, and the flagged contracts as CSV', async () => {
    const out = await lines('contract-cleanup', '--as-of', '2024-07-15', '--village', 'v', '--lang', 'en');
    expect(out[0]).toBe('Contract clean-up  张家村  as of 2024-07-15');
    expect(cells(out, 'rectification rate')).toEqual(['rectification rate (rectified / needing)', '33.3%']);
    const csv = await lines('contract-cleanup', '--year', '2024', '--format', 'csv', '--lang', 'en');
    expect(csv[0]).toBe('village,contract,title,counterparty,flagged on,reasons,standing,answered on');
    expect(csv[1]).toBe('v,c2,土地租赁合同c2,惠民超市,2024-02-01,no democratic procedure; price below market,rectified (renegotiated and re-approved),2024-03-01');
  });
});

describe('report arrears on the command line', () => {
  it('prints overdue, collected, the rate and the outstanding by age and counterparty', async () => {
    const out = await lines('arrears', '--year', '2024');
    expect(out[0]).toBe('欠款清收  示范区  2024-01-01 至 2024-12-31');
    expect(cells(out, '应收逾期款')).toEqual(['应收逾期款（清欠率分母）', '4,300.00']);
    expect(cells(out, '已清收')).toEqual(['已清收（清欠率分子）', '3,140.00']);
    expect(cells(out, '清欠率')).toEqual(['清欠率', '73.0%']);
    expect(cells(out, '181至365天')).toEqual(['181至365天', '2', '1,100.00']);
    expect(cells(out, '绿源农业公司')).toEqual(['绿源农业公司', '2', '2,200.00', '2,140.00', '60.00', '97.3%']);
  });

  it('over a period of one village in English, and the contracts as CSV', async () => {
    const out = await lines('arrears', '--from', '2024-07-01', '--as-of', '2024-11-30', '--village', 'w', '--lang', 'en');
    expect(out[0]).toBe('Arrears collection  李家村  2024-07-01 to 2024-11-30');
    expect(cells(out, 'collection rate')).toEqual(['collection rate', '70.0%']);
    const csv = await lines('arrears', '--year', '2024', '--format', 'csv', '--lang', 'en');
    expect(csv[0]).toBe('village,contract,counterparty,opening arrears,fallen overdue,overdue,collected,outstanding,rate');
    expect(csv).toContain('w,c2,绿源农业公司,0.00,200.00,200.00,140.00,60.00,70.0%');
  });
});

describe('report warnings on the command line', () => {
  it('says the settings, counts each kind, then names each warning', async () => {
    const out = await lines('warnings', '--as-of', '2024-11-15', '--min-price-per-mu', '50', '--min-price-per-m2', '10');
    expect(out.slice(0, 2)).toEqual(['合同预警  示范区  2024-11-15', '到期预警 90 天内；参考价 每亩每年 50.00 元，每平方米每年 10.00 元']);
    expect(cells(out, '价格低于参考价')).toEqual(['价格低于参考价', '4']);
    const line = out.find((l) => l.startsWith('v ') && l.includes('逾期未付') && l.includes(' c2 '));
    expect(line?.trim().split(/ {2,}/)).toEqual(['v', 'c2', '惠民超市', '逾期未付', '第 1 期 2024-06-30 应付，尚欠 600.00 元，逾期 138 天（91至180天）']);
  });

  it('in English with --within-days, and as CSV', async () => {
    const out = await lines('warnings', '--as-of', '2024-07-15', '--village', 'v', '--within-days', '180', '--lang', 'en');
    expect(out[1]).toBe('expiring within 180 days; reference price a mu a year not set, a m² a year not set');
    const csv = await lines('warnings', '--as-of', '2024-07-15', '--village', 'v', '--within-days', '180', '--format', 'csv', '--lang', 'en');
    expect(csv[0]).toBe('village,contract,counterparty,warning,figures');
    expect(csv[1]).toBe('v,c2,惠民超市,expiring,"ends 2024-12-31, in 169 days"');
    expect(csv).toContain('v,c1,李四,let twice,"东坡耕地: c1, c3"');
  });

  it('refuses a look-ahead or a price that is not one, naming the option', async () => {
    const days = await cli('report', 'warnings', '--store', ledger, '--as-of', '2024-11-15', '--within-days', 'soon');
    expect([days.code, days.stderr]).toEqual([2, 'error: --within-days: expected a whole number of days from 0 to 3650, got "soon"\n']);
    const price = await cli('report', 'warnings', '--store', ledger, '--as-of', '2024-11-15', '--min-price-per-mu', '0');
    expect([price.code, price.stderr]).toEqual([2, 'error: --min-price-per-mu: expected yuan per year above zero, e.g. 800 or 12.50, got 0.00\n']);
    const arrears = await cli('report', 'arrears', '--store', ledger, '--year', '2024', '--min-price-per-mu', '50');
    expect([arrears.code, arrears.stderr]).toEqual([2, 'error: --min-price-per-mu is not an option of arrears: it is an option of warnings\n']);
  });
});

describe('report contracts on the command line', () => {
  it('prints each contract, then its schedule as of the date', async () => {
    const out = await lines('contracts', '--village', 'v', '--as-of', '2024-11-15');
    expect(out[0]).toBe('合同台账  张家村  截至 2024-11-15');
    expect(cells(out, 'c2 ')).toEqual(['c2', '土地租赁合同c2', '惠民超市', '村委会临街门面 120 平方米', '2024-01-01–2024-12-31', '1,200.00', '9.97/平方米', '履行中', '已整改 (重新协商并履行程序)', '0.00', '600.00', '600.00']);
    const schedule = out.slice(out.indexOf('c2 收款计划'));
    expect(schedule[2]?.trim().split(/ {2,}/)).toEqual(['1', '2024-06-30', '600.00', '是', '0.00', '600.00', '138']);
  });

  it('lists every instalment as CSV, in English', async () => {
    const csv = await lines('contracts', '--village', 'v', '--as-of', '2024-11-15', '--format', 'csv', '--lang', 'en');
    expect(csv[0]).toBe('contract,counterparty,no,due on,amount,recognised,received,outstanding,days overdue');
    expect(csv[1]).toBe('c1,李四,1,2024-03-31,1000.00,yes,1000.00,0.00,');
    expect(csv.filter((l) => l.startsWith('c3,'))).toEqual(['c3,王五,1,2024-06-30,500.00,yes,0.00,500.00,138']);
  });

  it('refuses a register without its village', async () => {
    const run = await cli('report', 'contracts', '--store', ledger, '--as-of', '2024-11-15');
    expect([run.code, run.stderr]).toEqual([2, 'error: contracts needs --village: a contract register belongs to one village\n']);
  });
});

describe('the contract reports as JSON', () => {
  const cases: readonly [AnyReportDefinition, Record<string, unknown>, string[]][] = [
    [contractCleanupReport, { year: 2024 }, ['--year', '2024']],
    [arrearsReport, { year: 2024, township: 't2' }, ['--year', '2024', '--township', 't2']],
    [warningsReport, { asOf: '2024-11-15', withinDays: 60, lang: 'en' }, ['--as-of', '2024-11-15', '--within-days', '60', '--lang', 'en']],
    [contractsReport, { village: 'v', asOf: '2024-11-15' }, ['--village', 'v', '--as-of', '2024-11-15']],
  ];

  it.each(cases)('are the same bytes replayed from the ledger file as from the books in memory: %s', async (definition, options, argv) => {
    const fromFile = await report(definition.name, ledger, ...argv, '--format', 'json');
    expect(fromFile).toBe(reportJsonText(await runReport(memory.store, memory.catalog, definition, options)));
  });
});
