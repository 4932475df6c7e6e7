import { parseArgs } from 'node:util';
import { expectPositionals, joinDashValues, parseOrExplain, required } from '../args.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { progressOn } from '../progress.js';
import { findReport, REPORT_FORMATS, reports, type ReportFormat } from '../reports/index.js';
import { REPLAY_ARGS, replayOptionsOf } from '../replay-args.js';
import { personalDataKeysOf } from '../store-keys.js';
import { readModelsOf } from '../store-models.js';
import { openStore } from '../stores.js';
import { REPORT_CHOICE_ARGS, reportChoicesOf } from './report-choices.js';
import { warnOn, type Command } from './command.js';

const reportList = (): string =>
  [...reports.values()].map((report) => `  ${report.name.padEnd(18)} ${report.description}`).join('\n');

const usage = (): string => `Usage: collective-ledger report <name> --store <store> [options]

Replay the store through a report and print the result on stdout. When the
report's read model is kept (collective-ledger project), the report starts
from it and reads only the events after it: the same result, sooner.

Reports:
${reportList()}

Options:
  --store <store>       the store to read: an .ndjson file, a PGlite directory or a postgres:// URL
  --format <format>     table (default), json or csv
  --as-of <date>        only events whose business date is on or before YYYY-MM-DD
  --recorded-before <timestamp>
                        only events the store recorded before this moment, e.g.
                        2024-03-31T18:00:00+08:00: the books as they stood then
  --to-position <n>     only events at or before this global position of the store
  --from <date>         trial balance, debts, contract clean-up, arrears: the period starts on
                        YYYY-MM-DD (default 1 January);
                        it ends at --as-of or the end of --year
  --year <year>         the fiscal year of a statement or statistic, 1949 to 2100
  --village <id>        only this village
  --township <id>       only the villages of this township
  --lang <lang>         labels in zh (default) or en
  --basis <basis>       income tiers: operating (501 + 502, default) or total (501 to 504)
  --thresholds <list>   income tiers: yuan amounts, comma-separated (default 100000,500000,1000000)
  --since <date>        resource income: resources a stock-take found on or after YYYY-MM-DD are new
                        (default 1 January of --year)
  --within-days <n>     warnings: contracts ending within n days are warned of (default 90)
  --min-price-per-mu <yuan>
                        warnings: the township's reference price, yuan per mu a year
  --min-price-per-m2 <yuan>
                        warnings: the township's reference price, yuan per m² a year
  --replay              replay the whole store even when the report's read model is kept
                        (see: collective-ledger project --help)
  --keys <file>         the personal-data key file that opens sealed personal fields (default:
                        <ledger>.keys beside an .ndjson ledger; a database keeps its own)
  --progress            show progress on stderr even when it is not a terminal
  -h, --help            show this help
`;

const formatOf = (value: string | undefined): ReportFormat => {
  const format = REPORT_FORMATS.find((f) => f === (value ?? 'table'));
  if (format === undefined) throw new UsageError(`--format must be table, json or csv, got "${value ?? ''}"`);
  return format;
};

/** The command line's options, as Node's parseArgs declares them. */
const REPORT_ARGS = {
  store: { type: 'string' },
  format: { type: 'string' },
  ...REPORT_CHOICE_ARGS,
  keys: { type: 'string' },
  replay: { type: 'boolean' },
  ...REPLAY_ARGS,
  progress: { type: 'boolean' },
} as const;

export const reportCommand: Command = {
  name: 'report',
  summary: `run a report over a store (${[...reports.keys()].join(', ')})`,
  get usage() {
    return usage();
  },
  async run(args, context) {
    const { values, positionals } = parseOrExplain('report', () =>
      parseArgs({ args: joinDashValues(args, REPORT_ARGS), options: REPORT_ARGS, allowPositionals: true, strict: true }),
    );
    const [name = ''] = expectPositionals('report', positionals, ['<name>']);
    const report = findReport(name);
    if (report === undefined) {
      throw new UsageError(`unknown report "${name}" (reports: ${[...reports.keys()].join(', ')})`);
    }
    const storeSpec = required('report', 'store', values.store);
    const format = formatOf(values.format);
    const chosen = reportChoicesOf(values);
    const replay = replayOptionsOf(values);
    const store = await openStore(storeSpec, { onWarning: warnOn(context) });
    const progress = progressOn(context.io.stderr, values.progress === true);
    try {
      const personalData = await personalDataKeysOf(storeSpec, store, values.keys);
      const readModels = values.replay === true ? undefined : await readModelsOf(storeSpec, store);
      const output = await report.run(store, context.catalog, {
        format,
        ...(personalData === undefined ? {} : { personalData }),
        ...(readModels === undefined ? {} : { readModels }),
        onReadModel: ({ position, after }) => {
          progress.note(`from its read model at position ${position}, and ${after} events after it`);
        },
        ...chosen,
        ...replay,
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
