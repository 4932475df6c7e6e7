import { findReport as findDefinition, optionFlag, REPORT_OPTION_NAMES, type AnyReportDefinition, type ReportOptionName } from '@collective-ledger/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from './index.js';
import { cli, statementLedgers, type Run } from './test-ledgers.js';

// The hand-worked books: district d, township t, villages v and w, all registered on 2020-01-01.
let ledgers: Awaited<ReturnType<typeof statementLedgers>>;
beforeAll(async () => {
  ledgers = await statementLedgers();
});
afterAll(() => ledgers.remove());

/** Every report the command line runs, with the core definition that says which options it takes. */
const every = [...reports.keys()].map((name) => {
  const definition = findDefinition(name);
  if (definition === undefined) throw new Error(`no core definition for ${name}`);
  return [name, definition] as const;
});

/** A value for each option on the command line. */
const SAMPLE: Record<ReportOptionName, string> = {
  asOf: '2023-12-31',
  from: '2023-02-01',
  since: '2023-01-01',
  year: '2023',
  village: 'v',
  township: 't',
  lang: 'en',
  basis: 'total',
  thresholds: '1000',
  withinDays: '30',
  minPricePerMu: '800',
  minPricePerM2: '12.50',
};

/** What each report needs to run: --year when it takes one, --village v when it takes a village. */
const base = (d: AnyReportDefinition, { village = true } = {}): string[] => [
  ...(d.options.includes('year') ? ['--year', '2023'] : []),
  ...(village && d.options.includes('village') ? ['--village', 'v'] : []),
];

/** A day before anything was registered: the end of 2019, as --as-of, or as --year alone for a report of whole years. */
const early = (d: AnyReportDefinition): string[] => [...(d.options.includes('year') ? ['--year', '2019'] : []), ...(d.options.includes('asOf') ? ['--as-of', '2019-12-31'] : [])];

/** `report <name>` refused: exit code 2, nothing on stdout, one `error:` sentence on stderr and no stack. Returns the sentence. */
const refused = async (name: string, ...args: string[]): Promise<string> => {
  const run: Run = await cli('report', name, '--store', ledgers.closed, ...args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  return run.stderr.slice('error: '.length, -1);
};

const BAD_YEAR = (text: string) => `--year: expected a four-digit year from 1949 to 2100, got "${text}"`;

describe.each(every)('report %s on the command line refuses what it cannot honour', (name, definition) => {
  const notTaken = REPORT_OPTION_NAMES.filter((option) => option !== 'lang' && !definition.options.includes(option));

  it.skipIf(notTaken.length === 0).each(notTaken)('--%s, an option it does not take', async (option) => {
    const message = await refused(name, ...base(definition), optionFlag(option), SAMPLE[option]);
    expect(message.startsWith(`${optionFlag(option)} is not an option of ${name}: `)).toBe(true);
  });

  it('an option no report has, pointing at the help', async () => {
    expect(await refused(name, ...base(definition), '--colour', 'red')).toBe('unknown option --colour (see: collective-ledger report --help)');
  });

  it.runIf(definition.options.includes('village'))('a village the books do not hold, hold as a township, or register after its date', async () => {
    expect(await refused(name, ...base(definition, { village: false }), '--village', 'zz')).toBe('--village: no village zz is registered');
    expect(await refused(name, ...base(definition, { village: false }), '--village', 't')).toBe('--village: t is a township, not a village');
    expect(await refused(name, ...early(definition), '--village', 'v')).toBe('--village: the village v exists, but is registered on 2020-01-01, after 2019-12-31');
  });

  it.runIf(definition.options.includes('township'))('a township the books do not hold, hold as a village, or register after its date', async () => {
    expect(await refused(name, ...base(definition, { village: false }), '--township', 'zz')).toBe('--township: no township zz is registered');
    expect(await refused(name, ...base(definition, { village: false }), '--township', 'v')).toBe('--township: v is a village, not a township');
    expect(await refused(name, ...early(definition), '--township', 't')).toBe('--township: the township t exists, but is registered on 2020-01-01, after 2019-12-31');
  });

  it.each(['-1', '0000', '23', '2101', '+2023'])('--year %s, with the words of every report', async (year) => {
    expect(await refused(name, '--year', year)).toBe(BAD_YEAR(year));
  });

  it('--year=-1 and --year -1 alike', async () => {
    expect(await refused(name, '--year=-1')).toBe(BAD_YEAR('-1'));
  });

  it('--as-of in a year the books cannot hold', async () => {
    expect(await refused(name, '--as-of', '0001-01-01')).toBe('--as-of: expected a date YYYY-MM-DD from 1949-01-01 to 2100-12-31, got "0001-01-01"');
  });

  it('--year with no value, when the next argument is an option', async () => {
    expect(await refused(name, '--year', '--lang', 'en')).toBe('option --year needs a value (see: collective-ledger report --help)');
  });
});
