import { beforeAll, describe, expect, it } from 'vitest';
import { coreCatalog } from '../../catalog.js';
import { booksOf2023, type TestShares } from '../../domain/shares/test-shares.js';
import { handWorkedBooks, reportsCatalog, type ReportBooks } from '../test-statements.js';
import { optionFlag, REPORT_OPTION_NAMES, ReportOptionError, type AnyReportDefinition, type ReportOptionName } from './definition.js';
import { reportOptionFromText } from './option-text.js';
import { reports } from './registry.js';
import { runReport } from './run-report.js';

// The hand-worked books register district d, township t and villages v and w on 2020-01-01.
let books: ReportBooks;
let shares: TestShares;

beforeAll(async () => {
  books = await handWorkedBooks({ close: true });
  shares = await booksOf2023();
});

const every = Object.values(reports).map((definition: AnyReportDefinition) => [definition.name, definition] as const);
const takers = (option: ReportOptionName) => every.filter(([, d]) => d.options.includes(option));

/** A value of the right type for each option, for options the report refuses before it looks at them. */
const SAMPLE: Record<ReportOptionName, unknown> = {
  asOf: '2023-12-31',
  from: '2023-02-01',
  since: '2023-01-01',
  year: 2023,
  village: 'v',
  township: 't',
  lang: 'en',
  basis: 'total',
  thresholds: reportOptionFromText('thresholds', '1000'),
  withinDays: 30,
  minPricePerMu: reportOptionFromText('minPricePerMu', '800'),
  minPricePerM2: reportOptionFromText('minPricePerM2', '12.50'),
};

/** What each report needs to run on the hand-worked books: a year when it takes one, village v when it takes a village. */
const base = (d: AnyReportDefinition, { village = true } = {}): Record<string, unknown> => ({
  ...(d.options.includes('year') ? { year: 2023 } : {}),
  ...(village && d.options.includes('village') ? { village: 'v' } : {}),
});

/** The same, on a date before anything was registered: the end of 2019, as `asOf`, or as `year` alone for a report of whole years. */
const early = (d: AnyReportDefinition): Record<string, unknown> => ({ ...(d.options.includes('year') ? { year: 2019 } : {}), ...(d.options.includes('asOf') ? { asOf: '2019-12-31' } : {}) });

const refusal = async (definition: AnyReportDefinition, options: object, store = books.store, catalog = reportsCatalog): Promise<string> => {
  const error: unknown = await runReport(store, catalog, definition, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReportOptionError);
  const { message } = error as Error;
  expect(message.split('\n')).toHaveLength(1);
  return message;
};

describe.each(every)('report %s refuses what it cannot honour', (name, definition) => {
  const notTaken = REPORT_OPTION_NAMES.filter((option) => !definition.options.includes(option));

  it.skipIf(notTaken.length === 0).each(notTaken)('an option it does not take, %s, saying why or whose it is', async (option) => {
    const message = await refusal(definition, { ...base(definition), [option]: SAMPLE[option] });
    expect(message.startsWith(`${optionFlag(option)} is not an option of ${name}: `)).toBe(true);
    const named = /: it is an option of (.+)$/.exec(message)?.[1];
    if (named === undefined) expect(message).toBe(`${optionFlag(option)} is not an option of ${name}: ${definition.refusals?.[option] ?? ''}`);
    else expect(named.split(', ')).toEqual(takers(option).map(([taker]) => taker));
  });

  it('an option no report has', async () => {
    expect(await refusal(definition, { ...base(definition), colour: 'red' })).toBe(`colour is not an option of ${name}: no report takes it`);
  });

  it.runIf(definition.options.includes('village'))('a village the books do not hold, or hold as another kind', async () => {
    expect(await refusal(definition, { ...base(definition), village: 'zz' })).toBe('--village: no village zz is registered');
    expect(await refusal(definition, { ...base(definition), village: 't' })).toBe('--village: t is a township, not a village');
    expect(await refusal(definition, { ...base(definition), village: '' })).toBe('--village: expected an organization id, got ""');
  });

  it.runIf(definition.options.includes('village'))('a village registered after the report’s date, saying when', async () => {
    expect(await refusal(definition, { ...early(definition), village: 'v' })).toBe('--village: the village v exists, but is registered on 2020-01-01, after 2019-12-31');
  });

  it.runIf(definition.options.includes('township'))('a township the books do not hold, hold as another kind, or register later', async () => {
    const options = base(definition, { village: false });
    expect(await refusal(definition, { ...options, township: 'zz' })).toBe('--township: no township zz is registered');
    expect(await refusal(definition, { ...options, township: 'v' })).toBe('--township: v is a village, not a township');
    expect(await refusal(definition, { ...early(definition), township: 't' })).toBe('--township: the township t exists, but is registered on 2020-01-01, after 2019-12-31');
  });

  it.runIf(definition.options.includes('year')).each([0, 1948, 2101, 2023.5, -1, '2023'])('a year outside 1949 to 2100: %j', async (year) => {
    expect(await refusal(definition, { ...base(definition), year })).toBe(`--year: expected a four-digit year from 1949 to 2100, got ${JSON.stringify(year)}`);
  });

  it.runIf(definition.options.includes('year')).each([1949, 2100])('the first and last year, %i, are not refused as years', async (year) => {
    const message = await runReport(books.store, reportsCatalog, definition, { ...base(definition), year }).then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).not.toMatch(/^--year:/);
  });

  it.each(definition.options.filter((o) => ['asOf', 'from', 'since'].includes(o)))('a date outside the books’ years, or not a date, for %s', async (option) => {
    for (const date of ['0001-01-01', '2101-01-01', '2023-02-30']) {
      expect(await refusal(definition, { ...base(definition), [option]: date })).toBe(`${optionFlag(option)}: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "${date}"`);
    }
  });
});

describe('refusals that say what the books hold', () => {
  it('reads a year or a date given as text with the same words', () => {
    for (const text of ['0000', '-1', '23', '2101', ' 2023']) {
      expect(() => reportOptionFromText('year', text)).toThrow(new ReportOptionError(`--year: expected a four-digit year from 1949 to 2100, got "${text}"`));
    }
    expect(reportOptionFromText('year', '2023')).toBe(2023);
    expect(() => reportOptionFromText('asOf', '1900-01-01')).toThrow(new ReportOptionError('--as-of: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "1900-01-01"'));
  });

  it('shares: a village whose share register starts after the date says when it starts', async () => {
    expect(await refusal(reports.shares, { village: 'v', asOf: '2020-06-01' }, shares.store, coreCatalog)).toBe(
      '--village: the village v exists, but its share register starts on 2021-01-01, after 2020-06-01',
    );
    const json = await runReport(shares.store, coreCatalog, reports.shares, { village: 'v', asOf: '2021-01-01' });
    expect(json.asOf).toBe('2021-01-01');
  });

  it('shares: a village that keeps no share register says so', async () => {
    expect(await refusal(reports.shares, { village: 'v', year: 2023 })).toBe('--village: the village v exists, but keeps no share register');
  });
});
