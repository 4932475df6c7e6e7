import { parseArgs } from 'node:util';
import { isIsoDate } from '@collective-ledger/core';
import { expectPositionals, parseOrExplain, required } from '../args.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { progressOn } from '../progress.js';
import { findReport, REPORT_FORMATS, reports, type ReportFormat } from '../reports/index.js';
import { openStore } from '../stores.js';
import { warnOn, type Command } from './command.js';

const reportList = (): string =>
  [...reports.values()].map((report) => `  ${report.name.padEnd(18)} ${report.description}`).join('\n');

const usage = (): string => `Usage: collective-ledger report <name> --store <ledger.ndjson> [options]

Replay the store through a report and print the result on stdout.

Reports:
${reportList()}

Options:
  --store <ledger>      the ledger to read: a path to an .ndjson file
  --format <format>     table (default), json or csv
  --as-of <date>        only events whose business date is on or before YYYY-MM-DD
  --village <id>        only events of this organization
  --progress            show progress on stderr even when it is not a terminal
  -h, --help            show this help
`;

const formatOf = (value: string | undefined): ReportFormat => {
  const format = REPORT_FORMATS.find((f) => f === (value ?? 'table'));
  if (format === undefined) throw new UsageError(`--format must be table, json or csv, got "${value ?? ''}"`);
  return format;
};

const asOfOf = (value: string | undefined): string | undefined => {
  if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${value}"`);
  return value;
};

export const reportCommand: Command = {
  name: 'report',
  summary: `run a report over a store (${[...reports.keys()].join(', ')})`,
  get usage() {
    return usage();
  },
  async run(args, context) {
    const { values, positionals } = parseOrExplain('report', () =>
      parseArgs({
        args: [...args],
        options: {
          store: { type: 'string' },
          format: { type: 'string' },
          'as-of': { type: 'string' },
          village: { type: 'string' },
          progress: { type: 'boolean' },
        },
        allowPositionals: true,
        strict: true,
      }),
    );
    const [name = ''] = expectPositionals('report', positionals, ['<name>']);
    const report = findReport(name);
    if (report === undefined) {
      throw new UsageError(`unknown report "${name}" (reports: ${[...reports.keys()].join(', ')})`);
    }
    const storeSpec = required('report', 'store', values.store);
    const format = formatOf(values.format);
    const asOf = asOfOf(values['as-of']);
    const village = values.village;
    const store = await openStore(storeSpec, { onWarning: warnOn(context) });
    const progress = progressOn(context.io.stderr, values.progress === true);
    try {
      const output = await report.run(store, context.catalog, {
        format,
        ...(asOf === undefined ? {} : { asOf }),
        ...(village === undefined ? {} : { village }),
        ...(context.io.signal === undefined ? {} : { signal: context.io.signal }),
        onProgress: ({ read }) => {
          progress.update(`replaying: ${read} events`);
        },
      });
      progress.done();
      context.io.stdout.write(output);
      return EXIT_OK;
    } finally {
      progress.done();
      await store.close();
    }
  },
};
