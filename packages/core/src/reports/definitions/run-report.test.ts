import { beforeAll, describe, expect, it } from 'vitest';
import { coreCatalog } from '../../catalog.js';
import { booksOf2023, plan, type TestShares } from '../../domain/shares/test-shares.js';
import { Money } from '../../money/money.js';
import { handWorkedBooks, reportsCatalog, type ReportBooks } from '../test-statements.js';
import { ReportOptionError } from './definition.js';
import { dividendsReport } from './dividends.js';
import { distributionReport } from './distribution.js';
import { incomeTiersReport } from './income-tiers.js';
import { reportOptionFromText } from './option-text.js';
import { findReport, reports } from './registry.js';
import { reportJsonText, runReport } from './run-report.js';
import { trialBalanceReport } from './trial-balance.js';

let books: ReportBooks;
let shares: TestShares;

beforeAll(async () => {
  books = await handWorkedBooks({ close: true });
  shares = await booksOf2023();
  await shares.ok('distribute', plan());
  await shares.ok('pay', { year: 2023, paidOn: '2024-04-01', account: '102', payments: [{ memberId: 'm1' }, { memberId: 'm2', amount: '1000.00' }] });
});

/** The first lines of a JSON text, to hold its layout and key order to what the documentation prints. */
const head = (json: unknown, lines: number): string => reportJsonText(json).split('\n').slice(0, lines).join('\n');

describe('runReport: a report from the library, as the command line prints it', () => {
  it('gives the income tiers with keys in their documented order, two-space JSON', async () => {
    const json = await runReport(books.store, reportsCatalog, incomeTiersReport, { year: 2023, village: 'v' });
    expect(Object.keys(json)).toEqual(['report', 'year', 'asOf', 'basis', 'accounts', 'thresholds', 'shellLimit', 'scope', 'district', 'townships', 'villages']);
    expect(head(json, 20)).toBe(
      [
        '{',
        '  "report": "income-tiers",',
        '  "year": 2023,',
        '  "asOf": null,',
        '  "basis": "operating",',
        '  "accounts": [',
        '    "501",',
        '    "502"',
        '  ],',
        '  "thresholds": [',
        '    "100000.00",',
        '    "500000.00",',
        '    "1000000.00"',
        '  ],',
        '  "shellLimit": "50000.00",',
        '  "scope": {',
        '    "village": "v",',
        '    "township": null',
        '  },',
        '  "district": {',
      ].join('\n'),
    );
    expect(json.villages).toEqual([{ id: 'v', code: 'v', name: '张家村', township: 't', income: '12345.67', tier: 'below', weak: true, shell: true }]);
  });

  it('takes the income tiers options typed: a basis and thresholds as Money, in any order', async () => {
    const json = await runReport(books.store, reportsCatalog, incomeTiersReport, { year: 2023, basis: 'total', thresholds: [Money.of('10000'), Money.of('1000')] });
    expect(json.accounts).toEqual(['501', '502', '503', '504']);
    expect(json.thresholds).toEqual(['1000.00', '10000.00']);
    expect(json.villages.map((v) => [v.id, v.income, v.tier])).toEqual([
      ['v', '17345.67', '10000.00'],
      ['w', '100.00', 'below'],
    ]);
  });

  it('gives the trial balance with its rows and totals, in the language asked for', async () => {
    const json = await runReport(books.store, reportsCatalog, trialBalanceReport, { year: 2023, village: 'w', lang: 'en' });
    expect(Object.keys(json)).toEqual(['report', 'lang', 'year', 'from', 'to', 'scope', 'villages', 'detail', 'rows', 'totals', 'balanced']);
    expect(head(json, 14)).toBe(
      ['{', '  "report": "trial-balance",', '  "lang": "en",', '  "year": 2023,', '  "from": "2023-01-01",', '  "to": "2023-12-31",', '  "scope": {', '    "village": "w",', '    "township": null', '  },', '  "villages": [', '    "w"', '  ],', '  "detail": "leaves",'].join(
        '\n',
      ),
    );
    expect(json.rows[0]).toEqual({ code: '101', name: 'cash on hand', level: 1, subtotal: false, normalBalance: 'debit', openingDebit: '0.00', openingCredit: '0.00', periodDebit: '100.00', periodCredit: '0.00', closingDebit: '100.00', closingCredit: '0.00' });
    expect(json.balanced).toEqual({ opening: true, period: true, closing: true });
  });

  it('gives the distribution of a closed year, step by step with its accounts', async () => {
    const json = await runReport(shares.store, coreCatalog, distributionReport, { village: 'v', year: 2023 });
    expect(Object.keys(json)).toEqual(['report', 'lang', 'village', 'year', 'approvedOn', 'resolution', 'reservePercent', 'lines', 'undistributed']);
    expect(head(json, 17)).toBe(
      [
        '{',
        '  "report": "distribution",',
        '  "lang": "zh",',
        '  "village": "v",',
        '  "year": 2023,',
        '  "approvedOn": "2024-03-15",',
        '  "resolution": "股东代表大会决议〔2024〕1号",',
        '  "reservePercent": "20",',
        '  "lines": [',
        '    {',
        '      "key": "netIncome",',
        '      "name": "本年收益",',
        '      "kind": "item",',
        '      "debit": null,',
        '      "credit": null,',
        '      "amount": "80000.00"',
        '    },',
      ].join('\n'),
    );
  });

  it('gives the dividends with the exact per-share fraction and money as decimal strings', async () => {
    const json = await runReport(shares.store, coreCatalog, dividendsReport, { village: 'v', year: 2023 });
    expect(head(json, 26)).toBe(
      [
        '{',
        '  "report": "dividends",',
        '  "lang": "zh",',
        '  "village": "v",',
        '  "year": 2023,',
        '  "declaredOn": "2024-03-15",',
        '  "recordDate": "2023-12-31",',
        '  "pool": "32000.00",',
        '  "weightedShares": "17",',
        '  "perShare": {',
        '    "exact": "32000.00/17",',
        '    "decimal": "1882.35294118",',
        '    "rounded": "1882.35"',
        '  },',
        '  "weights": [',
        '    {',
        '      "classId": "labour",',
        '      "weight": "0.5"',
        '    }',
        '  ],',
        '  "retained": "18823.53",',
        '  "totals": {',
        '    "dividend": "13176.47",',
        '    "paid": "4764.71",',
        '    "unpaid": "8411.76"',
        '  },',
      ].join('\n'),
    );
    const paidBy = await runReport(shares.store, coreCatalog, dividendsReport, { village: 'v', year: 2023, asOf: '2024-03-31' });
    expect(paidBy.totals).toEqual({ dividend: '13176.47', paid: '0.00', unpaid: '13176.47' });
  });

  it('reports its progress as it replays', async () => {
    const read: bigint[] = [];
    await runReport(books.store, reportsCatalog, trialBalanceReport, { year: 2023, onProgress: (p) => read.push(p.read), progressEvery: 1 });
    expect(read.length).toBeGreaterThan(1);
    expect(read.at(-1)).toBeGreaterThan(0n);
  });
});

describe('report options', () => {
  const refusal = async (run: Promise<unknown>): Promise<string> => {
    const error: unknown = await run.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ReportOptionError);
    return (error as Error).message;
  };

  it('refuses an option the report does not take, naming the reports it belongs to or why', async () => {
    const options = { year: 2023, basis: 'total' } as Parameters<typeof trialBalanceReport.check>[0];
    expect(await refusal(runReport(books.store, reportsCatalog, trialBalanceReport, options))).toBe('--basis is not an option of trial-balance: it is an option of income-tiers');
    expect(await refusal(runReport(books.store, reportsCatalog, reports['balance-sheet'], { year: 2023, from: '2023-02-01' } as never))).toBe(
      '--from is not an option of balance-sheet: it is as of one date; give --as-of (or --year for its last day)',
    );
    expect(await refusal(runReport(books.store, reportsCatalog, reports.assets, { year: 2023, since: '2023-01-01' } as never))).toBe('--since is not an option of assets: it is an option of resource-income');
  });

  it('refuses a missing or inconsistent option before reading the store, and an unknown village after', async () => {
    expect(await refusal(runReport(books.store, reportsCatalog, incomeTiersReport, {}))).toBe('income-tiers needs --year, e.g. --year 2022');
    expect(await refusal(runReport(books.store, reportsCatalog, trialBalanceReport, { year: 2023, asOf: '2022-12-31' }))).toBe(
      '--as-of 2022-12-31 is not in --year 2023: give a date of 2023, or leave one out',
    );
    expect(await refusal(runReport(books.store, reportsCatalog, trialBalanceReport, { year: 2023, village: 'x' }))).toBe('--village: no village x is registered');
    expect(await refusal(runReport(shares.store, coreCatalog, dividendsReport, { village: 'v', year: 2022 }))).toBe('v declared no dividends for 2022');
  });

  it('reads an option given as text, refusing a wrong one by name', () => {
    expect(reportOptionFromText('basis', 'total')).toBe('total');
    expect(reportOptionFromText('village', 'v')).toBe('v');
    expect(() => reportOptionFromText('basis', 'gross')).toThrow('--basis: expected operating (501 + 502) or total (501 to 504), got "gross"');
    expect(() => reportOptionFromText('thresholds', '100000,100000.00')).toThrow('--thresholds: 100000.00 is given twice');
  });

  it('finds every report by its name, and only those', () => {
    for (const [name, definition] of Object.entries(reports)) expect(findReport(name)).toBe(definition);
    expect(findReport('toString')).toBeUndefined();
  });
});
